// The whole table of roles × account actions, through HTTP: who is allowed, who is refused and
// how (401 anonymous, 403 not allowed, 404 what one may not see), what lists show to whom, and
// that a refused write changes nothing and leaves no success event in the audit log.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/actor.js';
import * as accounts from '../../src/modules/accounts/service.js';
import { listAuditEvents } from '../../src/modules/audit/service.js';
import { Client, createTestApp, fixtureAgency, signedIn, STRONG_PASSWORD, type TestApp } from '../helpers/app.js';
import { sampler } from '../helpers/matrix.js';

/** Who calls: anonymous, a signed-in person of each role, an admin's read-only personal token, an OAuth client. */
const WHO = ['anonymous', 'admin', 'appraiser', 'security', 'contributor', 'reader', 'token', 'client'] as const;
type Who = (typeof WHO)[number];

const ACTIONS = [
  'list agencies (with archived)',
  'read an agency',
  'read an archived agency',
  'create an agency',
  'update an agency',
  'archive an agency',
  'list users',
  'read a user of own agency',
  'read a user of another agency',
  'create a user',
  'change a user role',
  'disable a user',
  'enable a user',
  'unlock a user',
  'reset a password',
  'reset a second factor',
  'revoke all sessions of a user',
  'list all sessions',
  "revoke another user's session",
  'list API clients',
  'create an API client',
  'revoke an API client',
  'create own token',
  'create own token with every scope',
  "list everyone's tokens",
  "revoke another user's token",
  'read the audit log',
  'verify the audit log',
] as const;
type Action = (typeof ACTIONS)[number];

// prettier-ignore
/**
 * The policy at a glance. Columns: anonymous, admin, appraiser, security, contributor, reader,
 * token = an admin's personal token with only read:public + read:shared,
 * client = an OAuth client with read:public + read:shared + write:own (agency A).
 */
const TABLE: Record<Action, [number, number, number, number, number, number, number, number]> = {
  //                                     anon admin appr  sec contr reader token client
  'list agencies (with archived)':      [200, 200,  200,  200, 200,  200,   200,  200],
  'read an agency':                     [200, 200,  200,  200, 200,  200,   200,  200],
  'read an archived agency':            [404, 200,  200,  200, 404,  404,   200,  404],
  'create an agency':                   [401, 201,  403,  403, 403,  403,   403,  403],
  'update an agency':                   [401, 200,  403,  403, 403,  403,   403,  403],
  'archive an agency':                  [401, 200,  403,  403, 403,  403,   403,  403],
  'list users':                         [401, 200,  200,  200, 200,  200,   200,  403],
  'read a user of own agency':          [401, 200,  200,  200, 200,  200,   200,  403],
  'read a user of another agency':      [401, 200,  200,  200, 404,  404,   200,  403],
  'create a user':                      [401, 201,  403,  403, 403,  403,   403,  403],
  'change a user role':                 [401, 200,  403,  403, 403,  403,   403,  403],
  'disable a user':                     [401, 200,  403,  403, 403,  403,   403,  403],
  'enable a user':                      [401, 200,  403,  403, 403,  403,   403,  403],
  'unlock a user':                      [401, 200,  403,  403, 403,  403,   403,  403],
  'reset a password':                   [401, 200,  403,  403, 403,  403,   403,  403],
  'reset a second factor':              [401, 200,  403,  403, 403,  403,   403,  403],
  'revoke all sessions of a user':      [401, 200,  403,  403, 403,  403,   403,  403],
  'list all sessions':                  [401, 200,  403,  200, 403,  403,   403,  403],
  "revoke another user's session":      [401, 200,  404,  403, 404,  404,   403,  403],
  'list API clients':                   [401, 200,  200,  200, 200,  200,   200,  403],
  'create an API client':               [401, 201,  403,  403, 403,  403,   403,  403],
  'revoke an API client':               [401, 200,  403,  403, 403,  403,   403,  403],
  'create own token':                   [401, 201,  201,  201, 201,  201,   403,  403],
  'create own token with every scope':  [401, 201,  400,  400, 400,  400,   403,  403],
  "list everyone's tokens":             [401, 200,  403,  200, 403,  403,   403,  403],
  "revoke another user's token":        [401, 200,  404,  403, 404,  404,   403,  403],
  'read the audit log':                 [401, 200,  403,  200, 403,  403,   403,  403],
  'verify the audit log':               [401, 200,  403,  200, 403,  403,   403,  403],
};

