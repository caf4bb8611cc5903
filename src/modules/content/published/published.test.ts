// The open API's published reads over HTTP: GET /api/v1/published (visibility per reader, filters,
// sorts, keyset cursor, field selection, ETag/304, Cache-Control), one item in one language as
// JSON or Dublin Core (JSON-LD, XML), and refusals of bad and hostile input in every parameter.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { oauthClient, openApiValidator, readChanges, readPublished, workflow } from '../../../../test/helpers/published.js';

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let topics: Record<string, string>;
let agencyA: string;
let agencyB: string;
let anonymous: Client;
let contributorA: SignedIn;
let appraiser: SignedIn;
let reader: SignedIn;
let sharedClient: Client;
let validate: Awaited<ReturnType<typeof openApiValidator>>;
/** the fixtures, by name */
const v: Record<string, { itemId: string; versionId: string }> = {};

const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  topics = await topicIds(t);
  flow = workflow(t, topics['du-lich-di-san-le-hoi']);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
  // one publication a day, oldest first
  t.clock.set(new Date('2026-03-10T03:00:00Z'));
  v.festival = await flow.create(agencyA, { title: 'Festival Huế 2026' });
  await flow.translate(v.festival.itemId, 'en', 'Hue Festival 2026');
  t.clock.advance(DAY);
  v.document = await flow.create(agencyB, { kind: 'news', title: 'Hội nghị xúc tiến đầu tư', tags: ['đầu tư'] });
  t.clock.advance(DAY);
  v.shared = await flow.create(agencyA, { title: 'Số liệu khách du lịch quý I', visibility: 'shared' });
  t.clock.advance(DAY);
  v.internal = await flow.create(agencyA, { title: 'Kế hoạch nội bộ', visibility: 'internal' });
  t.clock.advance(DAY);
  v.hostile = await flow.create(agencyB, {
    title: 'Tiêu đề <script>alert("x")</script> & \'trích dẫn\' ]]> \u0007',
    summary: 'Tóm tắt <b>đậm</b> & "ngoặc"',
  });
  t.clock.advance(DAY);
  // the festival's source gets a new revision last: updated most recently, first published first
  await flow.revise(v.festival.versionId, { title: 'Festival Huế 2026 — lịch diễn' });
  // sessions and tokens start now, after the clock moved (they expire)
  anonymous = new Client(t);
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  appraiser = await signedIn(t, 'appraiser');
  reader = await signedIn(t, 'reader', { agencyId: agencyB });
  sharedClient = await oauthClient(t, agencyB, ['read:public', 'read:shared']);
  validate = await openApiValidator(t);
});
afterAll(() => t.close());

const ids = (items: Array<Record<string, unknown>>) => items.map((i) => i.id);
const titles = (items: Array<Record<string, unknown>>) => items.map((i) => i.title);

