// Health of background jobs: each run leaves its time and outcome, so a job that stopped running is visible.
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const jobStatus = pgTable('job_status', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastOkAt: timestamp('last_ok_at', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});
