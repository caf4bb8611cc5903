// Queries of monitoring: job runs and the readiness probe's database check.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobStatus } from './tables.js';

export type JobStatusRow = typeof jobStatus.$inferSelect;

export interface JobOutcome {
  ok: boolean;
  error?: string;
  details?: Record<string, unknown>;
}

/** One row per job: the first run inserts it, later runs count up and keep the last success's time. */
export async function upsertJobRun(db: Database, name: string, at: Date, outcome: JobOutcome): Promise<void> {
  await db
    .insert(jobStatus)
    .values({ name, lastRunAt: at, lastOkAt: outcome.ok ? at : null, lastError: outcome.error ?? null, runs: 1, details: outcome.details ?? {} })
    .onConflictDoUpdate({
      target: jobStatus.name,
      set: {
        lastRunAt: at,
        ...(outcome.ok ? { lastOkAt: at } : {}),
        lastError: outcome.error ?? null,
        runs: sql`${jobStatus.runs} + 1`,
        details: outcome.details ?? {},
      },
    });
}

export async function findJobStatus(db: Database, name: string): Promise<JobStatusRow | null> {
  const [row] = await db.select().from(jobStatus).where(eq(jobStatus.name, name));
  return row ?? null;
}

/** true when the database answers a trivial query. */
export async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