describe('who reads what', () => {
  it('anonymous: public only; read:shared adds shared; internal for its agency and the DIC', async () => {
    const [anon, shared, person, own, dic] = await Promise.all(
      [anonymous, sharedClient, reader.client, contributorA.client, appraiser.client].map((c) => readPublished(c)),
    );
    expect(ids(anon)).not.toContain(v.shared.versionId);
    expect(ids(anon)).not.toContain(v.internal.versionId);
    expect(ids(anon)).toContain(v.festival.versionId);
    expect(ids(shared)).toContain(v.shared.versionId);
    expect(ids(shared)).not.toContain(v.internal.versionId);
    expect(ids(person)).toContain(v.shared.versionId);
    expect(ids(own)).toContain(v.internal.versionId);
    expect(ids(dic)).toContain(v.internal.versionId);
    expect(new Set(anon.map((i) => i.visibility))).toEqual(new Set(['public']));
  });

  it('the single read answers 404 for what the reader may not see, like GET /item-versions/{id}/published', async () => {
    expect((await anonymous.get(`/api/v1/published/${v.shared.itemId}/vi`)).statusCode).toBe(404);
    expect((await sharedClient.get(`/api/v1/published/${v.shared.itemId}/vi`)).statusCode).toBe(200);
    expect((await reader.client.get(`/api/v1/published/${v.internal.itemId}/vi`)).statusCode).toBe(404);
    expect((await contributorA.client.get(`/api/v1/published/${v.internal.itemId}/vi`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/v1/published/${v.festival.itemId}/fr`)).statusCode).toBe(404);
    const res = await anonymous.get(`/api/v1/published/00000000-0000-4000-8000-000000000000/vi`);
    expect(res.statusCode).toBe(404);
    validate('/api/v1/published/{itemId}/{language}', res);
  });

  it('the single read is the published form, with the same hash', async () => {
    const res = await anonymous.get(`/api/v1/published/${v.festival.itemId}/en`);
    expect(res.statusCode).toBe(200);
    validate('/api/v1/published/{itemId}/{language}', res);
    const en = (await anonymous.get(`/api/v1/published/${v.festival.itemId}/en`)).json();
    expect(en).toEqual((await anonymous.get(`/api/v1/item-versions/${en.id}/published`)).json());
    expect(en.translations.map((x: { language: string }) => x.language)).toEqual(['vi', 'en']);
  });
});

describe('filters, sorts and cursor', () => {
  it('filters by kind, agency, topic, language, dates of publication, update and activity', async () => {
    const q = (params: Record<string, string>) => readPublished(appraiser.client, params);
    expect(ids(await q({ agencyId: agencyB }))).toEqual([v.hostile.versionId, v.document.versionId]);
    expect(ids(await q({ language: 'en' }))).toHaveLength(1);
    expect((await q({ kind: 'video' })).length).toBe(0);
    expect((await q({ topicId: topics['du-lich-di-san-le-hoi'] })).length).toBe(6);
    expect((await q({ topicId: topics[Object.keys(topics).find((k) => k !== 'du-lich-di-san-le-hoi')!] })).length).toBe(0);
    // first published on 11 March (Asia/Ho_Chi_Minh), the whole day
    expect(ids(await q({ publishedFrom: '2026-03-11', publishedTo: '2026-03-11' }))).toEqual([v.document.versionId]);
    expect(ids(await q({ publishedFrom: '2026-03-13T10:00:00+07:00' }))).toEqual([v.hostile.versionId, v.internal.versionId]);
    expect((await q({ publishedTo: '2026-03-09' })).length).toBe(0);
    // the festival was revised last: updated since 15 March, though first published on the 10th
    expect(ids(await q({ updatedSince: '2026-03-15' }))).toEqual([v.festival.versionId]);
    expect((await q({ activityFrom: '2026-06-04', activityTo: '2026-06-04' })).length).toBe(6);
    expect((await q({ activityFrom: '2026-06-05' })).length).toBe(0);
  });

  it('sorts by first publication (newest or oldest first) or by last update, and pages with a cursor', async () => {
    const newest = await readPublished(appraiser.client);
    expect(titles(newest).slice(0, 2)).toEqual([expect.stringContaining('Tiêu đề'), 'Kế hoạch nội bộ']);
    const oldest = await readPublished(appraiser.client, { sort: 'published' });
    expect(ids(oldest)).toEqual([...ids(newest)].reverse());
    expect(oldest[0].itemId).toBe(v.festival.itemId);
    const updated = await readPublished(appraiser.client, { sort: '-updated' });
    expect(updated[0].id).toBe(v.festival.versionId);
    for (const sort of ['-published', 'published', '-updated']) {
      const whole = await readPublished(appraiser.client, { sort });
      const paged = await readPublished(appraiser.client, { sort, limit: '2' });
      expect(ids(paged)).toEqual(ids(whole));
    }
    const first = (await appraiser.client.get('/api/v1/published?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const other = await appraiser.client.get(`/api/v1/published?limit=2&sort=published&cursor=${first.nextCursor}`);
    expect(other.statusCode).toBe(400); // a cursor continues the sort it came from
    expect(other.json().errors[0].field).toBe('cursor');
  });

  it('fields= selects top-level fields, including the published text', async () => {
    const res = await anonymous.get(`/api/v1/published?fields=id,title,contentHash&language=en`);
    expect(res.statusCode).toBe(200);
    validate('/api/v1/published', res);
    expect(res.json().items).toEqual([{ id: expect.any(String), title: 'Hue Festival 2026', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const full = (await anonymous.get(`/api/v1/published?fields=id,body,metadata,translations,revision,sourceLanguage&language=en`)).json().items[0];
    const form = (await anonymous.get(`/api/v1/item-versions/${full.id}/published`)).json();
    expect(full).toEqual({
      id: form.id,
      body: form.body,
      metadata: form.metadata,
      translations: form.translations,
      revision: form.revision,
      sourceLanguage: 'vi',
    });
    const defaults = (await anonymous.get('/api/v1/published?limit=1')).json().items[0];
    expect(Object.keys(defaults).sort()).toEqual(
      [
        'id',
        'itemId',
        'agencyId',
        'kind',
        'language',
        'isSource',
        'title',
        'summary',
        'visibility',
        'topicIds',
        'activityDate',
        'publishedAt',
        'firstPublishedAt',
        'contentHash',
      ].sort(),
    );
    for (const fields of ['id,password', 'id,,title', 'ID', 'id;title', '__proto__', 'constructor']) {
      const bad = await anonymous.get(`/api/v1/published?fields=${encodeURIComponent(fields)}`);
      expect(bad.statusCode, fields).toBe(400);
    }
  });
});

describe('caching', () => {
  it('weak ETag over the body: If-None-Match answers 304 until something changes; public caching for anonymous readers only', async () => {
    const url = '/api/v1/published?language=vi&limit=5';
    const first = await anonymous.get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await anonymous.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await anonymous.get(url, { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode).toBe(304); // weak comparison, in a list
    expect((await anonymous.get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const mine = await contributorA.client.get(url);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    const created = await flow.create(agencyB, { title: 'Tin mới' });
    const changed = await anonymous.get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    await flow.unpublish(created.versionId);
    // the single read too
    const one = await anonymous.get(`/api/v1/published/${v.festival.itemId}/vi`);
    expect((await anonymous.get(`/api/v1/published/${v.festival.itemId}/vi`, { 'if-none-match': one.headers.etag as string })).statusCode).toBe(304);
    expect(one.headers.vary).toContain('Accept');
  });
});

describe('Dublin Core', () => {
  it('JSON-LD by Accept or format=dc-jsonld, with the dc: and dcterms: elements', async () => {
    const byAccept = await anonymous.get(`/api/v1/published/${v.festival.itemId}/vi`, { accept: 'application/ld+json' });
    const byFormat = await anonymous.get(`/api/v1/published/${v.festival.itemId}/vi?format=dc-jsonld`);
    expect(byAccept.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(byAccept.body).toBe(byFormat.body);
    const ld = JSON.parse(byAccept.body);
    validate('/api/v1/published/{itemId}/{language}', byAccept, 'application/ld+json');
    const form = (await anonymous.get(`/api/v1/published/${v.festival.itemId}/vi`)).json();
    expect(ld['@context']).toMatchObject({ dc: 'http://purl.org/dc/elements/1.1/', dcterms: 'http://purl.org/dc/terms/' });
    expect(ld['@id']).toBe(`https://ttdn.test/vi/items/${v.festival.itemId}`);
    expect(ld['dc:title']).toEqual({ '@value': form.title, '@language': 'vi' });
    expect(ld['dc:creator']).toBe('Nguyễn Văn An');
    expect(ld['dc:publisher']).toEqual({ '@value': 'Cơ quan so-du-lich', '@language': 'vi' });
    expect(ld['dc:language']).toBe('vi');
    expect(ld['dc:date']).toBe('2026-06-04');
    expect(ld['dc:subject']).toContainEqual({ '@value': 'festival', '@language': 'vi' });
    expect(ld['dc:identifier']).toEqual([`https://ttdn.test/vi/items/${v.festival.itemId}`, `urn:sha256:${form.contentHash}`]);
    expect(ld['dc:rights']).toBe('CC-BY-4.0');
    expect(ld['dcterms:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    expect(ld['dc:coverage']).toEqual({ '@value': 'Đại Nội, thành phố Huế', '@language': 'vi' });
    expect(ld['dc:type']).toEqual([{ '@id': 'http://purl.org/dc/dcmitype/Text' }, 'news']);
    expect(ld['dcterms:issued']).toMatchObject({ '@value': form.firstPublishedAt });
  });

  it('XML by Accept or format=dc-xml: well-formed, in the DC namespace, with hostile text escaped', async () => {
    const res = await anonymous.get(`/api/v1/published/${v.hostile.itemId}/vi`, { accept: 'application/xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect((await anonymous.get(`/api/v1/published/${v.hostile.itemId}/vi?format=dc-xml`)).body).toBe(res.body);
    expect(XMLValidator.validate(res.body)).toBe(true);
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('\u0007');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body);
    expect(doc.metadata['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(doc.metadata['dc:title']['#text']).toBe('Tiêu đề <script>alert("x")</script> & \'trích dẫn\' ]]>');
    expect(doc.metadata['dc:title']['@xml:lang']).toBe('vi');
    expect(doc.metadata['dc:description']['#text']).toBe('Tóm tắt <b>đậm</b> & "ngoặc"');
    expect(doc.metadata['dc:identifier']).toContain(`https://ttdn.test/vi/items/${v.hostile.itemId}`);
    // JSON stays JSON when asked, and is the default
    expect((await anonymous.get(`/api/v1/published/${v.hostile.itemId}/vi`, { accept: 'text/html, application/json;q=0.9' })).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect((await anonymous.get(`/api/v1/published/${v.hostile.itemId}/vi?format=dc-csv`)).statusCode).toBe(400);
  });
});

describe('hostile and malformed input', () => {
  const INJECTIONS = [
    "' OR '1'='1",
    '1; DROP TABLE item_versions;--',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '%00',
    '../../etc/passwd',
    '${7*7}',
    'vi\u0000',
  ];
  const PARAMS = [
    'kind',
    'topicId',
    'agencyId',
    'language',
    'updatedSince',
    'publishedFrom',
    'publishedTo',
    'activityFrom',
    'activityTo',
    'sort',
    'fields',
    'cursor',
    'limit',
  ];

  it('every filter refuses SQL and script injection with a 400 problem naming it; nothing changes, nothing leaks', async () => {
    const before = { stream: await readChanges(appraiser.client, null), published: await readPublished(appraiser.client) };
    for (const param of PARAMS) {
      for (const value of INJECTIONS) {
        const res = await anonymous.get(`/api/v1/published?${param}=${encodeURIComponent(value)}`);
        expect(res.statusCode, `${param}=${value}`).toBe(400);
        expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field);
        expect(
          fields.some((f) => f === param || f === `querystring/${param}`),
          `${param}: ${fields}`,
        ).toBe(true);
        expect(res.body).not.toMatch(/SELECT|syntax error|stack|\.ts:\d+/);
        validate('/api/v1/published', res);
      }
    }
    // a well-formed cursor carrying an injection, a future-looking one, limits out of range, unknown parameters, impossible dates
    const forged = Buffer.from(JSON.stringify(['-published', "2026-01-01'; DELETE FROM items;--", '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    );
    for (const q of [
      `cursor=${forged}`,
      'limit=0',
      'limit=101',
      'limit=1e9',
      'page=2',
      'publishedFrom=2026-13-01',
      'publishedFrom=2026-02-29',
      'updatedSince=2026-03-01T25:00:00Z',
      'activityFrom=2026-03-02&activityTo=2026-03-01',
      'publishedFrom=2026-03-02&publishedTo=2026-03-01',
    ]) {
      const res = await anonymous.get(`/api/v1/published?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('invalid');
    }
    for (const bad of ['not-a-uuid/vi', `${v.festival.itemId}/xx-toolong-language`, `${v.festival.itemId}/${encodeURIComponent("vi' OR 1=1")}`]) {
      expect((await anonymous.get(`/api/v1/published/${bad}`)).statusCode, bad).toBe(400);
    }
    expect({ stream: await readChanges(appraiser.client, null), published: await readPublished(appraiser.client) }).toEqual(before);
  });
});
