// Job health (recorded by the job runner, read by the admin app) and the readiness probe's checks.
import type { Context } from '../../core/context.js';
import type { DatabaseHandle } from '../../db/client.js';
import { appliedMigrationCount, expectedMigrationCount } from '../../db/migrate.js';
import * as repo from './repo.js';
import { analyzeChanged, type StatisticsRun } from '../../db/statistics.js';

export async function recordJobRun(ctx: Context, name: string, outcome: repo.JobOutcome) {
  await repo.upsertJobRun(ctx.db, name, ctx.clock.now(), outcome);
}

/** The planner statistics job: ANALYZE what changed enough where autovacuum does not run (src/db/statistics.ts). */
export async function refreshPlannerStatistics(ctx: Context): Promise<StatisticsRun> {
  return analyzeChanged(ctx.db);
}

export async function getJobStatus(ctx: Context, name: string) {
  return repo.findJobStatus(ctx.db, name);
}

/** Ready when the database answers and every migration of this build is applied. */
export async function checkReadiness(handle: DatabaseHandle): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const checks: Record<string, string> = {};
  checks.database = (await repo.databaseAnswers(handle.db)) ? 'ok' : 'unreachable';
  const applied = checks.database === 'ok' ? await appliedMigrationCount(handle) : 0;
  const expected = expectedMigrationCount();
  checks.migrations = applied >= expected ? 'ok' : `pending (${applied}/${expected})`;
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}
