// CLI: serve | migrate | seed | users create|reset-password|unlock|list | audit verify | export national
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { publicBaseUrl } from './config.js';
import { ROLES, type Role } from './core/actor.js';
import { AppError } from './core/errors.js';
import { LOCKS, migrateDatabase, withDatabaseLock } from './db/migrate.js';
import * as accounts from './modules/accounts/service.js';
import * as content from './modules/content/service.js';
import { startJobs } from './jobs/runner.js';
import { systemClock } from './core/clock.js';
import { verifyAuditChain } from './modules/audit/service.js';
import { loadConfigOrExit, openDatabaseOrExit, systemContext } from './cli/context.js';
import { ensureFirstAdmin, seedDemoData } from './cli/seed.js';
import { exportCommand } from './cli/export.js';
import { seedSyntheticItems } from './cli/synthetic.js';

const USAGE = `Usage: ttdn <command>

  serve                         migrate, seed an empty database, start the server
  migrate                       apply pending database migrations
  seed [--items N]              load the demo agencies, accounts and items (skips existing ones);
                                --items N adds N synthetic published items for benchmarks
  users create --email E --agency SLUG|ID --role ROLE [--username U] [--name N] [--password-stdin]
  users reset-password LOGIN [--password-stdin]   new password; must be changed at next sign-in
  users unlock LOGIN            release a sign-in lock
  users list                    list accounts
  audit verify                  walk the audit hash chain and report the first broken link
  content list [--state S] [--agency SLUG]       language versions, newest change first
  content unpublish VERSION_ID                  take a version offline at once (audited as system:cli)
  content publish-due                           publish what is scheduled and due now
  import FILE --agency SLUG [--mode draft|submit] [--declare]
                                import items from a CSV, XLSX or JSON file (docs/import.md)
  export national (--full | --since CURSOR) --out FILE
                                public published content for the national foreign-information
                                database, JSON Lines (docs/export.md); prints the next cursor

Environment: DATABASE_URL (PostgreSQL; embedded PGlite under DATA_DIR otherwise), DATA_DIR, PORT, HOST…
(see README.md). Roles: ${ROLES.join(', ')}.`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readStdinPassword(): string {
  const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!text) fail('No password on standard input.');
  return text;
}

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const config = loadConfigOrExit();
  const handle = await openDatabaseOrExit(config);
  const ctx = systemContext(handle, config, 'system:cli');
  try {
    switch (command) {
      case 'serve':
        return await serve(config, handle);
      case 'migrate':
        await migrateDatabase(handle);
        process.stdout.write('Migrations applied.\n');
        break;
      case 'seed': {
        await migrateDatabase(handle);
        const { values: seedOpts } = parseArgs({ args: [sub, ...rest].filter((x): x is string => x !== undefined), options: { items: { type: 'string' } } });
        await content.ensureDefaultTopics(systemContext(handle, config, 'system:seed'));
        const r = await seedDemoData(systemContext(handle, config, 'system:seed'), config.dataDir);
        process.stdout.write(`Demo data: ${r.agencies} agencies, ${r.accounts} new accounts, ${r.versions} language versions of items. Passwords: ${r.credentialsFile}\n`);
        if (seedOpts.items) {
          const n = Number(seedOpts.items);
          if (!Number.isSafeInteger(n) || n < 1 || n > 5_000_000) fail('--items must be a whole number from 1 to 5000000', 2);
          const started = Date.now();
          await seedSyntheticItems(systemContext(handle, config, 'system:seed'), n, (done, total) => process.stderr.write(`\r${done}/${total} synthetic items`));
          process.stderr.write('\n');
          process.stdout.write(`Synthetic items: ${n} published in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
        }
        break;
      }
      case 'content':
        await contentCommand(ctx, sub, rest);
        break;
      case 'export': {
        const problem = await exportCommand(ctx, sub, rest);
        if (problem) fail(problem, 2);
        break;
      }
      case 'import':
        await importCommand(ctx, [sub, ...rest].filter((x): x is string => x !== undefined));
        break;
      case 'users':
        await usersCommand(ctx, sub, rest);
        break;
      case 'audit': {
        if (sub !== 'verify') fail(USAGE, 2);
        const r = await verifyAuditChain(handle.db);
        if (r.ok) process.stdout.write(`Audit chain intact: ${r.checked} events, head ${r.head}\n`);
        else fail(`Audit chain BROKEN at event seq ${r.brokenAt} (${r.reason}); ${r.checked} events before it are intact.`, 3);
        break;
      }
      default:
        fail(`Unknown command "${command}".\n\n${USAGE}`, 2);
    }
  } catch (e) {
    if (e instanceof AppError) {
      const fields = e.fields.map((f) => `  ${f.field}: ${f.message.en}`).join('\n');
      fail(`${e.text.en}${fields ? '\n' + fields : ''}`);
    }
    throw e;
  } finally {
    if (command !== 'serve') await handle.close();
  }
}

async function usersCommand(ctx: ReturnType<typeof systemContext>, sub: string | undefined, rest: string[]) {
  if (sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, agency: { type: 'string' }, role: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
    if (!values.email || !values.agency || !values.role) fail('users create needs --email, --agency and --role.', 2);
    if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}.`, 2);
    const agencies = await accounts.listAgencies(ctx, { includeArchived: false });
    const agency = agencies.find((a) => a.slug === values.agency || a.id === values.agency);
    if (!agency) fail(`No agency "${values.agency}". Agencies: ${agencies.map((a) => a.slug).join(', ')}`);
    const username = values.username ?? values.email.split('@')[0].replace(/[^A-Za-z0-9._-]/g, '-');
    const { user, password } = await accounts.createUser(ctx, {
      agencyId: agency.id,
      email: values.email,
      username,
      displayName: values.name ?? username,
      role: values.role as Role,
      password: values['password-stdin'] ? readStdinPassword() : undefined,
    });
    process.stdout.write(`Created ${user.username} (${user.role}, ${agency.slug}).\n`);
    if (!values['password-stdin']) process.stdout.write(`Password (shown once, must be changed at first sign-in): ${password}\n`);
    return;
  }
  if (sub === 'reset-password' || sub === 'unlock') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'password-stdin': { type: 'boolean' } } });
    if (!positionals[0]) fail(`users ${sub} needs the user's e-mail or user name.`, 2);
    const user = await accounts.findUserByLogin(ctx, positionals[0]);
    if (sub === 'unlock') {
      await accounts.unlockUser(ctx, user.id);
      process.stdout.write(`Unlocked ${user.username}.\n`);
      return;
    }
    const { password } = await accounts.resetUserPassword(ctx, user.id, { password: values['password-stdin'] ? readStdinPassword() : undefined });
    process.stdout.write(`Password of ${user.username} reset; all its sessions ended; it must be changed at next sign-in.\n`);
    if (!values['password-stdin']) process.stdout.write(`New password (shown once): ${password}\n`);
    return;
  }
  if (sub === 'list') {
    const rows = await accounts.listUsers(ctx, {});
    for (const u of rows) process.stdout.write(`${u.username}\t${u.role}\t${u.email}${u.lockedAt ? '\tLOCKED' : ''}${u.disabledAt ? '\tDISABLED' : ''}\n`);
    return;
  }
  fail(USAGE, 2);
}

