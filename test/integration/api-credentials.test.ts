// OAuth 2.0 client credentials and personal API tokens, over HTTP: issuing, using, scopes,
// revoking, expiry, terms acceptance, and that secrets never come back.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/modules/accounts/service.js';
import { listAuditEvents } from '../../src/modules/audit/service.js';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: SignedIn;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, 'admin');
  agencyId = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
});
afterAll(() => t.close());

function bearer(token: string): Client {
  const c = new Client(t);
  c.bearer = token;
  return c;
}

function form(body: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en', ...headers },
    payload: new URLSearchParams(body).toString(),
  });
}

function basic(id: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function newClient(scopes: string[] = ['read:public', 'read:shared'], extra: Record<string, unknown> = {}) {
  const res = await admin.client.post('/api/v1/api-clients', { name: 'Cổng thông tin Sở Ngoại vụ', agencyId, scopes, acceptTerms: true, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as { client: { id: string; clientId: string; scopes: string[] } & Record<string, unknown>; clientSecret: string };
}

async function accessToken(clientId: string, clientSecret: string, scope?: string): Promise<string> {
  const res = await form({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, ...(scope ? { scope } : {}) });
  expect(res.statusCode).toBe(200);
  return res.json().access_token;
}

async function newToken(c: Client, scopes: string[], extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/tokens', { name: 'Tích hợp', scopes, acceptTerms: true, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as { token: { id: string; scopes: string[] } & Record<string, unknown>; secret: string };
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe('registering an OAuth client', () => {
  it('requires accepting the terms of use, and records and shows the acceptance', async () => {
    const before = (await admin.client.get('/api/v1/api-clients')).json().total;
    const refused = await admin.client.post('/api/v1/api-clients', { name: 'Không chấp nhận', agencyId, scopes: ['read:public'], acceptTerms: false });
    expectProblem(refused, 400, 'invalid');
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'acceptTerms', code: 'terms_not_accepted' })]);
    const missing = await admin.client.post('/api/v1/api-clients', { name: 'Không trả lời', agencyId, scopes: ['read:public'] });
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'acceptTerms', code: 'field_required' })]);
    expect((await admin.client.get('/api/v1/api-clients')).json().total).toBe(before);

    const { client, clientSecret } = await newClient();
    expect(clientSecret).toMatch(/^ttdn_cs_/);
    expect(client).toMatchObject({
      termsVersion: accounts.TERMS_VERSION,
      termsAcceptedAt: t.clock.now().toISOString(),
      termsAcceptedBy: admin.user.username,
      revokedAt: null,
      lastUsedAt: null,
    });
    const listed = (await admin.client.get('/api/v1/api-clients')).json().items.find((c: { id: string }) => c.id === client.id);
    expect(listed).toMatchObject({ termsVersion: accounts.TERMS_VERSION, termsAcceptedBy: admin.user.username });
    const [event] = await listAuditEvents(t.system, { action: 'api_client.create', targetId: client.id }, 5);
    expect(event.data).toMatchObject({ after: { termsVersion: accounts.TERMS_VERSION, clientId: client.clientId } });
    expect(JSON.stringify(event)).not.toContain(clientSecret);
  });

  it('cannot grant a client the admin scope', async () => {
    const res = await admin.client.post('/api/v1/api-clients', { name: 'Quá quyền', agencyId, scopes: ['read:public', 'admin'], acceptTerms: true });
    expectProblem(res, 400, 'invalid');
    expect(res.json().errors[0]).toMatchObject({ field: 'scopes', code: 'scope_not_allowed' });
  });
});

