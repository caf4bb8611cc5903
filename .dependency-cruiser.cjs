// The layering rules of ARCHITECTURE.md, checked in `npm run lint` so they cannot erode.
/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'core-imports-no-area', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/(modules|portal|jobs|http|cli)/' } },
    { name: 'db-knows-no-area', severity: 'error', from: { path: '^src/db/' }, to: { path: '^src/(modules|portal|jobs|http|cli)/' } },
    { name: 'portal-and-jobs-use-services', severity: 'error', from: { path: '^src/(portal|jobs)/' }, to: { path: '(^src/db/|(/|\\.)repo\\.ts$|/tables\\.ts$)' } },
    { name: 'cli-uses-services', severity: 'error', from: { path: '^src/cli/' }, to: { path: '((/|\\.)repo\\.ts$|/tables\\.ts$)' } },
    {
      name: 'http-is-transport',
      severity: 'error',
      comment:
        'src/http/ is transport plumbing (hooks, parsers, problems, app-wide plugins): besides core/, config and the public generation it reaches an area only through its service.ts (and the usage recorder its accounting fills) — never a repo, tables, routes or schemas, the portal, jobs, the CLI, or app.ts, which hands it what it needs',
      from: { path: '^src/http/' },
      to: {
        path: '^src/',
        pathNot: ['^src/http/', '^src/core/', '^src/config\\.ts$', '^src/db/(client|public-generation)\\.ts$', '^src/modules/[^/]+/service\\.ts$', '^src/modules/usage/recorder\\.ts$'],
      },
    },
    { name: 'routes-never-import-repo', severity: 'error', from: { path: '\\.?routes\\.ts$' }, to: { path: '(/|\\.)repo\\.ts$' } },
    {
      name: 'areas-meet-through-services',
      severity: 'error',
      comment: 'one area uses another only through its service.ts',
      from: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/[^/]+/tables\\.ts$' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/service\\.ts$'] },
    },
    {
      name: 'tables-reference-only-tables',
      severity: 'error',
      comment: 'foreign keys may point at another area\'s tables, nothing else',
      from: { path: '^src/modules/([^/]+)/tables\\.ts$' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/tables\\.ts$'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