/** role -> action -> the status it gets. */
const expected = Object.fromEntries(WHO.map((who, col) => [who, Object.fromEntries(ACTIONS.map((a) => [a, TABLE[a][col]]))])) as Record<
  Who,
  Record<Action, number>
>;

const STAFF_WIDE: readonly Who[] = ['admin', 'appraiser', 'security'];

let t: TestApp;
let operatorId: string;
let agencyA: string; // the contributor's and reader's agency; the OAuth client's too
let agencyB: string; // another agency
let archivedAgencyId: string;
let peerA: { id: string }; // a user of agency A
let peerB: { id: string }; // a user of agency B
let clientOfA: string;
let clientOfB: string;
let owner: Awaited<ReturnType<typeof signedIn>>; // someone else, whose sessions and tokens others try to revoke
const callers = {} as Record<Who, Client>;
const userIdOf = {} as Record<Who, string | null>;
let seq = 0;

beforeAll(async () => {
  // Low lock threshold so a "locked user" fixture takes three wrong passwords, not ten.
  t = await createTestApp({ LOGIN_SLOW_AFTER_FAILURES: '100', LOGIN_MAX_ACCOUNT_FAILURES: '3' });
  operatorId = await fixtureAgency(t, { operator: true });
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'ubnd-phu-vang' });
  archivedAgencyId = (await newAgency(true)).id;
  peerA = (await plainUser(agencyA)).user;
  peerB = (await plainUser(agencyB)).user;
  clientOfA = (
    await accounts.createApiClient(t.system, {
      name: 'Cổng Sở Du lịch',
      agencyId: agencyA,
      scopes: ['read:public', 'read:shared', 'write:own'],
      acceptTerms: true,
    })
  ).client.id;
  clientOfB = (await accounts.createApiClient(t.system, { name: 'Cổng Phú Vang', agencyId: agencyB, scopes: ['read:public'], acceptTerms: true })).client.id;

  callers.anonymous = new Client(t);
  userIdOf.anonymous = null;
  for (const role of ['admin', 'appraiser', 'security', 'contributor', 'reader'] as const) {
    const s = await signedIn(t, role, role === 'contributor' || role === 'reader' ? { agencyId: agencyA } : {});
    callers[role] = s.client;
    userIdOf[role] = s.user.id;
  }
  owner = await signedIn(t, 'contributor', { agencyId: agencyB });
  expect((await owner.client.post('/api/v1/tokens', { name: 'Của chủ', scopes: ['read:public'], acceptTerms: true })).statusCode).toBe(201);

  const pat = await callers.admin.post('/api/v1/tokens', { name: 'read-only', scopes: ['read:public', 'read:shared'], acceptTerms: true });
  expect(pat.statusCode).toBe(201);
  callers.token = bearer(pat.json().secret);
  userIdOf.token = userIdOf.admin;

  const created = await accounts.createApiClient(t.system, {
    name: 'Hệ thống tin bài',
    agencyId: agencyA,
    scopes: ['read:public', 'read:shared', 'write:own'],
    acceptTerms: true,
  });
  const issued = await accounts.issueClientAccessToken(t.system, { clientId: created.client.clientId, clientSecret: created.clientSecret });
  callers.client = bearer(issued.accessToken);
  userIdOf.client = null;
});
afterAll(() => t.close());

function bearer(token: string): Client {
  const c = new Client(t);
  c.bearer = token;
  return c;
}

async function newAgency(archived = false) {
  const slug = `co-quan-${++seq}`;
  const row = await accounts.createAgency(t.system, { slug, nameVi: `Cơ quan ${seq}`, nameEn: `Agency ${seq}`, type: 'commune' });
  return archived ? accounts.setAgencyArchived(t.system, row.id, true) : row;
}

async function plainUser(agencyId = agencyB, role: Role = 'contributor') {
  const username = `nguoi-dung-${++seq}`;
  const { user } = await accounts.createUser(t.system, {
    agencyId,
    email: `${username}@example.test`,
    username,
    displayName: `Người dùng ${seq}`,
    role,
    password: STRONG_PASSWORD,
  });
  return { user, username };
}

