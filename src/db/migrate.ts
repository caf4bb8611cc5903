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

const here = dirname(fileURLToPath(import.meta.url));
// Works from src/db (tsx, vitest) and from dist/src/db (compiled): migrations stay in the source tree.
export const migrationsFolder = here.includes(`${join('dist', 'src')}`)
  ? join(here, '..', '..', '..', 'src', 'db', 'migrations')
  : join(here, 'migrations');

const MIGRATION_LOCK_KEY = 7_424_610_069; // arbitrary, constant: "TTDN migrations"

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(drizzlePglite({ client: handle.pglite! }), { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: handle.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
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