describe('the token endpoint (client credentials)', () => {
  it('issues an access token for a form-encoded request', async () => {
    const { client, clientSecret } = await newClient();
    const res = await form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ access_token: expect.stringMatching(/^ttdn_at_/), token_type: 'Bearer', expires_in: 3600, scope: 'read:public read:shared' });
  });

  it('issues an access token with HTTP Basic client authentication', async () => {
    const { client, clientSecret } = await newClient();
    const res = await form({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, clientSecret) });
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe('Bearer');
    expect((await bearer(res.json().access_token).get('/api/v1/agencies')).statusCode).toBe(200);
  });

  it('refuses a wrong secret or an unknown client with 401 client_invalid, and audits the failure', async () => {
    const { client, clientSecret } = await newClient();
    const wrong = await form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: `${clientSecret}x` });
    expectProblem(wrong, 401, 'client_invalid');
    const wrongBasic = await form({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, 'ttdn_cs_guess') });
    expectProblem(wrongBasic, 401, 'client_invalid');
    expectProblem(await form({ grant_type: 'client_credentials', client_id: 'ttdn_nobody', client_secret: clientSecret }), 401, 'client_invalid');
    const failures = await listAuditEvents(t.system, { action: 'oauth.token', outcome: 'failure', actorId: client.id }, 10);
    expect(failures.length).toBe(2);
    expect(JSON.stringify(failures)).not.toContain(clientSecret);
  });

  it('answers malformed HTTP Basic credentials with a client error, not a 500', async () => {
    // "%E0%A4%A" is not valid percent-encoding: decodeURIComponent throws.
    const res = await form({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from('%E0%A4%A:secret').toString('base64')}` });
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 401, code: 'client_invalid' });
  });

  it('refuses an unsupported grant type with 400', async () => {
    const { client, clientSecret } = await newClient();
    for (const grant_type of ['password', 'authorization_code', '']) {
      const res = await form({ grant_type, client_id: client.clientId, client_secret: clientSecret });
      expectProblem(res, 400, 'invalid');
      expect(res.json().errors[0]).toMatchObject({ field: 'grant_type', code: 'grant_unsupported' });
    }
  });

  it('refuses a scope that was not granted with 400, and narrows the token to the scope asked for', async () => {
    const { client, clientSecret } = await newClient(['read:public']);
    for (const scope of ['read:shared', 'admin', 'read:public write:own']) {
      const res = await form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret, scope });
      expectProblem(res, 400, 'invalid');
      expect(res.json().errors[0]).toMatchObject({ field: 'scope', code: 'scope_not_allowed' });
    }
    const wide = await newClient(['read:public', 'read:shared', 'write:own']);
    const narrow = await form({ grant_type: 'client_credentials', client_id: wide.client.clientId, client_secret: wide.clientSecret, scope: 'read:public' });
    expect(narrow.json().scope).toBe('read:public');
  });

  it('refuses a request without client credentials', async () => {
    const res = await form({ grant_type: 'client_credentials' });
    expectProblem(res, 400, 'invalid');
    expect(res.json().errors[0]).toMatchObject({ field: 'client_id', code: 'field_required' });
  });
});

describe('using an access token', () => {
  it('reads public data, and is refused where it lacks the scope or is not a person', async () => {
    const { client, clientSecret } = await newClient(['read:public', 'read:shared', 'write:own']);
    const c = bearer(await accessToken(client.clientId, clientSecret));
    const agencies = await c.get('/api/v1/agencies');
    expect(agencies.statusCode).toBe(200);
    expect(agencies.json().items.map((a: { id: string }) => a.id)).toContain(agencyId);
    // GET /users needs read:shared *and* a person: a system is not one.
    expectProblem(await c.get('/api/v1/users'), 403, 'forbidden');
    expectProblem(await c.post('/api/v1/agencies', { slug: 'khong-duoc', nameVi: 'Không được', nameEn: 'No', type: 'other' }), 403, 'scope_missing');
    expectProblem(await c.get('/api/v1/audit-events'), 403, 'forbidden');
    expect((await accounts.listAgencies(t.system, { q: 'khong-duoc' })).length).toBe(0);
  });

  it('sets lastUsedAt when the client takes a token and when the token is used', async () => {
    const { client, clientSecret } = await newClient();
    expect(client.lastUsedAt).toBeNull();
    t.clock.advance(5_000);
    const token = await accessToken(client.clientId, clientSecret);
    const issuedAt = t.clock.now().toISOString();
    const seen = () => accounts.getApiClient(t.system, client.id).then((c) => c.lastUsedAt?.toISOString());
    expect(await seen()).toBe(issuedAt);
    t.clock.advance(2 * 60_000);
    await bearer(token).get('/api/v1/agencies');
    expect(await seen()).toBe(t.clock.now().toISOString());
    const listed = (await admin.client.get('/api/v1/api-clients')).json().items.find((c: { id: string }) => c.id === client.id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('stops working when the client is revoked: 401 token_invalid, and no new tokens', async () => {
    const { client, clientSecret } = await newClient();
    const c = bearer(await accessToken(client.clientId, clientSecret));
    expect((await c.get('/api/v1/agencies')).statusCode).toBe(200);
    const revoked = await admin.client.post(`/api/v1/api-clients/${client.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe(t.clock.now().toISOString());
    expectProblem(await c.get('/api/v1/agencies'), 401, 'token_invalid');
    expectProblem(await form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }), 401, 'client_invalid');
  });

  it('refuses an unknown or malformed bearer token with 401, even on public routes', async () => {
    expectProblem(await bearer('ttdn_at_not-a-real-token').get('/api/v1/agencies'), 401, 'token_invalid');
    expectProblem(await bearer('ttdn_pat_not-a-real-token').get('/api/v1/agencies'), 401, 'token_invalid');
    expectProblem(await bearer('something-else').get('/api/v1/users'), 401, 'token_invalid');
    const twoParts = await t.app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { authorization: 'Bearer a b' } });
    expectProblem(twoParts, 401, 'token_invalid');
  });
});

