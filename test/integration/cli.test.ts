// The operator CLI against the embedded database (or PostgreSQL when TEST_DATABASE_URL is set):
// migrate, seed, users create / reset-password / unlock, audit verify, configuration errors.
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.js';
import { systemActor } from '../../src/core/actor.js';
import { systemClock } from '../../src/core/clock.js';
import type { Context } from '../../src/core/context.js';
import { openDatabase } from '../../src/db/client.js';
import * as accounts from '../../src/modules/accounts/service.js';
import { rowsOf } from '../../src/db/transaction.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, migratedDataDir, type TestDatabase } from '../helpers/database.js';
import { STRONG_PASSWORD } from '../helpers/app.js';

let dataDir: string;
let pgDb: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ttdn-cli-'));
  env = { DATA_DIR: dataDir };
  if (process.env.TEST_DATABASE_URL) {
    // An empty database: the CLI's migrate must build it from nothing.
    pgDb = await createTestDatabase();
    await pgDb.handle.db.execute(sql`DROP SCHEMA public CASCADE`);
    await pgDb.handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
    await pgDb.handle.db.execute(sql`CREATE SCHEMA public`);
    env.DATABASE_URL = pgDb.url!;
  }
});
afterAll(async () => {
  await pgDb?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the CLI's database in-process between CLI runs (PGlite allows one process at a time). */
async function withDb<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn({
      actor: systemActor('system:test'),
      db: handle.db,
      clock: systemClock,
      log: console,
      locale: 'en',
      requestId: 't',
      ip: '127.0.0.1',
      config,
    });
  } finally {
    await handle.close();
  }
}

