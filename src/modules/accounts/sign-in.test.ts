// Sign-in, forced password change, second factor, lockout, sessions and CSRF, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, STRONG_PASSWORD, totpCode, type TestApp } from '../../../test/helpers/app.js';
import * as accounts from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    PUBLIC_URL: 'https://ttdn.test',
    LOGIN_SLOW_AFTER_FAILURES: '3',
    LOGIN_MAX_ACCOUNT_FAILURES: '5',
    LOGIN_MAX_IP_FAILURES: '8',
    LOGIN_LOCK_MINUTES: '30',
  });
});
afterAll(() => t.close());

async function newUser(role: 'admin' | 'contributor' = 'contributor') {
  const agencyId = await fixtureAgency(t, { operator: role === 'admin' });
  const username = `u${Math.random().toString(36).slice(2, 8)}`;
  const { user, password } = await accounts.createUser(t.system, { agencyId, email: `${username}@example.test`, username, displayName: username, role });
  return { user, password, username };
}

describe('first sign-in', () => {
  it('forces a password change, then TOTP enrolment for an admin, and refuses everything else until done', async () => {
    const { username, password } = await newUser('admin');
    const c = new Client(t);
    const res = await c.post('/api/v1/auth/sign-in', { login: username, password });
    expect(res.statusCode).toBe(200);
    expect(res.json().pending).toBe('password_change');
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/);

    const blocked = await c.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const weak = await c.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password_weak' });
    const wrongCurrent = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: STRONG_PASSWORD });
    expect(wrongCurrent.json().errors[0]).toMatchObject({ field: 'currentPassword', code: 'password_wrong' });

    const changed = await c.post('/api/v1/auth/password', { currentPassword: password, newPassword: STRONG_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().pending).toBe('mfa_enrolment');
    expect((await c.get('/api/v1/users')).json().code).toBe('mfa_enrolment_required');

    const enrol = (await c.post('/api/v1/auth/mfa/enrolment')).json();
    expect(enrol.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.qrSvg).toMatch(/^<svg/);
    const wrong = await c.post('/api/v1/auth/mfa/confirm', { code: '000000' === totpCode(enrol.secret, t.clock) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await c.post('/api/v1/auth/mfa/confirm', { code: totpCode(enrol.secret, t.clock) });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await c.get('/api/v1/auth/session')).json().pending).toBeNull();
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);

    // Next sign-in: password, then the second factor; a replayed code is refused.
    t.clock.advance(30_000);
    const c2 = new Client(t);
    const second = await c2.post('/api/v1/auth/sign-in', { login: username, password: STRONG_PASSWORD });
    expect(second.json().pending).toBe('mfa');
    expect((await c2.get('/api/v1/users')).json().code).toBe('mfa_required');
    const code = totpCode(enrol.secret, t.clock);
    expect((await c2.post('/api/v1/auth/second-factor', { code })).json().pending).toBeNull();
    const c3 = new Client(t);
    await c3.post('/api/v1/auth/sign-in', { login: username, password: STRONG_PASSWORD });
    const replay = await c3.post('/api/v1/auth/second-factor', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0].code).toBe('mfa_code_wrong');
    // A recovery code works once.
    expect((await c3.post('/api/v1/auth/second-factor', { code: codes[0] })).statusCode).toBe(200);
    const c4 = new Client(t);
    await c4.post('/api/v1/auth/sign-in', { login: username, password: STRONG_PASSWORD });
    expect((await c4.post('/api/v1/auth/second-factor', { code: codes[0] })).statusCode).toBe(400);
  });

  it('a contributor needs no second factor and may not turn on what it does not need, but may enrol', async () => {
    const { client } = await signedIn(t, 'contributor');
    expect((await client.get('/api/v1/auth/session')).json().user.mfaEnabled).toBe(false);
  });

  it('admins cannot turn their required second factor off', async () => {
    const { client } = await signedIn(t, 'admin');
    const res = await client.delete('/api/v1/auth/mfa');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('mfa_cannot_disable');
  });
});

