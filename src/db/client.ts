// Opens the database: embedded PGlite (default, under DATA_DIR) or a PostgreSQL server (DATABASE_URL).
// The rest of the code sees one Drizzle type, whichever engine runs underneath.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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
    const lock = acquireLock(join(opts.dataDir, 'db.lock'));
    try {
      client = new PGlite(dir, { extensions: pgliteExtensions });
      await client.waitReady;
    } catch (e) {
      lock.release();
      throw e;
    }
    const db = drizzlePglite({ client }) as unknown as Database;
    return {
      db,
      engine: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        lock.release();
      },
    };
  }
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Database;
  return { db, engine: 'pglite', pglite: client, close: () => client.close() };
}

export class DatabaseInUse extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database belongs to one process at a time (PGlite is not multi-process): a second
 * process — the CLI while `npm start` runs — would silently lose writes. A pid file guards it;
 * a lock left by a process that died is taken over.
 */
function acquireLock(path: string): { release(): void } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release: () => {
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DatabaseInUse(
          `the embedded database in ${path.replace(/db\.lock$/, 'db')} is in use by another TTDN process (pid ${pid}, e.g. a running \`npm start\`). Stop it first, then run this again.`,
        );
      }
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new DatabaseInUse(`cannot lock ${path}`);
}
