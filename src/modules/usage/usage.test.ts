// API usage (R5.2): every request counted for its principal (client, person, anonymous address)
// by day in Huế, written by the buffered recorder; the report and who may read which part of it.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../accounts/service.js';
import * as content from '../content/service.js';
import { recordUsage, zeroCounters, type UsageEntry } from './service.js';
import { Client, fixtureAgency, signedIn, type SignedIn } from '../../../test/helpers/app.js';
import { createMediaTestApp, upload } from '../../../test/helpers/media.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../test/helpers/content.js';
import * as files from '../../../test/helpers/media-files.js';

type T = Awaited<ReturnType<typeof createMediaTestApp>>;
let t: T;
let agencyA: string;
let agencyB: string;
let admin: SignedIn;
let contributorA: SignedIn;
let contributorB: SignedIn;
let client: Client;
let clientId: string;
let topic: string;

const bytes = (...rs: LightMyRequestResponse[]) => rs.reduce((n, r) => n + Number(r.headers['content-length'] ?? 0), 0);
const report = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/usage${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    principals: Array<Record<string, unknown> & { principal: string; totals: Record<string, number>; days: Array<Record<string, number | string>> }>;
    agencies: Array<{ agencyId: string | null; totals: Record<string, number> }>;
    totals: Record<string, number>;
    from: string;
    to: string;
  };
};

beforeAll(async () => {
  // Anonymous callers get 3 requests a minute here; the people sign in from their own addresses.
  // Counters are written only when the test flushes them.
  t = await createMediaTestApp({ RATE_LIMIT_ANONYMOUS: '3', USAGE_FLUSH_SECONDS: '3600' });
  // 23:50 in Huế: the test crosses midnight there a quarter of an hour later
  t.clock.set(new Date('2026-03-02T16:50:00Z'));
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'ubnd-phu-vang' });
  admin = await signedIn(t, 'admin', { ip: '127.0.8.1' });
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA, ip: '127.0.8.2' });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB, ip: '127.0.8.3' });
  topic = (await topicIds(t))['tong-quan'];
  const created = await accounts.createApiClient(t.system, {
    name: 'Cổng du lịch Huế',
    agencyId: agencyA,
    scopes: ['read:public', 'write:own'],
    acceptTerms: true,
  });
  clientId = created.client.id;
  client = new Client(t, '10.8.0.4');
  client.bearer = (await accounts.issueClientAccessToken(t.system, { clientId: created.client.clientId, clientSecret: created.clientSecret })).accessToken;
  await t.app.usageRecorder.flush();
});
afterAll(() => t.close());

