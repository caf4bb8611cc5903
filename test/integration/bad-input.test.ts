// Bad input on write endpoints, through HTTP: oversized, wrongly typed, unknown, missing and
// over-long fields, broken encodings and JSON, wrong content types, SQL-looking and prototype-
// polluting strings, Unicode normalisation. Every refusal is application/problem+json, in
// Vietnamese unless English is asked for, and changes nothing.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/modules/accounts/service.js';
import { verifyAuditChain } from '../../src/modules/audit/service.js';
import { Client, createTestApp, fixtureAgency, signedIn, STRONG_PASSWORD, type SignedIn, type TestApp } from '../helpers/app.js';

const BODY_LIMIT = 4096;
let t: TestApp;
let admin: SignedIn;
let agencyId: string;
let target: { id: string; username: string };

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
  admin = await signedIn(t, 'admin');
  agencyId = await fixtureAgency(t, { slug: 'so-van-hoa' });
  const username = 'nguyen-van-an';
  const { user } = await accounts.createUser(t.system, {
    agencyId,
    email: 'an@example.test',
    username,
    displayName: 'Nguyễn Văn An',
    role: 'contributor',
    password: STRONG_PASSWORD,
  });
  target = { id: user.id, username };
});
afterAll(() => t.close());

type Headers = Record<string, string>;

/**
 * A request as the admin's browser would send it (session cookie and CSRF token), or anonymous,
 * with no Accept-Language unless given: the server's default language shows.
 */