describe('personal tokens', () => {
  it('records the terms acceptance; refuses without it or with an expiry in the past', async () => {
    const refused = await admin.client.post('/api/v1/tokens', { name: 'Không chấp nhận', scopes: ['read:public'], acceptTerms: false });
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'acceptTerms', code: 'terms_not_accepted' })]);
    const past = await admin.client.post('/api/v1/tokens', {
      name: 'Đã hết hạn',
      scopes: ['read:public'],
      acceptTerms: true,
      expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString(),
    });
    expect(past.json().errors).toEqual([expect.objectContaining({ field: 'expiresAt', code: 'field_range' })]);
    const { token } = await newToken(admin.client, ['read:public']);
    expect(token).toMatchObject({ termsVersion: accounts.TERMS_VERSION, termsAcceptedAt: t.clock.now().toISOString(), userId: admin.user.id });
  });

  it('a token with only read:public is refused on GET /users with 403 scope_missing', async () => {
    const { secret } = await newToken(admin.client, ['read:public']);
    const c = bearer(secret);
    expect((await c.get('/api/v1/agencies')).statusCode).toBe(200);
    const res = await c.get('/api/v1/users');
    expectProblem(res, 403, 'scope_missing');
    expect(res.json().title).toContain('read:shared');
  });

  it('an admin token with the admin scope writes without a CSRF token; a cookie session may not', async () => {
    const { secret } = await newToken(admin.client, ['read:public', 'admin']);
    const res = await bearer(secret).post('/api/v1/agencies', {
      slug: 'so-tu-phap',
      nameVi: 'Sở Tư pháp',
      nameEn: 'Department of Justice',
      type: 'department',
    });
    expect(res.statusCode).toBe(201);
    const [event] = await listAuditEvents(t.system, { action: 'agency.create', targetId: res.json().id }, 1);
    expect(event.actorId).toBe(admin.user.id);
    const cookieOnly = await admin.client.request(
      'POST',
      '/api/v1/agencies',
      { slug: 'so-noi-vu', nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', type: 'department' },
      { 'x-csrf-token': '' },
    );
    expectProblem(cookieOnly, 403, 'csrf_failed');
  });

  it('cannot be created, nor can API clients, with a bearer token: only from a signed-in session', async () => {
    const { secret } = await newToken(admin.client, ['read:public', 'read:shared', 'write:own', 'admin']);
    const c = bearer(secret);
    const before = (await admin.client.get('/api/v1/tokens')).json().total;
    expectProblem(await c.post('/api/v1/tokens', { name: 'Từ token', scopes: ['read:public'], acceptTerms: true }), 403, 'forbidden');
    const { client, clientSecret } = await newClient();
    const viaClient = bearer(await accessToken(client.clientId, clientSecret));
    expectProblem(await viaClient.post('/api/v1/tokens', { name: 'Từ client', scopes: ['read:public'], acceptTerms: true }), 403, 'forbidden');
    expect((await admin.client.get('/api/v1/tokens')).json().total).toBe(before);
  });

  it('a read-only token cannot change anything about its owner', async () => {
    const reader = await signedIn(t, 'reader', { agencyId });
    const { secret } = await newToken(reader.client, ['read:public', 'read:shared']);
    const c = bearer(secret);
    const before = await accounts.getUser(t.system, reader.user.id);
    const res = await c.patch('/api/v1/auth/profile', { displayName: 'Đổi bằng token chỉ đọc' });
    expect(res.statusCode).toBe(403);
    expect(await accounts.getUser(t.system, reader.user.id)).toEqual(before);
  });

  it('lastUsedAt is set on use; revoked → 401 token_invalid', async () => {
    const { token, secret } = await newToken(admin.client, ['read:public']);
    expect(token.lastUsedAt).toBeNull();
    t.clock.advance(10_000);
    await bearer(secret).get('/api/v1/agencies');
    const listed = (await admin.client.get('/api/v1/tokens')).json().items.find((x: { id: string }) => x.id === token.id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
    expect((await admin.client.delete(`/api/v1/tokens/${token.id}`)).statusCode).toBe(200);
    expectProblem(await bearer(secret).get('/api/v1/agencies'), 401, 'token_invalid');
    const after = (await admin.client.get('/api/v1/tokens')).json().items.find((x: { id: string }) => x.id === token.id);
    expect(after.revokedAt).toBe(t.clock.now().toISOString());
  });

  it("stops working when its owner is disabled, and loses scopes its owner's new role does not hold", async () => {
    const other = await signedIn(t, 'admin');
    const { secret } = await newToken(other.client, ['read:public', 'read:shared', 'admin']);
    const c = bearer(secret);
    expect((await c.get('/api/v1/audit-events?limit=1')).statusCode).toBe(200);
    const row = await accounts.getUser(t.system, other.user.id);
    expect((await admin.client.patch(`/api/v1/users/${other.user.id}`, { version: row.version, role: 'security' })).statusCode).toBe(200);
    // security holds admin too: still reads the audit log; demoted to reader it no longer does.
    expect((await c.get('/api/v1/audit-events?limit=1')).statusCode).toBe(200);
    const row2 = await accounts.getUser(t.system, other.user.id);
    const demoted = await admin.client.patch(`/api/v1/users/${other.user.id}`, { version: row2.version, role: 'reader', agencyId });
    expect(demoted.statusCode).toBe(200);
    expectProblem(await c.get('/api/v1/audit-events?limit=1'), 403, 'scope_missing');
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);
    expect((await admin.client.post(`/api/v1/users/${other.user.id}/disable`)).statusCode).toBe(200);
    expectProblem(await c.get('/api/v1/agencies'), 401, 'token_invalid');
  });
});

