// Opens the database: embedded PGlite (default, under DATA_DIR) or a PostgreSQL server (DATABASE_URL).
// The rest of the code sees one Drizzle type, whichever engine runs underneath.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  pglite?: PGlite;
  pool?: pg.Pool;
  connectionString?: string;
  close(): Promise<void>;
}

export const pgliteExtensions = { unaccent, pg_trgm };

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** For tests: start PGlite from a dumped, already migrated data directory (in memory). */
  loadDataDir?: Blob | File;
  /** For tests: an in-memory PGlite. */
  inMemory?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    const db = drizzlePg({ client: pool }) as unknown as Database;
    return { db, engine: 'postgres', pool, connectionString: opts.databaseUrl, close: () => pool.end() };
  }
  let client: PGlite;
  if (opts.loadDataDir || opts.inMemory) {
    client = new PGlite({ extensions: pgliteExtensions, loadDataDir: opts.loadDataDir });
  } else {
    const dir = join(opts.dataDir, 'db');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, { extensions: pgliteExtensions });
  }
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Database;
  return { db, engine: 'pglite', pglite: client, close: () => client.close() };
}
