// `ttdn serve` (what `npm start` runs): migrates, bootstraps an empty database (demo data, the first
// administrator), starts the job runner and the server, and stops both cleanly on SIGTERM/SIGINT.
import { buildApp } from '../app.js';
import { publicBaseUrl } from '../config.js';
import { systemClock } from '../core/clock.js';
import { LOCKS, migrateDatabase, withDatabaseLock } from '../db/migrate.js';
import { startJobs } from '../jobs/runner.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import { fail, type Command } from './command.js';
import { systemContext } from './context.js';
import { ensureFirstAdmin } from './first-admin.js';
import { seedDemoData } from './seed.js';

export const serveCommand: Command = async ({ config, handle }) => {
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
  const jobs = startJobs({ db: handle.db, config, clock: systemClock, log: app.log, intervalMs: config.jobs.intervalMs });
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
};