/** A user of agency B with one live session (still at the forced password change). */
async function userWithSession() {
  const { user, username } = await plainUser();
  const c = new Client(t, `127.0.20.${seq % 250}`);
  expect((await c.post('/api/v1/auth/sign-in', { login: username, password: STRONG_PASSWORD })).statusCode).toBe(200);
  const [session] = await accounts.listSessions(t.system, { userId: user.id });
  return { user, client: c, publicId: session.id.slice(0, 16) };
}

async function lockedUser() {
  const { user, username } = await plainUser();
  const c = new Client(t, `127.0.30.${seq % 250}`);
  for (let i = 0; i < 3; i++) await c.post('/api/v1/auth/sign-in', { login: username, password: `sai-mat-khau-${i}` });
  const row = await accounts.getUser(t.system, user.id);
  expect(row.lockedAt).not.toBeNull();
  return row;
}

async function userSnapshot(id: string) {
  const row = await accounts.getUser(t.system, id);
  const sessions = await accounts.listSessions(t.system, { userId: id });
  return { row, sessions: sessions.map((s) => s.id) };
}

async function noSuccessEvent(action: string, targetId: string) {
  const events = await listAuditEvents(t.system, { action, targetId, outcome: 'success' }, 10);
  expect(events.filter((e) => e.action === action)).toEqual([]);
}

type Res = LightMyRequestResponse;
interface Case<T> {
  /** A fresh target for each cell, so cells do not depend on each other. */
  target(): Promise<T>;
  run(c: Client, target: T, who: Who): Promise<Res>;
  /** After a 2xx: what the caller sees, and what changed. */
  allowed?(res: Res, target: T, who: Who): Promise<void> | void;
  /** After a refusal: what must not have changed. */
  snapshot?(target: T): Promise<unknown>;
  refusedExtra?(target: T): Promise<void>;
}
/** Infers each case's target type; the table then holds them side by side. */
const cell = <T>(c: Case<T>) => c as Case<unknown>;

const none = async () => null;
const ids = (res: Res) => (res.json().items as Array<{ id: string }>).map((x) => x.id);