function send(as: 'admin' | 'anonymous', method: string, url: string, payload?: string | Buffer | object, headers: Headers = {}) {
  const h: Headers = { ...headers };
  if (as === 'admin') {
    h.cookie = admin.client.cookie!;
    h['x-csrf-token'] = admin.client.csrf!;
  }
  if (payload !== undefined && typeof payload === 'object' && !Buffer.isBuffer(payload) && !('content-type' in h)) h['content-type'] = 'application/json';
  return t.app.inject({
    method: method as 'POST',
    url,
    headers: h,
    remoteAddress: '127.0.0.1',
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** Everything a refused write could have touched. */
async function state() {
  return {
    agencies: await accounts.listAgencies(t.system, { includeArchived: true }),
    users: await accounts.listUsers(t.system, {}),
    auditEvents: (await verifyAuditChain(t.system.db)).checked,
  };
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, contentType: res.headers['content-type'] }).toEqual({ status, contentType: 'application/problem+json; charset=utf-8' });
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: `urn:ttdn:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|SELECT |INSERT |stack/i);
  return body as { title: string; errors?: Array<{ field: string; code: string; message: string }> };
}

const fields = (body: { errors?: Array<{ field: string; code: string }> }) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

interface Endpoint {
  name: string;
  as: 'admin' | 'anonymous';
  method: 'POST' | 'PATCH';
  url: () => string;
  /** A body the endpoint would accept (its fields are used to build the bad ones). */
  valid: () => Record<string, unknown>;
  required: string[];
  wrongTypes: Record<string, unknown>;
  tooLong: [field: string, max: number];
}

let seq = 0;
const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/v1/agencies',
    as: 'admin',
    method: 'POST',
    url: () => '/api/v1/agencies',
    valid: () => ({ slug: `phuong-${++seq}`, nameVi: 'Phường Phú Hội', nameEn: 'Phu Hoi Ward', type: 'commune' }),
    required: ['slug', 'nameVi', 'nameEn', 'type'],
    wrongTypes: { nameVi: 42, isOperator: 'yes', functions: 'contribute', contact: 'none' },
    tooLong: ['nameVi', 300],
  },
  {
    name: 'POST /api/v1/users',
    as: 'admin',
    method: 'POST',
    url: () => '/api/v1/users',
    valid: () => ({ agencyId, email: `user-${++seq}@example.test`, username: `user-${seq}`, displayName: 'Lê Thị Bình', role: 'reader' }),
    required: ['agencyId', 'email', 'username', 'displayName', 'role'],
    wrongTypes: { displayName: ['Lê'], role: 7, locale: true },
    tooLong: ['displayName', 200],
  },
  {
    name: 'PATCH /api/v1/users/:id',
    as: 'admin',
    method: 'PATCH',
    url: () => `/api/v1/users/${target.id}`,
    valid: () => ({ version: 1, displayName: 'Nguyễn Văn An (Sở)' }),
    required: ['version'],
    wrongTypes: { version: '1', displayName: { vi: 'An' } },
    tooLong: ['displayName', 200],
  },
  {
    name: 'POST /api/v1/auth/sign-in',
    as: 'anonymous',
    method: 'POST',
    url: () => '/api/v1/auth/sign-in',
    valid: () => ({ login: target.username, password: 'sai mật khẩu' }),
    required: ['login', 'password'],
    wrongTypes: { login: 12345, password: null },
    tooLong: ['login', 254],
  },
];

describe.each(ENDPOINTS)('$name', (ep) => {
  const call = (payload?: string | Buffer | object, headers?: Headers) => send(ep.as, ep.method, ep.url(), payload, headers);

  /** Runs a refused request and checks that nothing changed. */
  async function refused(payload: string | Buffer | object | undefined, headers?: Headers) {
    const before = await state();
    const res = await call(payload, headers);
    expect(await state()).toEqual(before);
    return res;
  }

  it(`refuses a body over the limit with 413`, async () => {
    const body = { ...ep.valid(), [ep.tooLong[0]]: 'Huế '.repeat(BODY_LIMIT / 2) };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(BODY_LIMIT);
    const vi = expectProblem(await refused(body), 413, 'too_large');
    expect(vi.title).toBe('Dữ liệu gửi lên quá lớn.');
    const en = expectProblem(await refused(body, { 'accept-language': 'en' }), 413, 'too_large');
    expect(en.title).toBe('The request is too large.');
  });

  it('names each field of the wrong type', async () => {
    const res = await refused({ ...ep.valid(), ...ep.wrongTypes });
    const body = expectProblem(res, 400, 'invalid');
    expect(body.errors!.map((e) => e.field).sort()).toEqual(Object.keys(ep.wrongTypes).sort());
    for (const e of body.errors!) expect(e.code).toMatch(/^field_(type|enum)$/);
  });

  it('refuses unknown fields with field_unknown, naming them', async () => {
    const res = await refused({ ...ep.valid(), isAdmin: true, 'role ': 'admin' });
    expect(fields(expectProblem(res, 400, 'invalid'))).toEqual(['isAdmin:field_unknown', 'role :field_unknown']);
  });

  it('gives one error per missing required field, in Vietnamese by default and English on request', async () => {
    const vi = expectProblem(await refused({}), 400, 'invalid');
    expect(fields(vi)).toEqual(ep.required.map((f) => `${f}:field_required`).sort());
    expect(vi.title).toBe('Dữ liệu không hợp lệ.');
    for (const e of vi.errors!) expect(e.message).toBe('Trường này là bắt buộc.');

    const res = await refused({}, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.headers['content-language']).toBe('en');
    const en = expectProblem(res, 400, 'invalid');
    expect(en.title).toBe('The data is not valid.');
    for (const e of en.errors!) expect(e.message).toBe('This field is required.');
    // Explicitly Vietnamese, and a language we do not have, both give Vietnamese.
    for (const lang of ['vi', 'fr']) {
      const other = expectProblem(await refused({}, { 'accept-language': lang }), 400, 'invalid');
      expect(other.title).toBe('Dữ liệu không hợp lệ.');
    }
  });

  it('refuses an over-long string with field_too_long and its limit', async () => {
    const [field, max] = ep.tooLong;
    const vi = expectProblem(await refused({ ...ep.valid(), [field]: 'ệ'.repeat(max + 1) }), 400, 'invalid');
    expect(vi.errors).toEqual([{ field, code: 'field_too_long', message: `Quá dài (tối đa ${max} ký tự).` }]);
    const en = expectProblem(await refused({ ...ep.valid(), [field]: 'x'.repeat(max + 1) }, { 'accept-language': 'en' }), 400, 'invalid');
    expect(en.errors).toEqual([{ field, code: 'field_too_long', message: `Too long (at most ${max} characters).` }]);
  });

  it('refuses invalid UTF-8 with bad_encoding', async () => {
    const json = JSON.stringify({ ...ep.valid(), [ep.tooLong[0]]: '@@' });
    const [head, tail] = json.split('@@');
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28]), Buffer.from(tail)]);
    const body = expectProblem(await refused(bytes, { 'content-type': 'application/json' }), 400, 'invalid');
    expect(body.errors).toEqual([{ field: '(body)', code: 'bad_encoding', message: 'Dữ liệu không phải UTF-8 hợp lệ.' }]);
  });

  it('refuses malformed or empty JSON with 400 bad_json', async () => {
    for (const payload of ['{"slug": ', "{'a': 1}", '{"a":1}}', '   ']) {
      const body = expectProblem(await refused(payload, { 'content-type': 'application/json', 'accept-language': 'en' }), 400, 'invalid');
      expect(body.errors).toEqual([{ field: '(body)', code: 'bad_json', message: 'The body is not valid JSON.' }]);
    }
    // Valid JSON of the wrong shape is a type error on the body itself.
    for (const payload of ['null', '[1,2]', '"text"', '42']) {
      const body = expectProblem(await refused(payload, { 'content-type': 'application/json' }), 400, 'invalid');
      expect(fields(body)).toEqual(['(body):field_type']);
    }
  });

  it('refuses a content type other than JSON with 415', async () => {
    const valid = ep.valid() as Record<string, string>;
    const bodies: Array<[string, string]> = [
      ['application/xml', '<agency/>'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['text/plain', JSON.stringify(valid)],
      // Form posts are for the OAuth token endpoint only: elsewhere they would let another site's
      // plain HTML form reach a JSON API (e.g. sign someone in to an attacker's account).
      ['application/x-www-form-urlencoded', new URLSearchParams(valid).toString()],
    ];
    const before = await state();
    const got: Array<[string, number]> = [];
    for (const [type, payload] of bodies) {
      const res = await call(payload, { 'content-type': type });
      got.push([type, res.statusCode]);
      if (res.statusCode === 415) expectProblem(res, 415, 'unsupported_media_type');
    }
    expect(got).toEqual(bodies.map(([type]) => [type, 415]));
    expect(await state()).toEqual(before);
  });
});

describe('the error document', () => {
  it('is English for Accept-Language: en, Vietnamese otherwise, with content-language set', async () => {
    const vi = await send('anonymous', 'POST', '/api/v1/auth/sign-in', {});
    expect(vi.headers['content-language']).toBe('vi');
    const en = await send('anonymous', 'POST', '/api/v1/auth/sign-in', {}, { 'accept-language': 'en' });
    expect(en.headers['content-language']).toBe('en');
    expect(vi.json().instance).toBe(vi.headers['x-request-id']);
    // A refusal from the use case (not the schema) follows the same language rule.
    const agency = await accounts.getAgency(t.system, agencyId);
    const dup = await send('admin', 'POST', '/api/v1/agencies', { slug: agency.slug, nameVi: 'Trùng mã', nameEn: 'Duplicate', type: 'department' });
    expect(expectProblem(dup, 409, 'slug_taken').errors).toEqual([{ field: 'slug', code: 'slug_taken', message: 'Mã cơ quan đã tồn tại.' }]);
  });
});

describe('SQL-looking input is data', () => {
  const DROP = "'; DROP TABLE users; --";
  const OR = '" OR 1=1 --';

  it('stores names with SQL in them exactly, and nothing else changes', async () => {
    const before = await state();
    const res = await send('admin', 'POST', '/api/v1/agencies', {
      slug: 'sql-names',
      nameVi: DROP,
      nameEn: OR,
      type: 'other',
      descriptionVi: "Robert'); DELETE FROM agencies;--",
    });
    expect(res.statusCode).toBe(201);
    const stored = await accounts.getAgency(t.system, res.json().id);
    expect({ nameVi: stored.nameVi, nameEn: stored.nameEn, descriptionVi: stored.descriptionVi }).toEqual({
      nameVi: DROP,
      nameEn: OR,
      descriptionVi: "Robert'); DELETE FROM agencies;--",
    });
    const after = await state();
    expect(after.users).toEqual(before.users);
    expect(after.agencies.map((a) => a.id).sort()).toEqual([...before.agencies.map((a) => a.id), stored.id].sort());

    const user = await send('admin', 'POST', '/api/v1/users', { agencyId, email: 'sql@example.test', username: 'sql.user', displayName: OR, role: 'reader' });
    expect(user.statusCode).toBe(201);
    expect((await accounts.getUser(t.system, user.json().user.id)).displayName).toBe(OR);
  });

  it('treats SQL, LIKE wildcards and quotes in search parameters literally', async () => {
    await send('admin', 'POST', '/api/v1/agencies', { slug: 'ty-le', nameVi: 'Đạt 100% kế hoạch', nameEn: '100% done', type: 'other' });
    const all = (await admin.client.get('/api/v1/agencies')).json().total;
    expect(all).toBeGreaterThan(2);
    const q = async (path: string, value: string) => {
      const res = await admin.client.get(`${path}?q=${encodeURIComponent(value)}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<{ nameVi?: string; displayName?: string }>).map((x) => x.nameVi ?? x.displayName);
    };
    expect(await q('/api/v1/agencies', DROP)).toEqual([DROP]);
    expect(await q('/api/v1/agencies', OR)).toEqual([DROP]); // nameEn matched, nameVi shown
    expect(await q('/api/v1/agencies', '%')).toEqual(['Đạt 100% kế hoạch']);
    expect(await q('/api/v1/agencies', '_')).toEqual([]);
    expect(await q('/api/v1/agencies', '\\')).toEqual([]);
    expect(await q('/api/v1/users', OR)).toEqual([OR]);
    expect(await q('/api/v1/users', "' OR '1'='1")).toEqual([]);
    expect(await q('/api/v1/users', '%')).toEqual([]);
    // Lists still work afterwards.
    expect((await admin.client.get('/api/v1/agencies')).json().total).toBe(all);
    expect((await admin.client.get('/api/v1/users')).json().total).toBe(await accounts.countAllUsers(t.system));
  });

  it('does not sign anyone in with SQL in the login', async () => {
    for (const login of ["' OR 1=1 --", `${target.username}' --`, '" OR ""="']) {
      const res = await new Client(t, '127.0.9.9').post('/api/v1/auth/sign-in', { login, password: "' OR '1'='1" });
      expectProblem(res, 401, 'login_failed');
    }
  });
});