describe('secrets', () => {
  it('are returned once and never by a list, a read or the audit log', async () => {
    const { client, clientSecret } = await newClient();
    const { token, secret } = await newToken(admin.client, ['read:public']);
    const access = await accessToken(client.clientId, clientSecret);
    const security = await signedIn(t, 'security');
    const responses = [
      await admin.client.get('/api/v1/api-clients'),
      await admin.client.get(`/api/v1/api-clients?agencyId=${agencyId}`),
      await admin.client.get('/api/v1/tokens'),
      await admin.client.get('/api/v1/tokens?all=true'),
      await security.client.get('/api/v1/tokens?all=true'),
      await security.client.get('/api/v1/api-clients'),
      await admin.client.get('/api/v1/audit-events?limit=200'),
      await admin.client.post(`/api/v1/api-clients/${client.id}/revoke`),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(200);
      for (const s of [clientSecret, secret, access]) expect(res.body).not.toContain(s);
      expect(keysOf(res.json()).filter((k) => /secret|hash|password/i.test(k) && k !== 'hash' && k !== 'prevHash')).toEqual([]);
    }
    // The audit log's own "hash" is the chain link, not a credential hash: it must not equal one.
    const clientKeys = keysOf(responses[0].json().items);
    expect(clientKeys).not.toContain('hash');
    expect(keysOf(responses[2].json().items)).not.toContain('hash');
    expect(responses[2].json().items.find((x: { id: string }) => x.id === token.id).prefix).toBe(secret.slice(0, 14));
  });
});