async function contentCommand(ctx: ReturnType<typeof systemContext>, sub: string | undefined, rest: string[]) {
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { state: { type: 'string' }, agency: { type: 'string' } } });
    const agency = values.agency ? (await accounts.listAgencies(ctx, {})).find((a) => a.slug === values.agency) : undefined;
    if (values.agency && !agency) fail(`No agency "${values.agency}".`);
    const { items } = await content.listWorkingVersions(ctx, { state: values.state, agencyId: agency?.id, limit: 200 });
    for (const v of items) process.stdout.write(`${v.id}\t${v.language}\t${v.state}${v.online ? '\tonline' : ''}\t${v.title}\n`);
    return;
  }
  if (sub === 'unpublish') {
    if (!rest[0]) fail('content unpublish needs a version id (see: ttdn content list).', 2);
    const v = await content.unpublish(ctx, rest[0]);
    process.stdout.write(`Unpublished ${v.version.id} (${v.version.language}); it is offline now.\n`);
    return;
  }
  if (sub === 'publish-due') {
    const r = await content.publishDue(ctx);
    process.stdout.write(`Published ${r.published.length} scheduled version(s); ${r.failed.length} failed.\n`);
    for (const f of r.failed) process.stdout.write(`  ${f.id}: ${f.reason}\n`);
    return;
  }
  fail(USAGE, 2);
}

