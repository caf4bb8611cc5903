// Two app processes on one PostgreSQL: started at once on an empty database, migrations and the
// first administrator are applied once; a session made on one process works on the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { expectedMigrationCount } from '../../src/db/migrate.js';
import { rowsOf } from '../../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { stopProcess } from '../helpers/processes.js';
import { NEEDS_POSTGRES } from '../helpers/services.js';
import { loadConfig } from '../../src/config.js';
import { systemActor } from '../../src/core/actor.js';
import { systemClock } from '../../src/core/clock.js';
import * as accounts from '../../src/modules/accounts/service.js';
import * as content from '../../src/modules/content/service.js';

const root = join(import.meta.dirname, '..', '..');
let db: TestDatabase;
const procs: Array<{ child: ChildProcess; out: string; base?: string }> = [];
let dataDir: string;

async function eventually(check: () => Promise<boolean>, ms = 500): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function startServer(url: string): Promise<{ child: ChildProcess; out: string; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    });
    const entry = { child, out: '' } as { child: ChildProcess; out: string; base?: string };
    procs.push(entry);
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${entry.out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      entry.out += d;
      const m = /Admin app: (http:\/\/[^\s]+)\/admin\//.exec(entry.out);
      if (m && !entry.base) {
        entry.base = m[1];
        clearTimeout(timer);
        resolve(entry as { child: ChildProcess; out: string; base: string });
      }
    });
    child.stderr!.on('data', (d) => (entry.out += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${entry.out}`)));
  });
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  if (!onPostgres) return;
  dataDir = mkdtempSync(join(tmpdir(), 'ttdn-2p-'));
  db = await createTestDatabase();
  // Start from an empty database so both processes race to migrate it.
  await db.handle.db.execute(sql`DROP SCHEMA public CASCADE`);
  await db.handle.db.execute(sql`DROP SCHEMA drizzle CASCADE`);
  await db.handle.db.execute(sql`CREATE SCHEMA public`);
});

afterAll(async () => {
  if (!onPostgres) return;
  await Promise.all(procs.map((p) => stopProcess(p.child)));
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two app processes on one PostgreSQL', () => {
  it('migrate once, bootstrap once, and share sessions', async ({ skip }) => {
    skip(!onPostgres, NEEDS_POSTGRES);
    const [a, b] = await Promise.all([startServer(db.url!), startServer(db.url!)]);
    const migrations = rowsOf<{ n: number }>(await db.handle.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
    expect(migrations[0].n).toBe(expectedMigrationCount());
    const admins = rowsOf<{ n: number }>(await db.handle.db.execute(sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`));
    expect(admins[0].n).toBe(1);

    const printed = [a, b].map((p) => /password:\s+(\S+)/.exec(p.out)?.[1]).filter(Boolean);
    expect(printed).toHaveLength(1);
    const password = printed[0]!;

    const signIn = await fetch(`${a.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const state = (await signIn.json()) as { csrfToken: string; pending: string };
    expect(state.pending).toBe('password_change');

    const onB = await fetch(`${b.base}/api/v1/auth/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe('admin');

    // A write on B with the session and CSRF token made on A.
    const change = await fetch(`${b.base}/api/v1/auth/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': state.csrfToken },
      body: JSON.stringify({ currentPassword: password, newPassword: 'Cầu Trường Tiền sáu vài mười hai nhịp' }),
    });
    expect(change.status).toBe(200);
    const onA = await fetch(`${a.base}/api/v1/auth/session`, { headers: { cookie } });
    expect(((await onA.json()) as { pending: string }).pending).toBe('mfa_enrolment');

    for (const p of [a, b]) expect((await fetch(`${p.base}/readyz`)).status).toBe(200);
  });

  it('the portal of both processes sees a publish and an unpublish made elsewhere on the next request', async ({ skip }) => {
    skip(!onPostgres, NEEDS_POSTGRES);
    const [a, b] = procs.filter((p) => p.base).map((p) => p as { base: string });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const ctx = {
      actor: systemActor('system:test'),
      db: db.handle.db,
      clock: systemClock,
      log: console,
      locale: 'en' as const,
      requestId: 't',
      ip: null,
      config,
    };
    await content.ensureDefaultTopics(ctx);
    const topic = (await content.listTopics(ctx)).find((x) => x.slug === 'tong-quan')!;
    const agency = await accounts.createAgency(ctx, { slug: 'so-du-lich', nameVi: 'Sở Du lịch', nameEn: 'Department of Tourism', type: 'department' });
    // both portals have the home page cached before the change
    for (const p of [a, b]) expect(await (await fetch(`${p.base}/vi/`)).text()).not.toContain('Thuyền rồng trên sông Hương');
    const created = await content.createItem(ctx, {
      agencyId: agency.id,
      kind: 'news',
      text: { title: 'Thuyền rồng trên sông Hương', summary: 'Du thuyền đêm.', body: '<p>Ca Huế trên thuyền rồng.</p>' },
      metadata: {
        activityDate: '2026-05-01',
        authors: ['A'],
        topicIds: [topic.id],
        tags: ['x'],
        place: 'Huế',
        source: { type: 'own' },
        copyrightHolder: 'B',
        licence: 'CC-BY-4.0',
        visibility: 'public',
      },
    });
    await content.transition(ctx, created.id, 'submit', { declaration: { noStateSecrets: true } });
    // this test process is a third one: the servers learn of the change only by NOTIFY
    await content.transition(ctx, created.id, 'approve', { checklist: { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true } });
    // NOTIFY is delivered asynchronously on its own connection: in practice before the next request
    // arrives (first try); allow half a second on a loaded machine.
    for (const p of [a, b])
      expect(await eventually(async () => (await (await fetch(`${p.base}/vi/`)).text()).includes('Thuyền rồng trên sông Hương'))).toBe(true);
    await content.transition(ctx, created.id, 'unpublish', {});
    for (const p of [a, b]) expect(await eventually(async () => (await fetch(`${p.base}/vi/items/${created.itemId}`)).status === 410)).toBe(true);
  });
});