describe('prototype pollution', () => {
  it('ignores __proto__ and constructor keys in JSON bodies, at any depth', async () => {
    const before = await state();
    const payload =
      '{"slug":"proto-test","nameVi":"Kiểm thử","nameEn":"Test","type":"other",' +
      '"__proto__":{"isOperator":true,"polluted":"yes"},' +
      '"constructor":{"prototype":{"polluted":"yes"}},' +
      '"contact":{"email":"a@b.vn","__proto__":{"polluted":"yes"}}}';
    const res = await send('admin', 'POST', '/api/v1/agencies', payload, { 'content-type': 'application/json' });
    expect([201, 400]).toContain(res.statusCode);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (res.statusCode === 201) {
      const stored = await accounts.getAgency(t.system, res.json().id);
      expect(stored.isOperator).toBe(false);
      expect(stored.contact).toEqual({ email: 'a@b.vn' });
      expect(Object.getPrototypeOf(stored.contact)).toBe(Object.prototype);
    } else {
      expect(await state()).toEqual(before);
    }
  });

  it('does not let __proto__ smuggle a role change', async () => {
    const row = await accounts.getUser(t.system, target.id);
    const payload = `{"version":${row.version},"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}`;
    const res = await send('admin', 'PATCH', `/api/v1/users/${target.id}`, payload, { 'content-type': 'application/json' });
    expect([200, 400]).toContain(res.statusCode);
    expect((await accounts.getUser(t.system, target.id)).role).toBe('contributor');
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('refuses __proto__ in the query string as an unknown field', async () => {
    const res = await admin.client.get('/api/v1/agencies?__proto__[polluted]=yes&constructor[prototype][polluted]=yes');
    expect(expectProblem(res, 400, 'invalid').errors!.every((e) => e.code === 'field_unknown')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Unicode', () => {
  it('stores text sent in NFD as NFC, and finds it by either form', async () => {
    const nfd = 'Thừa Thiên Huế'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const res = await send('admin', 'POST', '/api/v1/agencies', {
      slug: 'thua-thien-hue',
      nameVi: nfd,
      nameEn: 'Thua Thien Hue',
      type: 'district',
      descriptionVi: 'Cố đô Huế'.normalize('NFD'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().nameVi).toBe('Thừa Thiên Huế'.normalize('NFC'));
    const stored = await accounts.getAgency(t.system, res.json().id);
    expect(stored.nameVi).toBe('Thừa Thiên Huế'.normalize('NFC'));
    expect(stored.descriptionVi).toBe('Cố đô Huế'.normalize('NFC'));
    for (const form of ['NFC', 'NFD'] as const) {
      const found = await admin.client.get(`/api/v1/agencies?q=${encodeURIComponent('Thiên Huế'.normalize(form))}`);
      expect(found.json().items.map((a: { id: string }) => a.id)).toContain(stored.id);
    }
  });

  it('normalises names on update and passwords at sign-in', async () => {
    const row = await accounts.getUser(t.system, target.id);
    const res = await send('admin', 'PATCH', `/api/v1/users/${target.id}`, { version: row.version, displayName: 'Trần Thị Ngọc Hà'.normalize('NFD') });
    expect(res.statusCode).toBe(200);
    expect((await accounts.getUser(t.system, target.id)).displayName).toBe('Trần Thị Ngọc Hà'.normalize('NFC'));
    // The same password typed on a keyboard that produces NFD still signs in.
    const signIn = await new Client(t).post('/api/v1/auth/sign-in', { login: target.username, password: STRONG_PASSWORD.normalize('NFD') });
    expect(signIn.statusCode).toBe(200);
  });
});

describe('NUL characters (PostgreSQL text cannot hold them)', () => {
  it('are refused in query strings, path parameters, JSON bodies and forms with a 400 naming where, never a 500', async () => {
    const before = await state();
    for (const path of ['/api/v1/agencies', '/api/v1/users', '/api/v1/media', '/api/v1/items', '/api/v1/search', '/api/v1/audit-events']) {
      const res = await admin.client.get(`${path}?q=a%00b`);
      expect(fields(expectProblem(res, 400, 'invalid')), path).toEqual(['q:field_format']);
    }
    expect(fields(expectProblem(await admin.client.get('/api/v1/agencies/a%00b'), 400, 'invalid'))).toEqual(['id:field_format']);
    const body = expectProblem(
      await send('admin', 'POST', '/api/v1/agencies', { slug: 'nul', nameVi: 'Sở\u0000Nội vụ', nameEn: 'Home', type: 'other' }),
      400,
      'invalid',
    );
    expect(fields(body)).toEqual(['nameVi:field_format']);
    const nested = expectProblem(
      await send('admin', 'POST', '/api/v1/agencies', { slug: 'nul', nameVi: 'Sở', nameEn: 'Home', type: 'other', contacts: [{ name: 'a\u0000' }] }),
      400,
      'invalid',
    );
    expect(fields(nested)).toEqual(['contacts/0/name:field_format']);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&client_id=a%00&client_secret=b',
    });
    expect(fields(expectProblem(form, 400, 'invalid'))).toEqual(['client_id:field_format']);
    expect(await state()).toEqual(before);
  });

  it('forged media library cursors are a 400 on cursor', async () => {
    for (const cursor of [
      Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000').toString('base64url'),
      Buffer.from('2026-01-01|------------------------------------').toString('base64url'),
      'x',
    ]) {
      const res = await admin.client.get(`/api/v1/media?cursor=${cursor}`);
      expect(fields(expectProblem(res, 400, 'invalid'))).toEqual(['cursor:field_format']);
    }
  });
});