const cases: Record<Action, Case<unknown>> = {
  'list agencies (with archived)': cell({
    target: none,
    run: (c) => c.get('/api/v1/agencies?includeArchived=true'),
    allowed: (res, _t, who) => {
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(ids(res)).toEqual(expect.arrayContaining([agencyA, agencyB, operatorId]));
      // Archived agencies only in the staff view.
      expect(ids(res).includes(archivedAgencyId)).toBe([...STAFF_WIDE, 'token'].includes(who));
      // Staff fields only for signed-in people.
      const signedInPerson = who !== 'anonymous' && who !== 'client';
      for (const a of items) expect('version' in a).toBe(signedInPerson);
    },
  }),
  'read an agency': cell({
    target: none,
    run: (c) => c.get(`/api/v1/agencies/${agencyB}`),
    allowed: (res) => expect(res.json().id).toBe(agencyB),
  }),
  'read an archived agency': cell({
    target: none,
    run: (c) => c.get(`/api/v1/agencies/${archivedAgencyId}`),
    allowed: (res) => expect(res.json().archivedAt).not.toBeNull(),
  }),
  'create an agency': cell({
    target: async () => `co-quan-moi-${++seq}`,
    run: (c, slug: string) => c.post('/api/v1/agencies', { slug, nameVi: 'Phường Thuận Hóa', nameEn: 'Thuan Hoa Ward', type: 'commune' }),
    allowed: async (res, slug: string) => {
      expect(res.json().slug).toBe(slug);
      expect((await accounts.getAgency(t.system, res.json().id)).nameVi).toBe('Phường Thuận Hóa');
    },
    snapshot: async (slug: string) => (await accounts.listAgencies(t.system, { includeArchived: true })).filter((a) => a.slug === slug),
  }),
  'update an agency': cell({
    target: () => newAgency(),
    run: (c, a) => c.patch(`/api/v1/agencies/${a.id}`, { version: a.version, nameEn: 'Renamed' }),
    allowed: async (_res, a) => expect((await accounts.getAgency(t.system, a.id)).nameEn).toBe('Renamed'),
    snapshot: (a) => accounts.getAgency(t.system, a.id),
    refusedExtra: (a) => noSuccessEvent('agency.update', a.id),
  }),
  'archive an agency': cell({
    target: () => newAgency(),
    run: (c, a) => c.post(`/api/v1/agencies/${a.id}/archive`),
    allowed: async (_res, a) => expect((await accounts.getAgency(t.system, a.id)).archivedAt).not.toBeNull(),
    snapshot: (a) => accounts.getAgency(t.system, a.id),
    refusedExtra: (a) => noSuccessEvent('agency.archive', a.id),
  }),
  'list users': cell({
    target: none,
    run: (c) => c.get('/api/v1/users'),
    allowed: async (res, _t, who) => {
      const items = res.json().items as Array<{ id: string; agencyId: string }>;
      if (STAFF_WIDE.includes(who) || who === 'token') {
        // Staff see every agency's accounts.
        expect(ids(res)).toEqual(expect.arrayContaining([peerA.id, peerB.id, owner.user.id]));
        expect(new Set(items.map((u) => u.agencyId))).toEqual(new Set([operatorId, agencyA, agencyB]));
        expect(res.json().total).toBe(await accounts.countAllUsers(t.system));
      } else {
        // Agencies see only their own: the row filter, not just the status.
        expect(items.length).toBeGreaterThan(0);
        for (const u of items) expect(u.agencyId).toBe(agencyA);
        expect(ids(res)).toEqual(expect.arrayContaining([peerA.id, userIdOf[who]]));
        expect(ids(res)).not.toContain(peerB.id);
        // Asking for another agency's accounts gives an empty list, not a way around the filter.
        expect((await callers[who].get(`/api/v1/users?agencyId=${agencyB}`)).json().items).toEqual([]);
        expect(
          (await callers[who].get(`/api/v1/users?q=${encodeURIComponent('Người dùng')}`))
            .json()
            .items.every((u: { agencyId: string }) => u.agencyId === agencyA),
        ).toBe(true);
      }
    },
  }),
  'read a user of own agency': cell({
    target: none,
    run: (c) => c.get(`/api/v1/users/${peerA.id}`),
    allowed: (res) => expect(res.json().id).toBe(peerA.id),
  }),
  'read a user of another agency': cell({
    target: none,
    run: (c) => c.get(`/api/v1/users/${peerB.id}`),
    allowed: (res) => expect(res.json().id).toBe(peerB.id),
  }),
  'create a user': cell({
    target: async () => `tai-khoan-moi-${++seq}`,
    run: (c, username: string) =>
      c.post('/api/v1/users', { agencyId: agencyB, email: `${username}@example.test`, username, displayName: 'Trần Thị Hoa', role: 'reader' }),
    allowed: (res, username: string) => {
      expect(res.json().user.username).toBe(username);
      expect(res.json().password.length).toBeGreaterThanOrEqual(10);
    },
    snapshot: async (username: string) => (await accounts.listUsers(t.system, { q: username })).length,
  }),
  'change a user role': cell({
    target: async () => (await plainUser()).user,
    run: (c, u) => c.patch(`/api/v1/users/${u.id}`, { version: u.version, role: 'reader' }),
    allowed: async (_res, u) => expect((await accounts.getUser(t.system, u.id)).role).toBe('reader'),
    snapshot: (u) => userSnapshot(u.id),
    refusedExtra: (u) => noSuccessEvent('user.role_change', u.id),
  }),
  'disable a user': cell({
    target: async () => (await userWithSession()).user,
    run: (c, u) => c.post(`/api/v1/users/${u.id}/disable`),
    allowed: async (res, u) => {
      expect(res.json().disabled).toBe(true);
      expect(await accounts.listSessions(t.system, { userId: u.id })).toEqual([]);
    },
    snapshot: (u) => userSnapshot(u.id),
    refusedExtra: (u) => noSuccessEvent('user.disable', u.id),
  }),
  'enable a user': cell({
    target: async () => accounts.setUserDisabled(t.system, (await plainUser()).user.id, true),
    run: (c, u) => c.post(`/api/v1/users/${u.id}/enable`),
    allowed: (res) => expect(res.json().disabled).toBe(false),
    snapshot: (u) => userSnapshot(u.id),
    refusedExtra: (u) => noSuccessEvent('user.enable', u.id),
  }),
  'unlock a user': cell({
    target: lockedUser,
    run: (c, u) => c.post(`/api/v1/users/${u.id}/unlock`),
    allowed: (res) => expect(res.json().locked).toBe(false),
    snapshot: (u) => userSnapshot(u.id),
    refusedExtra: (u) => noSuccessEvent('user.unlock', u.id),
  }),
  'reset a password': cell({
    target: async () => (await userWithSession()).user,
    run: (c, u) => c.post(`/api/v1/users/${u.id}/reset-password`),
    allowed: async (res, u) => {
      expect(typeof res.json().password).toBe('string');
      expect((await accounts.getUser(t.system, u.id)).mustChangePassword).toBe(true);
    },
    snapshot: (u) => userSnapshot(u.id),
    refusedExtra: (u) => noSuccessEvent('user.password_reset', u.id),
  }),
  'reset a second factor': cell({
    target: async () => (await signedIn(t, 'appraiser')).user,
    run: (c, u) => c.post(`/api/v1/users/${u.id}/reset-mfa`),
    allowed: async (_res, u) => expect((await accounts.getUser(t.system, u.id)).mfaEnabledAt).toBeNull(),
    snapshot: async (u) => {
      const snap = await userSnapshot(u.id);
      expect(snap.row.mfaEnabledAt).not.toBeNull();
      return snap;
    },
    refusedExtra: (u) => noSuccessEvent('user.mfa_reset', u.id),
  }),
  'revoke all sessions of a user': cell({
    target: userWithSession,
    run: (c, v) => c.post(`/api/v1/users/${v.user.id}/revoke-sessions`),
    allowed: async (res, v) => {
      expect(res.json().revoked).toBe(1);
      expect((await v.client.get('/api/v1/auth/session')).statusCode).toBe(401);
    },
    snapshot: async (v) => userSnapshot(v.user.id),
    refusedExtra: async (v) => {
      expect((await v.client.get('/api/v1/auth/session')).statusCode).toBe(200);
      await noSuccessEvent('session.revoke_all', v.user.id);
    },
  }),
  'list all sessions': cell({
    target: none,
    run: (c) => c.get('/api/v1/sessions?all=true'),
    allowed: (res) => {
      const userIds = (res.json().items as Array<{ userId: string }>).map((s) => s.userId);
      expect(userIds).toEqual(expect.arrayContaining([owner.user.id, userIdOf.reader]));
    },
  }),
  "revoke another user's session": cell({
    target: userWithSession,
    run: (c, v) => c.delete(`/api/v1/sessions/${v.publicId}`),
    allowed: async (_res, v) => expect((await v.client.get('/api/v1/auth/session')).statusCode).toBe(401),
    snapshot: async (v) => userSnapshot(v.user.id),
    refusedExtra: async (v) => {
      expect((await v.client.get('/api/v1/auth/session')).statusCode).toBe(200);
      await noSuccessEvent('session.revoke', v.user.id);
    },
  }),
  'list API clients': cell({
    target: none,
    run: (c) => c.get('/api/v1/api-clients'),
    allowed: async (res, _t, who) => {
      const items = res.json().items as Array<{ agencyId: string }>;
      if (who === 'admin' || who === 'security' || who === 'token') {
        expect(ids(res)).toEqual(expect.arrayContaining([clientOfA, clientOfB]));
      } else if (who === 'appraiser') {
        // Appraisers see their own (operator) agency's clients only.
        for (const c of items) expect(c.agencyId).toBe(operatorId);
      } else {
        expect(ids(res)).toContain(clientOfA);
        for (const c of items) expect(c.agencyId).toBe(agencyA);
        expect((await callers[who].get(`/api/v1/api-clients?agencyId=${agencyB}`)).json().items).toEqual([]);
      }
    },
  }),
  'create an API client': cell({
    target: async () => `Hệ thống ${++seq}`,
    run: (c, name: string) => c.post('/api/v1/api-clients', { name, agencyId: agencyB, scopes: ['read:public'], acceptTerms: true }),
    allowed: (res, name: string) => {
      expect(res.json().client.name).toBe(name);
      expect(res.json().clientSecret).toMatch(/^ttdn_cs_/);
    },
    snapshot: async (name: string) => (await accounts.listApiClients(t.system, {})).filter((c) => c.name === name),
  }),
  'revoke an API client': cell({
    target: async () =>
      (await accounts.createApiClient(t.system, { name: `Đối tác ${++seq}`, agencyId: agencyB, scopes: ['read:public'], acceptTerms: true })).client,
    run: (c, client) => c.post(`/api/v1/api-clients/${client.id}/revoke`),
    allowed: (res) => expect(res.json().revokedAt).not.toBeNull(),
    snapshot: (client) => accounts.getApiClient(t.system, client.id),
    refusedExtra: (client) => noSuccessEvent('api_client.revoke', client.id),
  }),
  'create own token': cell({
    target: none,
    run: (c) => c.post('/api/v1/tokens', { name: 'Đọc tin', scopes: ['read:public'], acceptTerms: true }),
    allowed: (res, _t, who) => {
      expect(res.json().token.userId).toBe(userIdOf[who]);
      expect(res.json().token.scopes).toEqual(['read:public']);
      expect(res.json().secret).toMatch(/^ttdn_pat_/);
    },
  }),
  'create own token with every scope': cell({
    target: none,
    run: (c) => c.post('/api/v1/tokens', { name: 'Mọi quyền', scopes: ['read:public', 'read:shared', 'write:own', 'admin'], acceptTerms: true }),
    allowed: (res) => expect(res.json().token.scopes).toEqual(['read:public', 'read:shared', 'write:own', 'admin']),
  }),
  "list everyone's tokens": cell({
    target: none,
    run: (c) => c.get('/api/v1/tokens?all=true'),
    allowed: (res) => {
      const userIds = (res.json().items as Array<{ userId: string }>).map((x) => x.userId);
      expect(userIds).toContain(owner.user.id);
    },
  }),
  "revoke another user's token": cell({
    target: async () => {
      const res = await owner.client.post('/api/v1/tokens', { name: `Của người khác ${++seq}`, scopes: ['read:public'], acceptTerms: true });
      expect(res.statusCode).toBe(201);
      return { id: res.json().token.id as string, secret: res.json().secret as string };
    },
    run: (c, tok) => c.delete(`/api/v1/tokens/${tok.id}`),
    allowed: async (_res, tok) => expect((await bearer(tok.secret).get('/api/v1/agencies')).statusCode).toBe(401),
    snapshot: async (tok) => ((await owner.client.get('/api/v1/tokens')).json().items as Array<{ id: string }>).find((x) => x.id === tok.id),
    refusedExtra: async (tok) => {
      expect((await bearer(tok.secret).get('/api/v1/agencies')).statusCode).toBe(200);
      await noSuccessEvent('token.revoke', tok.id);
    },
  }),
  'read the audit log': cell({
    target: none,
    run: (c) => c.get('/api/v1/audit-events?limit=200'),
    allowed: (res) => expect(res.json().items.length).toBeGreaterThan(0),
  }),
  'verify the audit log': cell({
    target: none,
    run: (c) => c.get('/api/v1/audit-events/verify'),
    allowed: (res) => expect(res.json().ok).toBe(true),
  }),
};