describe('expiry', () => {
  it('an access token lives one hour; a personal token and a client until their expiresAt', async () => {
    const { client, clientSecret } = await newClient();
    const access = bearer(await accessToken(client.clientId, clientSecret));
    const expiresAt = new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString();
    const pat = await newToken(admin.client, ['read:public'], { expiresAt });
    expect(pat.token.expiresAt).toBe(expiresAt);
    const shortClient = await newClient(['read:public'], { expiresAt: new Date(t.clock.now().getTime() + 90 * 60_000).toISOString() });
    const shortAccess = bearer(await accessToken(shortClient.client.clientId, shortClient.clientSecret));

    t.clock.advance(3600_000 - 1000);
    expect((await access.get('/api/v1/agencies')).statusCode).toBe(200);
    t.clock.advance(1000);
    expectProblem(await access.get('/api/v1/agencies'), 401, 'token_invalid');
    // A new token from the same client works again.
    expect((await bearer(await accessToken(client.clientId, clientSecret)).get('/api/v1/agencies')).statusCode).toBe(200);
    expect((await bearer(pat.secret).get('/api/v1/agencies')).statusCode).toBe(200);

    // Past the client's own expiry (90 min): its live token stops and it gets no new one.
    t.clock.advance(31 * 60_000);
    expectProblem(await shortAccess.get('/api/v1/agencies'), 401, 'token_invalid');
    expectProblem(
      await form({ grant_type: 'client_credentials', client_id: shortClient.client.clientId, client_secret: shortClient.clientSecret }),
      401,
      'client_invalid',
    );

    t.clock.advance(30 * 60_000);
    expectProblem(await bearer(pat.secret).get('/api/v1/agencies'), 401, 'token_invalid');
  });
});

describe('the terms of use', () => {
  it('are served to anyone, in the version recorded with each acceptance, and the document links to them', async () => {
    const res = await new Client(t).get('/api/v1/terms');
    expect(res.statusCode).toBe(200);
    const terms = res.json() as { version: string; markdown: string };
    // the text's own heading names the version credentials record: change both together
    expect(terms.markdown.split('\n')[0]).toBe(`# Terms of use of shared data (version ${terms.version})`);
    expect(terms.markdown).toContain('No commercial use');
    const { client } = await accounts.createApiClient(t.system, { name: 'Báo Thừa Thiên Huế', agencyId, scopes: ['read:public'], acceptTerms: true });
    expect(client.termsVersion).toBe(terms.version);
    const doc = (await new Client(t).get('/api/v1/openapi.json')).json() as { info: { license: { url: string } } };
    expect(new URL(doc.info.license.url).pathname).toBe('/api/v1/terms');
  });
});
