// A fresh, migrated database for one test file: a copy of the run's PGlite snapshot, or a new
// PostgreSQL database made from the template.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, pgliteExtensions, type DatabaseHandle } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string | null;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `ttdn_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const dbUrl = withDatabase(url, name);
    const handle = await openDatabase({ databaseUrl: dbUrl, dataDir: '', poolSize: 5 });
    return {
      handle,
      url: dbUrl,
      close: async () => {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  const handle = await openDatabase({ databaseUrl: null, dataDir: '', loadDataDir: new Blob([snapshot]) });
  return { handle, url: null, close: () => handle.close() };
}

/**
 * Makes `dataDir` hold an embedded database that is already migrated: the run's snapshot unpacked
 * on disk, as `ttdn migrate` would leave it (which takes ten seconds or more per directory). For
 * tests of the CLI and the server as processes that need a migrated database, not the migration.
 */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const snapshot = inject('pgliteSnapshot');
  if (!snapshot) {
    // The PostgreSQL pass makes no PGlite snapshot: migrate the directory in this process.
    const handle = await openDatabase({ databaseUrl: null, dataDir });
    await migrateDatabase(handle);
    await handle.close();
    return;
  }
  const dir = join(dataDir, 'db');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: pgliteExtensions, loadDataDir: new Blob([readFileSync(snapshot)]) });
  await client.waitReady;
  await client.close();
}
