// Job health: recorded by the job runner, read by the admin app and /readyz-style checks.
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import { jobStatus } from './tables.js';

export async function recordJobRun(ctx: Context, name: string, outcome: { ok: boolean; error?: string; details?: Record<string, unknown> }) {
  const now = ctx.clock.now();
  await ctx.db
    .insert(jobStatus)
    .values({ name, lastRunAt: now, lastOkAt: outcome.ok ? now : null, lastError: outcome.error ?? null, runs: 1, details: outcome.details ?? {} })
    .onConflictDoUpdate({
      target: jobStatus.name,
      set: {
        lastRunAt: now,
        ...(outcome.ok ? { lastOkAt: now } : {}),
        lastError: outcome.error ?? null,
        runs: sql`${jobStatus.runs} + 1`,
        details: outcome.details ?? {},
      },
    });
}

export async function getJobStatus(ctx: Context, name: string) {
  const [r] = await ctx.db.select().from(jobStatus).where(eq(jobStatus.name, name));
  return r ?? null;
}
