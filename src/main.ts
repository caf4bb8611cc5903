// The `ttdn` CLI: opens the configuration and the database, then runs the command named first on the
// command line (each in src/cli/<command>.ts). `ttdn serve` keeps the database open; the others close it.
import { AppError } from './core/errors.js';
import { fail, type Command } from './cli/command.js';
import { loadConfigOrExit, openDatabaseOrExit, systemContext } from './cli/context.js';
import { USAGE } from './cli/usage.js';

// Each command loads only what it uses: `ttdn users list` does not load the web app that `serve` needs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./cli/serve.js')).serveCommand,
  migrate: async () => (await import('./cli/migrate.js')).migrateCommand,
  seed: async () => (await import('./cli/seed.js')).seedCommand,
  users: async () => (await import('./cli/users.js')).usersCommand,
  audit: async () => (await import('./cli/audit.js')).auditCommand,
  content: async () => (await import('./cli/content.js')).contentCommand,
  import: async () => (await import('./cli/import.js')).importCommand,
  export: async () => (await import('./cli/export.js')).exportCommand,
};

async function main([name, ...args]: string[]) {
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) fail(`Unknown command "${name}".\n\n${USAGE}`, 2);
  const config = loadConfigOrExit();
  const [command, handle] = await Promise.all([load(), openDatabaseOrExit(config)]);
  const ctx = systemContext(handle, config, 'system:cli');
  try {
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
