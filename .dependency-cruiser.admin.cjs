// The admin app's import rule, checked in `npm run lint`: no import cycles (pages share types and
// hooks through admin/src/api and small modules, never through each other's page files).
/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  },
};