async function importCommand(ctx: ReturnType<typeof systemContext>, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { agency: { type: 'string' }, mode: { type: 'string' }, declare: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) fail('import needs a file: ttdn import FILE --agency SLUG', 2);
  const mode = (values.mode ?? 'draft') as 'draft' | 'submit';
  if (mode !== 'draft' && mode !== 'submit') fail('--mode is draft or submit', 2);
  const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  let agencyId: string | undefined;
  if (values.agency) {
    const agency = (await accounts.listAgencies(ctx, {})).find((a) => a.slug === values.agency || a.id === values.agency);
    if (!agency) fail(`No agency "${values.agency}".`);
    agencyId = agency.id;
  }
  await content.ensureDefaultTopics(ctx);
  const opts = { format, mode, agencyId, declaration: values.declare, fileName: file } as const;
  const { id, rows } = await content.startImport(ctx, readFileSync(file), opts);
  const started = Date.now();
  const bar = (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done}/${total}`);
  };
  const result = await content.runImport(ctx, id, rows, opts, bar);
  process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`Imported ${result.imported} item(s) as ${mode === 'submit' ? 'submitted' : 'drafts'}, rejected ${result.rejected} row(s) in ${seconds.toFixed(1)} s (${Math.round(rows.length / seconds)} rows/s). Import ${id}.\n`);
  for (const r of result.report.slice(0, 50)) process.stdout.write(`  row ${r.row}: ${r.errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}\n`);
  if (result.report.length > 50) process.stdout.write(`  … ${result.report.length - 50} more in the import report\n`);
}

async function serve(config: ReturnType<typeof loadConfigOrExit>, handle: Awaited<ReturnType<typeof openDatabaseOrExit>>) {
  await migrateDatabase(handle);
  // Several processes may start at once on one PostgreSQL: one of them seeds and bootstraps.
  const { demo, firstAdmin } = await withDatabaseLock(handle, LOCKS.startup, async () => {
    const seedCtx = systemContext(handle, config, 'system:seed');
    const demo = config.seedDemo && (await accounts.countAllUsers(seedCtx)) === 0 ? await seedDemoData(seedCtx, config.dataDir) : null;
    const firstAdmin = await ensureFirstAdmin(systemContext(handle, config, 'system:bootstrap'));
    await content.ensureDefaultTopics(systemContext(handle, config, 'system:bootstrap'));
    // Imports whose process stopped mid-way are marked so, not left "running" forever.
    await content.markInterruptedImports(systemContext(handle, config, 'system:bootstrap'));
    return { demo, firstAdmin };
  });
  const firstSignIn: string[] = [];
  if (firstAdmin) {
    firstSignIn.push(
      '',
      '  First sign-in — shown only this once:',
      `    user name: ${firstAdmin.username}`,
      `    password:  ${firstAdmin.password}`,
      '  You will be asked to choose a new password and to set up two-factor authentication.',
      '  Lost it? Run: npx ttdn users reset-password admin',
    );
  }
  if (demo) firstSignIn.push('', `  Demo agencies and accounts loaded; their passwords are in ${demo.credentialsFile}`);
  const app = await buildApp({ config, database: handle });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
    // the accounts are made: their one-time password must not be lost with the failed start
    process.stdout.write(firstSignIn.join('\n') + '\n\n');
    await app.close();
    await handle.close();
    fail(
      code === 'EADDRINUSE'
        ? `Cannot listen on ${config.host}:${config.port}: the port is in use (another TTDN?). Stop that process, or start with another port: PORT=3001 npm start`
        : `Cannot listen on ${config.host}:${config.port}: permission denied. Choose a port above 1023 with PORT.`,
    );
  }
  // PORT=0 (any free port): links the server makes from now on (webhook payloads, e-mails) name the real one
  const addr = app.server.address();
  if (typeof addr === 'object' && addr) config.port = addr.port;
  const jobs = startJobs({ db: handle.db, config, clock: systemClock, log: app.log });
  const base = publicBaseUrl(config);
  const lines = [
    '',
    `TTDN is running (${handle.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}).`,
    `  Portal:    ${base}/`,
    `  Admin app: ${base}/admin/`,
    `  API docs:  ${base}/api/docs   (OpenAPI: ${base}/api/v1/openapi.json)`,
  ];
  lines.push(...firstSignIn);
  process.stdout.write(lines.join('\n') + '\n\n');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    jobs.stop();
    await app.close();
    await handle.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main(process.argv.slice(2));
