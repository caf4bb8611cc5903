// The `ttdn` CLI: opens the configuration and the database, then runs the command named first on the
// command line (each in src/cli/<command>.ts). `ttdn serve` keeps the database open; the others close it.
import { AppError } from './core/errors.js';
import { auditCommand } from './cli/audit.js';
import { fail, type Command } from './cli/command.js';
import { contentCommand } from './cli/content.js';
import { loadConfigOrExit, openDatabaseOrExit, systemContext } from './cli/context.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { migrateCommand } from './cli/migrate.js';
import { seedCommand } from './cli/seed.js';
import { serveCommand } from './cli/serve.js';
import { USAGE } from './cli/usage.js';
import { usersCommand } from './cli/users.js';

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  users: usersCommand,
  audit: auditCommand,
  content: contentCommand,
  import: importCommand,
  export: exportCommand,
};

async function main([name, ...args]: string[]) {
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const config = loadConfigOrExit();
  const handle = await openDatabaseOrExit(config);
  const ctx = systemContext(handle, config, 'system:cli');
  try {
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) fail(`Unknown command "${name}".\n\n${USAGE}`, 2);
    await command({ config, handle, ctx }, args);
  } catch (e) {
    if (e instanceof AppError) {
      const fields = e.fields.map((f) => `  ${f.field}: ${f.message.en}`).join('\n');
      fail(`${e.text.en}${fields ? '\n' + fields : ''}`);
    }
    throw e;
  } finally {
    if (name !== 'serve') await handle.close();
  }
}

await main(process.argv.slice(2));