describe('ttdn CLI', () => {
  it('migrate applies migrations, and a second run is a no-op', async () => {
    const first = await runCli(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Migrations applied.');
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });

  it('seed loads the demo agencies with one account each, passwords in a private file', async () => {
    const r = await runCli(['seed'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Demo data: 14 agencies, 14 new accounts/);
    const file = join(dataDir, 'demo-accounts.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^so-du-lich\tcontributor\t\S{23}$/m);
    // demo cases, made through the use cases: one worked with an overdue agency, one not taken up, one closed
    const caseRows = async () =>
      withDb(async (ctx) =>
        rowsOf(
          await ctx.db.execute(
            sql`SELECT c.status, c.taken_up_at IS NOT NULL AS taken, (SELECT count(*)::int FROM case_assignments a WHERE a.case_id = c.id AND a.material_received_at IS NULL AND a.due_date < ${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}) AS overdue FROM cases c ORDER BY c.created_at`,
          ),
        ),
      );
    expect(await caseRows()).toEqual([
      { status: 'closed_without_publication', taken: true, overdue: 0 },
      { status: 'agencies_notified', taken: true, overdue: 1 },
      { status: 'opened', taken: false, overdue: 0 },
    ]);
    // Again: nothing duplicated.
    expect((await runCli(['seed'], env)).stdout).toMatch(/0 new accounts/);
    expect(await caseRows()).toHaveLength(3);
  });

  it('serve on a port in use stops with one clear line, and still prints the first sign-in it created', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const port = (busy.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'ttdn-cli-port-'));
    try {
      await migratedDataDir(dir); // the first start on a migrated database (migrate is tested above)
      const r = await runCli(['serve'], { DATA_DIR: dir, PORT: String(port), SEED_DEMO: 'false' });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `Cannot listen on 127.0.0.1:${port}: the port is in use (another TTDN?). Stop that process, or start with another port: PORT=3001 npm start`,
      );
      expect(r.stdout).toMatch(/user name: admin\n\s+password:\s+\S{10,}/);
    } finally {
      busy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('users create prints a generated password that signs in and must be changed', async () => {
    const r = await runCli(
      ['users', 'create', '--email', 'bientap@sodulich.example', '--agency', 'so-du-lich', '--role', 'contributor', '--name', 'Biên tập viên'],
      env,
    );
    expect(r.code).toBe(0);
    const password = /Password \(shown once, must be changed at first sign-in\): (\S+)/.exec(r.stdout)![1];
    await withDb(async (ctx) => {
      const s = await accounts.signIn(ctx, { login: 'bientap@sodulich.example', password });
      expect(s.pending).toBe('password_change');
      expect(s.user.displayName).toBe('Biên tập viên');
    });
  });

  it('users create reads a password from stdin and refuses a weak one or an unknown agency', async () => {
    const ok = await runCli(
      [
        'users',
        'create',
        '--email',
        'ioc2@example.test',
        '--agency',
        'trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh',
        '--role',
        'security',
        '--password-stdin',
      ],
      env,
      `${STRONG_PASSWORD}\n`,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain(STRONG_PASSWORD);
    const weak = await runCli(
      ['users', 'create', '--email', 'weak@example.test', '--agency', 'so-du-lich', '--role', 'reader', '--password-stdin'],
      env,
      'password1\n',
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/password is too weak/);
    const noAgency = await runCli(['users', 'create', '--email', 'x@example.test', '--agency', 'so-khong-co', '--role', 'reader'], env);
    expect(noAgency.code).not.toBe(0);
    expect(noAgency.stderr).toMatch(/No agency "so-khong-co"/);
    const badRole = await runCli(['users', 'create', '--email', 'x@example.test', '--agency', 'so-du-lich', '--role', 'boss'], env);
    expect(badRole.code).toBe(2);
  });

  it('users unlock releases a lock and reset-password recovers a locked-out administrator', async () => {
    await withDb(async (ctx) => {
      const agencies = await accounts.listAgencies(ctx, {});
      const op = agencies.find((a) => a.isOperator)!;
      await accounts.createUser(ctx, {
        agencyId: op.id,
        email: 'root@example.test',
        username: 'root-admin',
        displayName: 'Root',
        role: 'admin',
        password: STRONG_PASSWORD,
      });
      for (let i = 0; i < 12; i++) {
        const fresh = { ...ctx, clock: { now: () => new Date(Date.now() + i * 120_000) } };
        await accounts.signIn(fresh, { login: 'root-admin', password: 'guess' }).catch(() => undefined);
      }
      const u = await accounts.findUserByLogin(ctx, 'root-admin');
      expect(u.lockedAt).not.toBeNull();
    });
    const unlock = await runCli(['users', 'unlock', 'root-admin'], env);
    expect(unlock.code).toBe(0);
    expect(unlock.stdout).toContain('Unlocked root-admin');
    const reset = await runCli(['users', 'reset-password', 'root@example.test'], env);
    expect(reset.code).toBe(0);
    const password = /New password \(shown once\): (\S+)/.exec(reset.stdout)![1];
    await withDb(async (ctx) => {
      const u = await accounts.findUserByLogin(ctx, 'root-admin');
      expect(u.lockedAt).toBeNull();
      const s = await accounts.signIn(ctx, { login: 'root-admin', password });
      expect(s.pending).toBe('password_change');
    });
    expect((await runCli(['users', 'unlock', 'nobody'], env)).code).not.toBe(0);
  });

  it('audit verify passes on the intact log and names the first broken event after tampering', async () => {
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    const checked = Number(/Audit chain intact: (\d+) events/.exec(ok.stdout)![1]);
    expect(checked).toBeGreaterThan(30);
    await withDb(async (ctx) => {
      await ctx.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
      await ctx.db.execute(sql`UPDATE audit_events SET data = '{"forged":true}'::jsonb WHERE seq = 7`);
      await ctx.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    });
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('Audit chain BROKEN at event seq 7 (hash_mismatch); 6 events before it are intact.');
  });

  it('stops with one clear line on a wrong configuration value', async () => {
    const r = await runCli(['migrate'], { ...env, PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Configuration error: PORT: expected an integer from 0 to 65535, got "abc"');
    const url = await runCli(['migrate'], { ...env, DATABASE_URL: 'mysql://x' });
    expect(url.stderr.trim()).toBe('Configuration error: DATABASE_URL: expected a URL starting with postgres: or postgresql:, got "mysql://x"');
  });
});

describe('the embedded database has one owner', () => {
  it('refuses to run a CLI command while another process holds the embedded database, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ttdn-lock-'));
    try {
      await migratedDataDir(dir);
      const holder = await openDatabase({ databaseUrl: null, dataDir: dir });
      const r = await runCli(['users', 'list'], { DATA_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is in use by another TTDN process (pid ${process.pid}`);
      await holder.close();
      // A lock left by a process that died does not block.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'db.lock'), '999999');
      const after = await runCli(['users', 'list'], { DATA_DIR: dir });
      expect(after.stderr).toBe('');
      expect(after.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content from the command line', () => {
  it('lists versions and takes one offline at once, audited as the CLI', async () => {
    const list = await runCli(['content', 'list', '--state', 'published'], env);
    expect(list.code).toBe(0);
    const line = list.stdout.split('\n').find((l) => l.includes('\tvi\tpublished\tonline\t'));
    expect(line).toBeTruthy();
    const id = line!.split('\t')[0];
    const off = await runCli(['content', 'unpublish', id], env);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('it is offline now');
    const again = await runCli(['content', 'unpublish', id], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('Cannot "unpublish" in state "unpublished"');
    expect((await runCli(['content', 'publish-due'], env)).stdout).toMatch(/Published \d+ scheduled version/);
  });
});