describe('guessing', () => {
  it('slows down, then locks the account; the lock is visible to admins and an admin releases it', async () => {
    const { username, user } = await newUser();
    const c = new Client(t, '10.1.0.1');
    for (let i = 0; i < 3; i++) expect((await c.post('/api/v1/auth/sign-in', { login: username, password: `wrong-${i}` })).statusCode).toBe(401);
    const slowed = await c.post('/api/v1/auth/sign-in', { login: username, password: 'wrong-x' });
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    expect(slowed.json().code).toBe('login_slowed');
    for (let i = 3; i < 5; i++) {
      t.clock.advance(61_000);
      await c.post('/api/v1/auth/sign-in', { login: username, password: `wrong-${i}` });
    }
    t.clock.advance(61_000);
    const locked = await c.post('/api/v1/auth/sign-in', { login: username, password: 'anything' });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().code).toBe('account_locked');

    const admin = await signedIn(t, 'admin');
    const list = (await admin.client.get('/api/v1/users?locked=true')).json();
    expect(list.items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect((await admin.client.post(`/api/v1/users/${user.id}/unlock`)).json().locked).toBe(false);
    const events = (await admin.client.get(`/api/v1/audit-events?targetId=${user.id}`))
      .json()
      .items.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(events).toContain('user.lock:success');
    expect(events).toContain('user.unlock:success');
    expect(events.filter((e: string) => e === 'auth.sign_in:failure').length).toBeGreaterThanOrEqual(6);
  });

  it('the lock expires by itself after LOGIN_LOCK_MINUTES', async () => {
    const { username, password } = await newUser();
    const c = new Client(t, '10.1.0.2');
    for (let i = 0; i < 5; i++) {
      await c.post('/api/v1/auth/sign-in', { login: username, password: 'bad' });
      t.clock.advance(61_000);
    }
    expect((await c.post('/api/v1/auth/sign-in', { login: username, password })).json().code).toBe('account_locked');
    t.clock.advance(31 * 60_000);
    expect((await c.post('/api/v1/auth/sign-in', { login: username, password })).statusCode).toBe(200);
  });

  it('blocks an IP address that guesses across many accounts', async () => {
    const c = new Client(t, '10.9.9.9');
    for (let i = 0; i < 8; i++) await c.post('/api/v1/auth/sign-in', { login: `nobody-${i}`, password: 'x' });
    const { username, password } = await newUser();
    const res = await c.post('/api/v1/auth/sign-in', { login: username, password });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('ip_blocked');
    // Another address is not affected.
    expect((await new Client(t, '10.9.9.10').post('/api/v1/auth/sign-in', { login: username, password })).statusCode).toBe(200);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const { username } = await newUser();
    const a = await new Client(t, '10.2.0.1').post('/api/v1/auth/sign-in', { login: 'no-such-user', password: 'x' });
    const b = await new Client(t, '10.2.0.2').post('/api/v1/auth/sign-in', { login: username, password: 'x' });
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.json().code).toBe(b.json().code);
  });

  it('refuses sign-in over plain HTTP from a non-loopback address', async () => {
    const plain = await createTestApp(); // no PUBLIC_URL: plain HTTP only on loopback
    try {
      const agencyId = await fixtureAgency(plain);
      const { password } = await accounts.createUser(plain.system, { agencyId, email: 'p@example.test', username: 'plain', displayName: 'p', role: 'reader' });
      const res = await plain.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: '203.0.113.5', payload: { login: 'plain', password } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('https_required');
      const local = await plain.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: '127.0.0.1', payload: { login: 'plain', password } });
      expect(local.statusCode).toBe(200);
      expect(local.headers['set-cookie']).toMatch(/^ttdn_session=/);
      expect(local.headers['set-cookie']).not.toMatch(/Secure/);
    } finally {
      await plain.close();
    }
  });

  it('uses a Secure __Host- cookie when served over HTTPS', async () => {
    const { username, password } = await newUser();
    const res = await new Client(t, '10.3.0.1').post('/api/v1/auth/sign-in', { login: username, password });
    expect(res.headers['set-cookie']).toMatch(/^__Host-ttdn_session=.*; Path=\/; .*Secure/);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token or from another origin', async () => {
    const { client } = await signedIn(t, 'contributor');
    const noToken = await client.request('POST', '/api/v1/auth/sign-out', {}, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    const otherOrigin = await client.post('/api/v1/auth/sign-out', {}, { origin: 'https://evil.example' });
    expect(otherOrigin.json().code).toBe('csrf_failed');
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('ends a session after idle time and after its absolute lifetime', async () => {
    const { client } = await signedIn(t, 'contributor');
    t.clock.advance(29 * 60_000);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await client.get('/api/v1/auth/session');
    expect(idle.statusCode).toBe(401);

    const other = await signedIn(t, 'contributor');
    for (let h = 0; h < 15; h++) {
      t.clock.advance(25 * 60_000);
      await other.client.get('/api/v1/auth/session');
      t.clock.advance(25 * 60_000);
      await other.client.get('/api/v1/auth/session');
    }
    expect((await other.client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('refuses a session after sign-out, and lets a user list and revoke their own sessions', async () => {
    const a = await signedIn(t, 'contributor');
    const cookie = a.client.cookie;
    expect((await a.client.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    const reused = new Client(t);
    reused.cookie = cookie;
    expect((await reused.get('/api/v1/auth/session')).statusCode).toBe(401);

    const b = await signedIn(t, 'reader');
    const second = new Client(t);
    await second.post('/api/v1/auth/sign-in', { login: b.user.username, password: STRONG_PASSWORD });
    const sessions = (await b.client.get('/api/v1/sessions')).json().items as Array<{ id: string; current: boolean }>;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect((await b.client.delete(`/api/v1/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await b.client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('changing the password ends the other sessions', async () => {
    const a = await signedIn(t, 'contributor');
    const other = new Client(t);
    await other.post('/api/v1/auth/sign-in', { login: a.user.username, password: STRONG_PASSWORD });
    await a.client.post('/api/v1/auth/password', { currentPassword: STRONG_PASSWORD, newPassword: 'Đại Nội Huế về đêm 1945' });
    expect((await other.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await a.client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});
