// Prepares a migrated database once per run: a PGlite data-dir snapshot, or a PostgreSQL
// template database when TEST_DATABASE_URL is set. Each test file then starts from a copy.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

export const TEMPLATE_DB = 'ttdn_test_template';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Databases left by an interrupted run.
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'ttdn_t_%' OR datname = $1`, [TEMPLATE_DB]);
    for (const r of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const handle = await openDatabase({ databaseUrl: templateUrl, dataDir: '' });
    await migrateDatabase(handle);
    await handle.close();
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
  await migrateDatabase(handle);
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), 'ttdn-test-'));
  const file = join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
