// Every change of state leaves an audit event; the chain proves the log untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, signedIn, STRONG_PASSWORD, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { verifyAuditChain } from './service.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  admin = await signedIn(t, 'admin');
});
afterAll(() => t.close());

async function eventsFor(targetId: string) {
  const res = await admin.client.get(`/api/v1/audit-events?targetId=${targetId}&limit=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Array<{
    action: string;
    outcome: string;
    actorId: string;
    actorLabel: string;
    ip: string;
    requestId: string;
    agencyId: string;
    data: Record<string, unknown>;
  }>;
}

describe('audit events', () => {
  it('records who, what, target, when, from where, with before/after, for each account action', async () => {
    const a = await admin.client.post(
      '/api/v1/agencies',
      { slug: 'so-ngoai-vu', nameVi: 'Sở Ngoại vụ', nameEn: 'Department of Foreign Affairs', type: 'department' },
      { 'x-request-id': 'req-create-agency-1' },
    );
    expect(a.statusCode).toBe(201);
    const agency = a.json();
    await admin.client.patch(`/api/v1/agencies/${agency.id}`, { version: agency.version, nameEn: 'Foreign Affairs Department' });
    const agencyEvents = await eventsFor(agency.id);
    expect(agencyEvents.map((e) => e.action)).toEqual(['agency.update', 'agency.create']);
    expect(agencyEvents[1]).toMatchObject({ actorId: admin.user.id, actorLabel: admin.user.username, ip: '127.0.0.1', requestId: 'req-create-agency-1' });
    expect(agencyEvents[0].data).toEqual({ before: { nameEn: 'Department of Foreign Affairs' }, after: { nameEn: 'Foreign Affairs Department' } });

    const u = (
      await admin.client.post('/api/v1/users', {
        agencyId: agency.id,
        email: 'snv@example.test',
        username: 'so-ngoai-vu',
        displayName: 'Sở Ngoại vụ',
        role: 'contributor',
      })
    ).json();
    const id = u.user.id;
    await admin.client.patch(`/api/v1/users/${id}`, { version: u.user.version, role: 'reader' });
    await admin.client.post(`/api/v1/users/${id}/disable`);
    await admin.client.post(`/api/v1/users/${id}/enable`);
    const reset = (await admin.client.post(`/api/v1/users/${id}/reset-password`)).json();
    await admin.client.post(`/api/v1/users/${id}/unlock`);
    await admin.client.post(`/api/v1/users/${id}/revoke-sessions`);
    const person = new Client(t, '10.0.0.7');
    await person.post('/api/v1/auth/sign-in', { login: 'so-ngoai-vu', password: 'wrong password' });
    await person.post('/api/v1/auth/sign-in', { login: 'so-ngoai-vu', password: reset.password });
    await person.post('/api/v1/auth/password', { currentPassword: reset.password, newPassword: STRONG_PASSWORD });
    await person.post('/api/v1/auth/sign-out');

    const actions = (await eventsFor(id)).map((e) => `${e.action}:${e.outcome}`).reverse();
    expect(actions).toEqual([
      'user.create:success',
      'user.role_change:success',
      'user.disable:success',
      'user.enable:success',
      'user.password_reset:success',
      'user.unlock:success',
      'session.revoke_all:success',
      'auth.sign_in:failure',
      'auth.sign_in:success',
      'user.password_change:success',
    ]);
    const failure = (await eventsFor(id)).find((e) => e.outcome === 'failure')!;
    expect(failure).toMatchObject({ ip: '10.0.0.7', agencyId: agency.id, data: { reason: 'wrong_password' } });
    // Passwords never reach the log.
    const all = JSON.stringify((await admin.client.get('/api/v1/audit-events?limit=200')).json());
    expect(all).not.toContain(reset.password);
    expect(all).not.toContain(STRONG_PASSWORD);
  });

  it('filters by action prefix, outcome and time, newest first with a cursor', async () => {
    const failures = (await admin.client.get('/api/v1/audit-events?action=auth.&outcome=failure')).json().items;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((e: { action: string; outcome: string }) => e.action.startsWith('auth.') && e.outcome === 'failure')).toBe(true);
    const page1 = (await admin.client.get('/api/v1/audit-events?limit=3')).json();
    const page2 = (await admin.client.get(`/api/v1/audit-events?limit=3&before=${page1.nextBefore}`)).json();
    expect(page2.items[0].seq).toBeLessThan(page1.items[2].seq);
    const future = (await admin.client.get('/api/v1/audit-events?from=2030-01-01T00:00:00Z')).json();
    expect(future.items).toHaveLength(0);
  });

  it('the security role reads the log; a contributor cannot', async () => {
    const sec = await signedIn(t, 'security');
    expect((await sec.client.get('/api/v1/audit-events')).statusCode).toBe(200);
    expect((await sec.client.get('/api/v1/audit-events/verify')).json().ok).toBe(true);
    const contributor = await signedIn(t, 'contributor');
    expect((await contributor.client.get('/api/v1/audit-events')).statusCode).toBe(403);
  });
});

describe('tamper evidence', () => {
  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(t.db.handle.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(t.db.handle.db.execute(sql`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow();
    expect((await verifyAuditChain(t.db.handle.db)).ok).toBe(true);
  });

  it('changing one stored event by SQL makes verify fail at that event', async () => {
    const before = await verifyAuditChain(t.db.handle.db);
    expect(before.ok).toBe(true);
    const target = 5;
    await t.db.handle.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await t.db.handle.db.execute(sql`UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = ${target}`);
    await t.db.handle.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    const after = await verifyAuditChain(t.db.handle.db);
    expect(after).toMatchObject({ ok: false, brokenAt: target, reason: 'hash_mismatch', checked: target - 1 });
    const api = (await admin.client.get('/api/v1/audit-events/verify')).json();
    expect(api).toMatchObject({ ok: false, brokenAt: target });
  });
});
