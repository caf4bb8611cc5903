// Answers of public API reads kept per public generation (http/response-cache.ts): a second read is
// served from memory, byte for byte the handler's answer; readers with different access never share
// an entry; every change a reader could see (publish, revise, unpublish, an agency renamed) is seen
// by the next request; the rate limit and usage accounting still count every hit; memory is bounded.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { oauthClient, workflow } from '../../../../test/helpers/published.js';
import { rowsOf } from '../../../db/transaction.js';
import { createResponseCache } from '../../../http/response-cache.js';
import * as accounts from '../../accounts/service.js';

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let agencyA: string;
let agencyB: string;
let anonymous: Client;
let sharedClient: Client;
let contributorA: SignedIn;
let contributorB: SignedIn;
const v: Record<string, { itemId: string; versionId: string }> = {};

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  flow = workflow(t, (await topicIds(t))['du-lich-di-san-le-hoi']);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
  v.festival = await flow.create(agencyA, { title: 'Festival Huế 2026' });
  v.shared = await flow.create(agencyA, { title: 'Số liệu khách quý I', visibility: 'shared' });
  v.internal = await flow.create(agencyA, { title: 'Kế hoạch nội bộ', visibility: 'internal' });
  anonymous = new Client(t);
  sharedClient = await oauthClient(t, agencyB, ['read:public', 'read:shared']);
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB });
});
afterAll(() => t.close());

const LIST = '/api/v1/published?language=vi&limit=50';
const titles = (body: string) => (JSON.parse(body) as { items: Array<{ title: string }> }).items.map((i) => i.title);