/** Codes that go with each refusal status. */
function expectRefusal(res: Res, status: number, who: Who) {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.status).toBe(status);
  if (status === 401) expect(body.code).toBe('unauthenticated');
  if (status === 404) expect(body.code).toBe('not_found');
  if (status === 400) expect(body.errors[0]).toMatchObject({ field: 'scopes', code: 'scope_not_allowed' });
  // A token without the route's scope is told "scope_missing"; what a signed-in person refused by
  // role must be told is pinned by its own test below ("how refusals read"), not in every cell.
  if (status === 403) expect({ who, code: body.code }).toEqual({ who, code: expect.stringMatching(/^(forbidden|scope_missing)$/) });
}

// On PostgreSQL: every status of each action and of each caller at least once (helpers/matrix.ts).
const keep = sampler();
describe.each(ACTIONS)('%s', (action) => {
  const c = cases[action];
  const rows = WHO.map((who) => [who, expected[who][action]] as const).filter(([who, status]) => keep([action, status], [who, status]));
  it.each(rows)('%s → %i', async (who, status) => {
    const target = await c.target();
    const before = status >= 300 && c.snapshot ? await c.snapshot(target) : undefined;
    const res = await c.run(callers[who], target, who);
    expect({ who, action, status: res.statusCode, body: res.statusCode === status ? undefined : res.body.slice(0, 300) }).toEqual({
      who,
      action,
      status,
      body: undefined,
    });
    if (status < 300) {
      await c.allowed?.(res, target, who);
    } else {
      expectRefusal(res, status, who);
      if (c.snapshot) expect(await c.snapshot(target)).toEqual(before);
      await c.refusedExtra?.(target);
    }
  });
});

