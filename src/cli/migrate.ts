// `ttdn migrate`: applies pending migrations (a second run does nothing).
import { migrateDatabase } from '../db/migrate.js';
import type { Command } from './command.js';

export const migrateCommand: Command = async ({ handle }) => {
  await migrateDatabase(handle);
  process.stdout.write('Migrations applied.\n');
};