describe('a second read is served from the cache', () => {
  it('the same bytes, ETag and headers as the handler gave; If-None-Match → 304 on a hit', async () => {
    const url = `${LIST}&kind=news`;
    const first = await anonymous.get(url);
    const second = await anonymous.get(url);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    for (const h of ['etag', 'content-type', 'cache-control', 'vary']) expect(second.headers[h], h).toBe(first.headers[h]);
    expect(second.headers['ratelimit-remaining']).toBeDefined();
    expect(second.headers['content-security-policy']).toContain("default-src 'self'");
    const again = await anonymous.get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('one item keeps its formats apart: JSON, Dublin Core JSON-LD and XML', async () => {
    const url = `/api/v1/published/${v.festival.itemId}/vi`;
    const json = await anonymous.get(url);
    const xml = await anonymous.get(url, { accept: 'application/xml' });
    const jsonAgain = await anonymous.get(url);
    const xmlAgain = await anonymous.get(url, { accept: 'application/xml' });
    expect(json.headers['content-type']).toContain('application/json');
    expect(xml.headers['content-type']).toContain('application/xml');
    expect([jsonAgain.headers['x-cache'], xmlAgain.headers['x-cache']]).toEqual(['hit', 'hit']);
    expect(jsonAgain.headers['content-type']).toBe(json.headers['content-type']);
    expect(xmlAgain.headers['content-type']).toBe(xml.headers['content-type']);
    expect(xmlAgain.body).toBe(xml.body);
    expect(jsonAgain.json().title).toBe('Festival Huế 2026');
  });
});

describe('readers with different access never share an answer', () => {
  it('shared content: a read:shared client first, then anonymous — and the other way round', async () => {
    const url = `${LIST}&sort=published`;
    const byShared = await sharedClient.get(url);
    const byAnon = await anonymous.get(url);
    expect(titles(byShared.body)).toContain('Số liệu khách quý I');
    expect(titles(byAnon.body)).not.toContain('Số liệu khách quý I');
    const url2 = `${LIST}&sort=-updated`;
    const anonFirst = await anonymous.get(url2);
    const sharedAfter = await sharedClient.get(url2);
    expect(titles(anonFirst.body)).not.toContain('Số liệu khách quý I');
    expect(titles(sharedAfter.body)).toContain('Số liệu khách quý I');
    // the single read too
    expect((await sharedClient.get(`/api/v1/published/${v.shared.itemId}/vi`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/v1/published/${v.shared.itemId}/vi`)).statusCode).toBe(404);
  });

  it('internal content: its agency reads it, another agency does not, whichever asks first', async () => {
    const url = `${LIST}&agencyId=${agencyA}`;
    const own = await contributorA.client.get(url);
    const other = await contributorB.client.get(url);
    const ownAgain = await contributorA.client.get(url);
    expect(titles(own.body)).toContain('Kế hoạch nội bộ');
    expect(titles(other.body)).not.toContain('Kế hoạch nội bộ');
    expect(ownAgain.headers['x-cache']).toBe('hit');
    expect(titles(ownAgain.body)).toContain('Kế hoạch nội bộ');
    const item = `/api/v1/published/${v.internal.itemId}/vi`;
    expect((await contributorA.client.get(item)).statusCode).toBe(200);
    expect((await contributorB.client.get(item)).statusCode).toBe(404);
    expect((await contributorA.client.get(item)).headers['x-cache']).toBe('hit');
  });

  it('searches of working versions are never cached; searches of published content are, per reader scope', async () => {
    const working = await contributorA.client.get('/api/v1/search?q=festival&view=working');
    expect(working.statusCode).toBe(200);
    expect(working.headers['x-cache']).toBeUndefined();
    await anonymous.get('/api/v1/search?q=k%E1%BA%BF%20ho%E1%BA%A1ch');
    const anon = await anonymous.get('/api/v1/search?q=k%E1%BA%BF%20ho%E1%BA%A1ch');
    const own = await contributorA.client.get('/api/v1/search?q=k%E1%BA%BF%20ho%E1%BA%A1ch');
    expect(anon.headers['x-cache']).toBe('hit');
    expect(JSON.stringify(anon.json())).not.toContain('Kế hoạch nội bộ');
    expect(JSON.stringify(own.json())).toContain('Kế hoạch nội bộ');
  });
});

describe('changes are seen by the next request', () => {
  it('publish, revise, unpublish (made by a use case, not over HTTP) and an agency renamed', async () => {
    const url = `${LIST}&sort=published&kind=news&agencyId=${agencyB}`;
    const before = await anonymous.get(url);
    expect((await anonymous.get(url)).headers['x-cache']).toBe('hit');
    const fresh = await flow.create(agencyB, { title: 'Hội nghị xúc tiến đầu tư' });
    const afterPublish = await anonymous.get(url);
    expect(afterPublish.headers['x-cache']).toBe('miss');
    expect(titles(afterPublish.body)).toContain('Hội nghị xúc tiến đầu tư');
    expect(titles(before.body)).not.toContain('Hội nghị xúc tiến đầu tư');

    const one = `/api/v1/published/${fresh.itemId}/vi`;
    await anonymous.get(one);
    await flow.revise(fresh.versionId, { title: 'Hội nghị xúc tiến đầu tư 2026' });
    expect((await anonymous.get(one)).json().title).toBe('Hội nghị xúc tiến đầu tư 2026');

    // Dublin Core names the publisher: renaming the agency is a public change too
    const dc = `${one}?format=dc-jsonld`;
    await anonymous.get(dc);
    const agency = await accounts.getAgency(t.system, agencyB);
    await accounts.updateAgency(t.system, agencyB, agency.version, { nameVi: 'Sở Ngoại vụ thành phố Huế' });
    expect(JSON.stringify((await anonymous.get(dc)).json())).toContain('Sở Ngoại vụ thành phố Huế');

    await flow.unpublish(fresh.versionId);
    expect((await anonymous.get(one)).statusCode).toBe(404);
    expect(titles((await anonymous.get(url)).body)).not.toContain('Hội nghị xúc tiến đầu tư 2026');
  });
});

describe('hits still count', () => {
  it('usage counts every hit with the items it returned; the rate limit refuses hits too', async () => {
    const limited = await createTestApp({ RATE_LIMIT_ANONYMOUS: '3' });
    try {
      const f = workflow(limited, (await topicIds(limited))['du-lich-di-san-le-hoi']);
      const agency = await fixtureAgency(limited, { slug: 'so-van-hoa' });
      await f.create(agency, { title: 'Một' });
      await f.create(agency, { title: 'Hai' });
      const c = new Client(limited, '203.0.113.7');
      const codes: number[] = [];
      const caches: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await c.get('/api/v1/published?language=vi');
        codes.push(res.statusCode);
        caches.push(res.headers['x-cache']);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(caches.slice(0, 3)).toEqual(['miss', 'hit', 'hit']);
      await limited.app.usageRecorder.flush();
      const rows = rowsOf<{ requests: number; item_reads: number; rate_limited: number }>(
        await limited.db.handle.db.execute(sql`SELECT requests, item_reads, rate_limited FROM api_usage WHERE principal = 'ip:203.0.113.7'`),
      );
      // two items per answer, for the miss and both hits
      expect(rows).toEqual([{ requests: 4, item_reads: 6, rate_limited: 1 }]);
    } finally {
      await limited.close();
    }
  });
});

describe('memory is bounded', () => {
  const generation = { current: () => 1, refresh: async () => 1, settled: () => 1, close: async () => undefined };
  const answer = (body: string) => ({ body, type: 'application/json', etag: 'W/"x"', items: 1 });

  it('by entries and by bytes, least recently used first; answers too large are not kept', () => {
    const cache = createResponseCache(generation, { maxEntries: 2, maxBytes: 10_000, maxEntryBytes: 1_000 });
    cache.put(1, 'a', answer('1'));
    cache.put(1, 'b', answer('2'));
    expect(cache.get(1, 'a')).toBeDefined(); // a is now the most recent
    cache.put(1, 'c', answer('3'));
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')?.body).toBe('1');
    cache.put(1, 'big', answer('x'.repeat(2_000)));
    expect(cache.get(1, 'big')).toBeUndefined();

    const bytes = createResponseCache(generation, { maxEntries: 100, maxBytes: 700, maxEntryBytes: 700 });
    for (const k of ['p', 'q', 'r']) bytes.put(1, k, answer('y'.repeat(200)));
    expect(bytes.get(1, 'p')).toBeUndefined();
    expect(bytes.size().bytes).toBeLessThanOrEqual(700);
  });

  it('a new generation drops the older one; an answer computed before it is not kept', () => {
    const cache = createResponseCache(generation, { maxEntries: 10, maxBytes: 10_000, maxEntryBytes: 10_000 });
    cache.put(1, 'a', answer('old'));
    cache.put(2, 'b', answer('new'));
    expect(cache.get(1, 'a')).toBeUndefined();
    expect(cache.size().entries).toBe(1);
    cache.put(1, 'c', answer('late'));
    expect(cache.get(2, 'c')).toBeUndefined();
    expect(cache.get(1, 'c')).toBeUndefined();
  });
});
