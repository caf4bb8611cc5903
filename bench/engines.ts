// The databases a bench runs on: a fresh embedded one in a temporary directory, and a scratch
// database on the PostgreSQL server at BENCH_PG_URL (BENCH_PG_DB, else the bench's own name; dropped
// and created first, dropped after). A server that cannot be reached skips its part with a line
// saying so; any other failure fails the bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';

type Run = (handle: DatabaseHandle, dataDir: string) => Promise<void>;

export async function onPglite(prefix: string, run: Run): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-pglite-`));
  const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
  try {
    await run(handle, dir);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function onScratchPostgres(defaultName: string, prefix: string, run: Run): Promise<void> {
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = process.env.BENCH_PG_DB ?? defaultName;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_PG_DB: not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: pgUrl });
  const reached = await admin.connect().then(
    () => true,
    (e: Error) => (console.log(`(PostgreSQL part skipped: ${e.message})`), false),
  );
  if (!reached) return;
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-pg-`));
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: u.toString(), dataDir: dir });
    try {
      await run(handle, dir);
    } finally {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.end().catch(() => undefined);
  }
}
