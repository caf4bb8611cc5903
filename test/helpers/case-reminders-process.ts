// A separate OS process running the case-reminders job once against DATABASE_URL at the instant
// CLOCK (ISO): what each of two app processes does when their job runners fire together
// (deadlines.test.ts). Prints the number of reminders it sent.
import { loadConfig } from '../../src/config.js';
import { systemContext } from '../../src/cli/context.js';
import { openDatabase } from '../../src/db/client.js';
import { sendCaseReminders } from '../../src/modules/cases/service.js';

const at = new Date(process.env.CLOCK ?? '');
const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL ?? '', DATA_DIR: process.env.DATA_DIR ?? '/tmp', LOG_LEVEL: 'warn' });
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  // start together: both processes wait for the same wall-clock moment before running
  const startAt = Number(process.env.START_AT ?? 0);
  if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));
  const { sent } = await sendCaseReminders({ ...systemContext(handle, config, 'system:jobs'), clock: { now: () => new Date(at) } });
  process.stdout.write(`${sent}\n`);
} finally {
  await handle.close();
}
