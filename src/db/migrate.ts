// Applies the committed drizzle-kit migrations. On PostgreSQL an advisory lock makes
// concurrent starts (several app processes) apply each migration exactly once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseHandle } from './client.js';
import { analyzeChanged } from './statistics.js';

const here = dirname(fileURLToPath(import.meta.url));
// Works from src/db (tsx, vitest) and from dist/src/db (compiled): migrations stay in the source tree.
export const migrationsFolder = here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..', '..', 'src', 'db', 'migrations') : join(here, 'migrations');

/** Arbitrary constant keys of session-level advisory locks. */
export const LOCKS = { migrations: 7_424_610_069, startup: 7_424_610_071 } as const;

/**
 * Runs fn while holding a PostgreSQL advisory lock on a dedicated connection, so that several
 * app processes starting at once take turns. PGlite has one process, so no lock is needed there.
 */
export async function withDatabaseLock<T>(handle: DatabaseHandle, key: number, fn: (client: pg.Client | null) => Promise<T>): Promise<T> {
  if (handle.engine === 'pglite') return fn(null);
  const client = new pg.Client({ connectionString: handle.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await fn(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await client.end();
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await withDatabaseLock(handle, LOCKS.migrations, async (client) => {
    if (client) await migratePg(drizzlePg({ client }), { migrationsFolder });
    else await migratePglite(drizzlePglite({ client: handle.pglite! }), { migrationsFolder });
  });
  // a migration may create or rewrite tables: statistics for them (where autovacuum does not run)
  await analyzeChanged(handle.db);
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(handle: DatabaseHandle): Promise<number> {
  try {
    const result = await handle.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}
