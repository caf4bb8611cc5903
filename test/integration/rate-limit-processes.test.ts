// Two real app processes (`ttdn serve`) behind one Redis share each caller's rate limit, and each
// writes its buffered usage counters when it stops. On PostgreSQL both use the test database; on
// the embedded one each has its own (the limit is shared through Redis, not the database).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { rowsOf } from '../../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { NEEDS_REDIS, REDIS_URL, redisReachable } from '../helpers/services.js';

const root = join(import.meta.dirname, '..', '..');
const prefix = `ttdn-test-${randomBytes(6).toString('hex')}:`;
let db: TestDatabase;
let redisUp = false;
const dirs: string[] = [];
const procs: ChildProcess[] = [];

function startServer(): Promise<{ child: ChildProcess; base: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttdn-rl-'));
  dirs.push(dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        ...(db.url ? { DATABASE_URL: db.url } : {}),
        DATA_DIR: dataDir,
        PORT: '0',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        RATE_LIMIT_ANONYMOUS: '4',
        USAGE_FLUSH_SECONDS: '3600',
      },
    });
    procs.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 200_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Admin app: (http:\/\/[^\s]+)\/admin\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], dataDir });
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

beforeAll(async () => {
  redisUp = await redisReachable();
  db = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(procs.map(stop));
  await db.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('two app processes and one Redis', () => {
  // Two processes migrating their own embedded databases at once take a while on a busy machine.
  it('share each caller’s limit, and write their usage counters when stopped', { timeout: 240_000 }, async (ctx) => {
    ctx.skip(!redisUp, NEEDS_REDIS);
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (const base of [a.base, b.base, a.base, b.base, a.base, b.base]) {
      const res = await fetch(`${base}/api/v1/meta`);
      statuses.push(res.status);
      remaining.push(res.headers.get('ratelimit-remaining') ?? '');
      if (res.status === 429) {
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await res.json()) as { code: string }).code).toBe('rate_limited');
      } else await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(remaining).toEqual(['3', '2', '1', '0', '0', '0']);

    // A's three requests reach the database only when A stops (SIGTERM flushes).
    expect(await stop(a.child)).toBe(0);
    const handle = db.url ? db.handle : await openDatabase({ databaseUrl: null, dataDir: a.dataDir });
    try {
      const rows = rowsOf<{ requests: number; rate_limited: number }>(
        await handle.db.execute(
          sql`SELECT sum(requests)::int AS requests, sum(rate_limited)::int AS rate_limited FROM api_usage WHERE principal = 'ip:127.0.0.1'`,
        ),
      );
      // on PostgreSQL B has not flushed yet: only A's are there
      expect(rows[0]).toEqual({ requests: 3, rate_limited: 1 });
    } finally {
      if (!db.url) await handle.close();
    }
  });
});
