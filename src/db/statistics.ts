// Planner statistics where nobody else keeps them. PostgreSQL's autovacuum runs ANALYZE on a table
// once enough of it changed; the embedded PGlite has no autovacuum (one process, no background
// workers), and without statistics its planner guesses: after 20,000 seeded items the uncached home
// page served 5.6 req/s, 121 after one ANALYZE. So TTDN analyzes what changed, by autovacuum's own
// rule, after migrations, seeding and imports and on every job tick — and leaves it to autovacuum
// on a PostgreSQL server that runs it.
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { rowsOf } from './transaction.js';

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, PostgreSQL's defaults. */
export const ANALYZE_THRESHOLD = 50;
export const ANALYZE_SCALE_FACTOR = 0.1;
/** Arbitrary constant key: several app processes on one PostgreSQL without autovacuum take turns. */
const STATISTICS_LOCK = 7_424_610_073;

export interface StatisticsRun {
  /** Tables analyzed now, in the order they were. */
  analyzed: string[];
  /** Why nothing was looked at: autovacuum keeps the statistics, or another process is at it. */
  skipped?: 'autovacuum' | 'busy';
  ms: number;
}

/** True when this database keeps its own statistics: a PostgreSQL server with autovacuum on. */
export async function autovacuumRuns(db: Database): Promise<boolean> {
  const [row] = rowsOf<{ pglite: boolean; autovacuum: string }>(
    await db.execute(sql`SELECT version() LIKE '%PGlite%' AS pglite, current_setting('autovacuum') AS autovacuum`),
  );
  return !row.pglite && row.autovacuum === 'on';
}

/** Rows a caller has just written, by table: counted at once, since a PostgreSQL session reports its changes to the statistics views only every second or so. */
export type WrittenRows = Partial<Record<string, number>>;

/**
 * The application's tables that need ANALYZE: never analyzed (reltuples is -1 until the first
 * VACUUM or ANALYZE), or changed by more than 50 rows + 10 % since the last one (the changes the
 * statistics views show, plus `written`; a change counted twice only brings the ANALYZE forward).
 */
export async function tablesNeedingAnalyze(db: Database, written: WrittenRows = {}): Promise<string[]> {
  const pending = Object.entries(written).map(([table, n]) => sql`(${table}::text, ${n ?? 0}::bigint)`);
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT c.relname AS name
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      LEFT JOIN (VALUES ${pending.length ? sql.join(pending, sql`, `) : sql`(NULL::text, 0::bigint)`}) w(name, n) ON w.name = c.relname
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (c.reltuples < 0
          OR coalesce(s.n_mod_since_analyze, 0) + coalesce(w.n, 0) > ${ANALYZE_THRESHOLD} + ${ANALYZE_SCALE_FACTOR} * greatest(c.reltuples, 0))
      ORDER BY c.relname`),
  );
  return rows.map((r) => r.name);
}

/**
 * Analyzes the tables that need it (see tablesNeedingAnalyze; `written`: what the caller has just
 * written), unless autovacuum does; with `force`, even then (after a bulk load whose queries follow at once).
 */
export async function analyzeChanged(db: Database, opts: { force?: boolean; written?: WrittenRows } = {}): Promise<StatisticsRun> {
  const started = performance.now();
  if (!opts.force && (await autovacuumRuns(db))) return { analyzed: [], skipped: 'autovacuum', ms: 0 };
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${STATISTICS_LOCK}) AS got`));
    if (!lock.got) return { analyzed: [], skipped: 'busy' as const, ms: performance.now() - started };
    const analyzed = await tablesNeedingAnalyze(tx as unknown as Database, opts.written);
    for (const table of analyzed) await tx.execute(sql`ANALYZE ${sql.identifier(table)}`);
    return { analyzed, ms: performance.now() - started };
  });
}
