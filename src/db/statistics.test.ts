// Planner statistics where autovacuum does not keep them (PGlite; a PostgreSQL with autovacuum off):
// present after migrations and seeding, and refreshed for exactly the tables that changed enough.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../cli/seed.js';
import { seedSyntheticItems } from '../cli/synthetic.js';
import { ensureDefaultTopics } from '../modules/content/service.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { ANALYZE_SCALE_FACTOR, ANALYZE_THRESHOLD, analyzeChanged, autovacuumRuns, tablesNeedingAnalyze } from './statistics.js';
import { rowsOf } from './transaction.js';

let t: TestApp;
let dataDir: string;
let ownStatistics: boolean;
let pglite: boolean;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ttdn-stats-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  ownStatistics = !(await autovacuumRuns(t.db.handle.db));
  pglite = t.db.handle.engine === 'pglite';
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const db = () => t.db.handle.db;
/** Rows the planner believes a table has (-1: never analyzed), and how many columns have statistics. */
async function statsOf(table: string) {
  const [row] = rowsOf<{ tuples: number; columns: number }>(
    await db().execute(
      sql`SELECT c.reltuples::int AS tuples, (SELECT count(*)::int FROM pg_stats s WHERE s.schemaname = 'public' AND s.tablename = c.relname) AS columns
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ${table}`,
    ),
  );
  return row;
}
const countOf = async (table: string) => rowsOf<{ n: number }>(await db().execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n;

/** Tables whose statistics are further from their rows than autovacuum's rule allows (50 rows + 10 %). */
async function outsideRule(): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(await db().execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`));
  const out: string[] = [];
  for (const { name } of tables) {
    const stats = await statsOf(name);
    const rows = await countOf(name);
    if (stats.tuples < 0 || Math.abs(rows - stats.tuples) > ANALYZE_THRESHOLD + ANALYZE_SCALE_FACTOR * stats.tuples) out.push(name);
  }
  return out;
}

/**
 * Every table within the rule: at once on PGlite, which counts each change as it happens; on
 * PostgreSQL, whose sessions report their changes to the statistics views within a second or ten,
 * after the job's next runs (as the database-statistics job does on every tick).
 */
async function expectStatisticsWithinRule() {
  if (pglite) return expect(await outsideRule()).toEqual([]);
  await expect
    .poll(
      async () => {
        await db().execute(sql`SELECT pg_stat_force_next_flush()`);
        await analyzeChanged(db());
        return outsideRule();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toEqual([]);
}

/** Tables well over the threshold and just analyzed: statistics that match their rows, on their columns. */
async function expectExact(tables: string[]) {
  for (const name of tables) {
    const stats = await statsOf(name);
    const rows = await countOf(name);
    expect(rows, name).toBeGreaterThan(ANALYZE_THRESHOLD);
    expect(stats.tuples, name).toBe(rows);
    expect(stats.columns, name).toBeGreaterThan(0);
  }
}

describe('planner statistics', () => {
  it('the embedded database is its own keeper of statistics; a PostgreSQL server with autovacuum is not', async () => {
    const [row] = rowsOf<{ pglite: boolean; autovacuum: string }>(
      await db().execute(sql`SELECT version() LIKE '%PGlite%' AS pglite, current_setting('autovacuum') AS autovacuum`),
    );
    expect(ownStatistics).toBe(row.pglite || row.autovacuum !== 'on');
    if (!ownStatistics) expect(await analyzeChanged(db())).toEqual({ analyzed: [], skipped: 'autovacuum', ms: 0 });
  });

  it('a migrated database has statistics on every table', async () => {
    if (!ownStatistics) return; // autovacuum's business there
    expect(await tablesNeedingAnalyze(db())).toEqual([]);
  });

  it('a freshly seeded database has statistics on the hot tables that match their rows', async () => {
    await ensureDefaultTopics(t.system);
    await seedDemoData(t.system, dataDir);
    if (!ownStatistics) return; // autovacuum's business, on its own time
    // the seeding analyzed what it wrote: on PGlite nothing is left to do
    if (pglite) expect(await tablesNeedingAnalyze(db())).toEqual([]);
    await expectStatisticsWithinRule();
    await expectExact(['audit_events']);
  });

  it('after a bulk load, the job brings the statistics of the items up to date', async () => {
    await seedSyntheticItems(t.system, 300, () => undefined);
    if (ownStatistics) {
      // a PostgreSQL session reports its counters within a second or so; PGlite at once
      await db().execute(sql`SELECT pg_stat_force_next_flush()`);
      await expect.poll(() => tablesNeedingAnalyze(db()), { timeout: 15_000 }).toEqual(expect.arrayContaining(['items', 'item_versions', 'revisions']));
    }
    const run = await analyzeChanged(db());
    if (!ownStatistics) return;
    expect(run.analyzed).toEqual(expect.arrayContaining(['items', 'item_versions', 'revisions']));
    await expectStatisticsWithinRule();
    await expectExact(['items', 'item_versions', 'revisions']);
  });

  it('analyzes a table once more than 50 rows + 10 % changed, and only then', async () => {
    await analyzeChanged(db(), { force: true });
    const before = (await statsOf('job_status')).tuples;
    const insert = (from: number, n: number) =>
      db().execute(sql`INSERT INTO job_status (name, last_run_at) SELECT 'statistik-' || g, now() FROM generate_series(${from}::int, ${from + n - 1}::int) g`);
    // under the threshold: nothing to do
    await insert(1, ANALYZE_THRESHOLD - 10);
    expect(await tablesNeedingAnalyze(db())).not.toContain('job_status');
    // over it: the counters reach the statistics views when the session reports them (at once on PGlite)
    await insert(1000, 20);
    await db().execute(sql`SELECT pg_stat_force_next_flush()`);
    await expect.poll(() => tablesNeedingAnalyze(db()), { timeout: 15_000 }).toContain('job_status');
    const run = await analyzeChanged(db(), { force: true });
    expect(run.analyzed).toContain('job_status');
    expect((await statsOf('job_status')).tuples).toBe(before + ANALYZE_THRESHOLD + 10);
    expect(await tablesNeedingAnalyze(db())).not.toContain('job_status');
    expect((await analyzeChanged(db(), { force: true })).analyzed).not.toContain('job_status');
  });
});