describe('how refusals read', () => {
  it('a signed-in person refused by role is told "forbidden", not that an access token lacks a scope', async () => {
    // Appraisers, contributors and readers hold no admin scope: the route-level scope check
    // refuses them before the policy does. They use a browser session, not a token.
    for (const role of ['appraiser', 'contributor', 'reader'] as const) {
      const res = await callers[role].post('/api/v1/agencies', { slug: `khong-duoc-${role}`, nameVi: 'Không được', nameEn: 'Not allowed', type: 'other' });
      expect(res.statusCode).toBe(403);
      expect({ role, code: res.json().code }).toEqual({ role, code: 'forbidden' });
      expect(res.json().title).not.toMatch(/token/i);
    }
    // Security holds the admin scope, so the policy refuses it: that one already says "forbidden".
    const sec = await callers.security.post('/api/v1/agencies', { slug: 'khong-duoc-security', nameVi: 'Không được', nameEn: 'Not allowed', type: 'other' });
    expect(sec.json().code).toBe('forbidden');
  });

  it('a token without the scope is told which scope it lacks', async () => {
    const res = await callers.token.post('/api/v1/agencies', { slug: 'khong-duoc-token', nameVi: 'Không được', nameEn: 'Not allowed', type: 'other' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('scope_missing');
    expect(res.json().title).toContain('admin');
  });

  it('refusals come in Vietnamese unless English is asked for', async () => {
    const vi = await callers.reader.request('GET', '/api/v1/audit-events', undefined, { 'accept-language': 'vi' });
    expect(vi.statusCode).toBe(403);
    expect(vi.headers['content-language']).toBe('vi');
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(anon.json().title).toBe('Cần đăng nhập.');
    const en = await new Client(t).get('/api/v1/users');
    expect(en.json().title).toBe('Sign-in required.');
  });
});

describe('personal token scopes are bounded by the role', () => {
  it('a reader asking for write:own or admin gets 400 scope_not_allowed, and no token is made', async () => {
    const before = (await callers.reader.get('/api/v1/tokens')).json().total;
    for (const scopes of [['write:own'], ['admin'], ['read:public', 'admin']]) {
      const res = await callers.reader.post('/api/v1/tokens', { name: 'Quá quyền', scopes, acceptTerms: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'scopes', code: 'scope_not_allowed' })]);
    }
    expect((await callers.reader.get('/api/v1/tokens')).json().total).toBe(before);
  });

  it.each([
    ['admin', ['read:public', 'read:shared', 'write:own', 'admin']],
    ['appraiser', ['read:public', 'read:shared', 'write:own']],
    ['security', ['read:public', 'read:shared', 'admin']],
    ['contributor', ['read:public', 'read:shared', 'write:own']],
    ['reader', ['read:public', 'read:shared']],
  ] as const)('%s may hold exactly %j', async (role, scopes) => {
    const res = await callers[role].post('/api/v1/tokens', { name: 'Đủ quyền', scopes, acceptTerms: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().token.scopes).toEqual(scopes);
  });
});

describe('the audit log after the whole matrix', () => {
  it('records the allowed writes, no successful refused ones, and still verifies', async () => {
    const res = await callers.admin.get('/api/v1/audit-events?action=agency.create&limit=200');
    const created = (res.json().items as Array<{ actorLabel: string; data: { after?: { slug?: string } } }>).map((e) => e.data.after?.slug);
    expect(created.filter((s) => s?.startsWith('co-quan-moi-'))).toHaveLength(1);
    expect((await callers.security.get('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true });
  });
});