describe('counting', () => {
  it('counts each principal’s requests, items read, originals, writes, errors, refusals and bytes, by day in Huế', async () => {
    // an anonymous address: two reads, a 404, then refused by the rate limit
    const anon = new Client(t, '10.9.0.1');
    const absent = '/api/v1/item-versions/00000000-0000-4000-8000-000000000000/published';
    const anonResponses = [await anon.get('/api/v1/meta'), await anon.get('/api/v1/meta'), await anon.get(absent), await anon.get('/api/v1/meta')];
    expect(anonResponses.map((r) => r.statusCode)).toEqual([200, 200, 404, 429]);

    // a client: a published version, a missing one, a request reading no item
    const published = await content.createItem(t.system, { ...completeItem(topic), kind: 'news', agencyId: agencyA });
    await content.transition(t.system, published.id, 'submit', DECLARE);
    await content.transition(t.system, published.id, 'approve', { checklist: ALL_CHECKS });
    const meta = await client.get('/api/v1/meta');
    const one = await client.get(`/api/v1/item-versions/${published.id}/published`);
    expect(one.statusCode).toBe(200);
    const missing = await client.get('/api/v1/item-versions/00000000-0000-4000-8000-000000000000/published');
    expect(missing.statusCode).toBe(404);
    const clientResponses = [meta, one, missing];

    // a person: two writes, a list of items (each counted); downloads an original once (a later
    // range is not a new download)
    const write = await contributorA.client.post('/api/v1/items', completeItem(topic, { title: 'Nhã nhạc cung đình Huế biểu diễn tại Duyệt Thị Đường' }));
    expect(write.statusCode, write.body).toBe(201);
    const list = await contributorA.client.get('/api/v1/items?limit=50');
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { items: unknown[] }).items.length;
    expect(listed).toBeGreaterThanOrEqual(2);
    const pdf = (await upload(contributorA.client, files.pdf(['Ke hoach']), 'ke-hoach.pdf')).json() as { originalUrl: string };
    expect((await contributorA.client.get(pdf.originalUrl)).statusCode).toBe(200);
    expect((await contributorA.client.get(pdf.originalUrl, { range: 'bytes=10-20' })).statusCode).toBe(206);

    // 00:05 in Huế is already the next day there (17:05 UTC)
    const today = '2026-03-02';
    t.clock.set(new Date('2026-03-02T17:05:00Z'));
    expect((await client.get('/api/v1/meta')).statusCode).toBe(200);

    // nothing is written until the recorder flushes
    expect((await report(admin.client, `?from=${today}&to=2026-03-03`)).principals.find((p) => p.principal === `client:${clientId}`)).toBeUndefined();
    await t.app.usageRecorder.flush();
    const r = await report(admin.client, `?from=${today}&to=2026-03-03`);

    const ip = r.principals.find((p) => p.principal === 'ip:10.9.0.1')!;
    expect(ip).toMatchObject({ kind: 'ip', name: '10.9.0.1', agencyId: null, clientId: null, terms: null });
    expect(ip.totals).toEqual({ requests: 4, itemReads: 0, originalDownloads: 0, writes: 0, errors: 1, rateLimited: 1, bytesOut: bytes(...anonResponses) });

    const c = r.principals.find((p) => p.principal === `client:${clientId}`)!;
    expect(c).toMatchObject({
      kind: 'client',
      name: 'Cổng du lịch Huế',
      agencyId: agencyA,
      clientId,
      revoked: false,
      terms: { version: accounts.TERMS_VERSION },
    });
    expect(c.days.map((d) => d.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect(c.days[0]).toEqual({
      day: today,
      requests: 3,
      itemReads: 1,
      originalDownloads: 0,
      writes: 0,
      errors: 1,
      rateLimited: 0,
      bytesOut: bytes(...clientResponses),
    });
    expect(c.days[1]).toMatchObject({ requests: 1, itemReads: 0 });

    const person = r.principals.find((p) => p.principal === `user:${contributorA.user.id}`)!;
    expect(person).toMatchObject({ kind: 'user', agencyId: agencyA, userId: contributorA.user.id });
    expect(person.name).toContain(contributorA.user.username);
    // writes: the password change at first sign-in, the upload, the item
    expect(person.totals).toMatchObject({ originalDownloads: 1, writes: 3, errors: 0, itemReads: listed });

    // per agency: the client and the person of agency A together; anonymous callers under null
    const a = r.agencies.find((x) => x.agencyId === agencyA)!;
    expect(a.totals.requests).toBe(c.totals.requests + person.totals.requests);
    expect(r.agencies.find((x) => x.agencyId === null)!.totals.rateLimited).toBeGreaterThanOrEqual(1);
    expect(r.totals.requests).toBe(r.principals.reduce((n, p) => n + p.totals.requests, 0));
  });

  it('adds concurrent flushes of several processes instead of overwriting them', async () => {
    const entry: UsageEntry = {
      ...zeroCounters(),
      day: '2026-02-01',
      principal: 'ip:10.7.0.1',
      clientId: null,
      userId: null,
      agencyId: null,
      requests: 3,
      bytesOut: 100,
    };
    await Promise.all([recordUsage(t.system, [entry]), recordUsage(t.system, [entry]), recordUsage(t.system, [{ ...entry, requests: 1 }])]);
    const r = await report(admin.client, '?from=2026-02-01&to=2026-02-01');
    expect(r.principals.find((p) => p.principal === 'ip:10.7.0.1')!.totals).toMatchObject({ requests: 7, bytesOut: 300 });
  });
});

describe('who reads the report', () => {
  it('refuses anonymous callers (401)', async () => {
    const res = await new Client(t, '10.9.1.1').get('/api/v1/usage');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an agency’s account sees only its agency’s clients and people; asking for another agency finds nothing', async () => {
    const range = '?from=2026-03-01&to=2026-03-03';
    const ofA = await report(contributorA.client, range);
    expect(ofA.principals.length).toBeGreaterThan(0);
    expect(ofA.principals.every((p) => p.agencyId === agencyA)).toBe(true);
    expect(ofA.principals.map((p) => p.principal)).toContain(`client:${clientId}`);
    expect(ofA.agencies.map((a) => a.agencyId)).toEqual([agencyA]);

    const ofB = await report(contributorB.client, range);
    expect(ofB.principals.every((p) => p.agencyId === agencyB)).toBe(true);
    expect(ofB.principals.map((p) => p.principal)).not.toContain(`client:${clientId}`);
    expect(ofB.principals.some((p) => p.kind === 'ip')).toBe(false);
    for (const q of [`&agencyId=${agencyA}`, `&clientId=${clientId}`]) {
      const other = await report(contributorB.client, range + q);
      expect(other.principals).toEqual([]);
      expect(other.agencies).toEqual([]);
      expect(other.totals.requests).toBe(0);
    }
  });

  it('an API client sees only its own usage; the DIC and the IOC see everyone’s', async () => {
    const own = await report(client, '?from=2026-03-01&to=2026-03-03');
    expect(own.principals.map((p) => p.principal)).toEqual([`client:${clientId}`]);
    expect((await report(client, `?from=2026-03-01&to=2026-03-03&agencyId=${agencyB}`)).principals).toEqual([]);

    for (const role of ['appraiser', 'security'] as const) {
      const staff = await signedIn(t, role, { ip: `127.0.9.${role.length}` });
      const all = await report(staff.client, '?from=2026-03-01&to=2026-03-03');
      expect(all.principals.map((p) => p.principal)).toEqual(expect.arrayContaining([`client:${clientId}`, 'ip:10.9.0.1', `user:${contributorB.user.id}`]));
      const filtered = await report(staff.client, `?from=2026-03-01&to=2026-03-03&clientId=${clientId}`);
      expect(filtered.principals.map((p) => p.principal)).toEqual([`client:${clientId}`]);
    }
  });

  it('checks the range: real dates, from before to, at most 366 days', async () => {
    for (const q of ['?from=2026-02-30', '?from=2026-03-05&to=2026-03-01', '?from=2025-01-01&to=2026-03-01', '?to=yesterday', '?agencyId=x']) {
      const res = await admin.client.get(`/api/v1/usage${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    const dflt = await report(admin.client);
    expect([dflt.from, dflt.to]).toEqual(['2026-02-02', '2026-03-03']);
  });
});
