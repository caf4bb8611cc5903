// Feeds, sitemap and robots.txt over HTTP: RSS and Atom read by a real feed parser, JSON Feed's
// required fields, well-formed XML, enclosures for images/videos/documents, hreflang alternates and
// image entries, public published versions only (an unpublished one gone on the next request),
// 404 for unknown languages/topics/agencies, ETag/304, and the sitemap index beyond one file —
// also over a seeded corpus larger than one file (small limits), with ties at one instant.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../test/helpers/content.js';
import { createMediaTestApp, upload } from '../../test/helpers/media.js';
import * as files from '../../test/helpers/media-files.js';
import { anonymous } from '../core/actor.js';
import { rowsOf } from '../db/transaction.js';
import { seedSyntheticItems } from '../cli/synthetic.js';
import { processPendingVariants } from '../modules/media/service.js';
import { feedRoutes } from './feeds.routes.js';
import { renderIndex, splitSitemap, type SitemapLimits } from './sitemap.js';

let t: TestApp & { dataDir: string };
let contributor: SignedIn;
let appraiser: SignedIn;
let topics: Record<string, string>;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const rss = new Parser();
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'link', 'url', 'xhtml:link', 'image:image', 'sitemap', 'category', 'author'].includes(name),
});
const ORIGIN = 'http://localhost:80';

type Extra = { kind?: string; en?: { title: string; summary: string; body: string }; media?: Array<{ mediaId: string }>; document?: Record<string, string> };
async function publish(over: Parameters<typeof completeItem>[1] & Extra = {}) {
  const body = completeItem(topics['du-lich-di-san-le-hoi'], over);
  const metadata = { ...body.metadata, ...(over.media ? { media: over.media } : {}), ...(over.document ? { document: over.document } : {}) };
  const created = await contributor.client.post('/api/v1/items', { ...body, metadata });
  expect(created.statusCode, created.body).toBe(201);
  const { id, itemId } = created.json();
  const ids = [id];
  if (over.en) ids.push((await contributor.client.post(`/api/v1/items/${itemId}/translations`, { language: 'en', text: over.en })).json().id);
  for (const v of ids) {
    const submitted = await contributor.client.post(`/api/v1/item-versions/${v}/transitions/submit`, DECLARE);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await appraiser.client.post(`/api/v1/item-versions/${v}/transitions/approve`, { checklist: ALL_CHECKS });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  return { itemId: itemId as string, versionId: id as string, enId: ids[1] as string | undefined };
}

async function publicFile(data: Buffer, name: string, alt = true) {
  const m = (await upload(contributor.client, data, name)).json();
  const described = await contributor.client.patch(`/api/v1/media/${m.id}`, {
    version: m.version,
    ...(alt ? { alt: { vi: 'Cổng Ngọ Môn', en: 'The Noon Gate' } } : {}),
    authors: ['Lê Thị Hoa'],
    copyrightHolder: 'Trung tâm Bảo tồn',
    licence: 'CC-BY-4.0',
    visibility: 'public',
  });
  expect(described.statusCode, described.body).toBe(200);
  return m as { id: string; size: number };
}

/** The feed and sitemap routes on an app of their own (no cache), with their own sitemap limits, reading the same database as the public. */
async function routesApp(sitemapLimits?: SitemapLimits) {
  const small = Fastify({ logger: false });
  small.decorateRequest('ctx', null as never);
  small.addHook('onRequest', async (req) => {
    req.ctx = { ...t.system, actor: anonymous, log: req.log };
  });
  await small.register(feedRoutes, { config: t.config, sitemapLimits });
  return small;
}

/** Every file of a sitemap (the index's files, or the one file), in order. */
async function sitemapFiles(app: { inject: (o: { url: string }) => Promise<{ statusCode: number; body: string }> }) {
  const first = await app.inject({ url: '/sitemap.xml' });
  expect(first.statusCode).toBe(200);
  expect(XMLValidator.validate(first.body)).toBe(true);
  const parsed = xmlParser.parse(first.body);
  if (parsed.urlset) return [first.body];
  const files: string[] = [];
  for (const s of parsed.sitemapindex.sitemap as Array<{ loc: string }>) {
    const page = await app.inject({ url: new URL(s.loc).pathname });
    expect(page.statusCode).toBe(200);
    expect(XMLValidator.validate(page.body)).toBe(true);
    files.push(page.body);
  }
  return files;
}
type SitemapEntry = { loc: string; lastmod?: string; 'xhtml:link'?: Array<Record<string, string>>; 'image:image'?: Array<{ 'image:loc': string }> };
const entriesOf = (file: string) => (xmlParser.parse(file).urlset.url ?? []) as SitemapEntry[];

const TRICKY = "Lễ hội “Điện Hòn Chén” & <mùa thu> — 'rước'";
let news: Awaited<ReturnType<typeof publish>>;
let album: Awaited<ReturnType<typeof publish>>;
let video: Awaited<ReturnType<typeof publish>>;
let doc: Awaited<ReturnType<typeof publish>>;
let photo: { id: string };
let clip: { id: string; size: number };
let decree: { id: string; size: number };

beforeAll(async () => {
  t = await createMediaTestApp({ MEDIA_VARIANT_WIDTHS: '320,1024' });
  topics = await topicIds(t);
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'trung-tam-bao-ton' }) });
  appraiser = await signedIn(t, 'appraiser');
  news = await publish({
    title: TRICKY,
    summary: 'Nghi lễ rước trên sông Hương & hai bờ.',
    body: '<p>Xem <a href="/vi/topics/du-lich-di-san-le-hoi">chủ đề</a> và ảnh.</p>',
    en: { title: 'Hon Chen Temple festival & procession', summary: 'A procession on the Perfume River.', body: '<p>Boats carry the procession.</p>' },
  });
  photo = await publicFile(await files.jpeg({ width: 1400, height: 900, seed: 9 }), 'ngo-mon.jpg');
  await processPendingVariants(t.system);
  album = await publish({
    kind: 'photo_album',
    title: 'Bộ ảnh Ngọ Môn',
    media: [{ mediaId: photo.id }],
    en: { title: 'The Noon Gate in pictures', summary: 'Photos.', body: '<p>Photos.</p>' },
  });
  clip = await publicFile(files.mp4(4096), 'phong-su.mp4', false);
  video = await publish({ kind: 'video', title: 'Phóng sự nón lá', media: [{ mediaId: clip.id }] });
  decree = await publicFile(files.pdf(['Ke hoach 2026']), 'ke-hoach.pdf', false);
  doc = await publish({
    kind: 'document',
    title: 'Kế hoạch thông tin đối ngoại 2026',
    document: { number: '45/KH-UBND', issuingBody: 'UBND', issueDate: '2026-02-20', signer: 'Phó Chủ tịch', documentType: 'plan', fileId: decree.id },
  });
  await publish({ title: 'Tài liệu dùng chung cho báo chí', visibility: 'shared' });
  await publish({ title: 'Danh sách nội bộ phát ngôn', visibility: 'internal' });
  await contributor.client.post('/api/v1/items', completeItem(topics['du-lich-di-san-le-hoi'], { title: 'Bản nháp chưa gửi thẩm định' }));
});
afterAll(() => t.close());

const HIDDEN_TITLES = ['Tài liệu dùng chung', 'Danh sách nội bộ', 'Bản nháp chưa gửi'];

describe('feeds', () => {
  it('RSS 2.0: parsed by a feed parser, public published items only, links, RFC 822 dates, escaping, enclosures', async () => {
    const res = await get('/vi/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = await rss.parseString(res.body);
    expect(feed.title).toMatch(/^Thông tin đối ngoại/);
    expect(feed.link).toBe(`${ORIGIN}/vi/`);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining([TRICKY, 'Bộ ảnh Ngọ Môn', 'Phóng sự nón lá', 'Kế hoạch thông tin đối ngoại 2026']));
    for (const hidden of HIDDEN_TITLES) expect(res.body).not.toContain(hidden);
    expect(titles).not.toContain('The Noon Gate in pictures'); // the English version is in the English feed

    const item = feed.items.find((i) => i.title === TRICKY)!;
    expect(item.link).toBe(`${ORIGIN}/vi/items/${news.itemId}`);
    expect(item.guid).toBe(`urn:uuid:${news.versionId}`);
    expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0700$/);
    expect(new Date(item.isoDate!).getTime()).toBe(t.clock.now().getTime());
    expect(item.contentSnippet).toBe('Nghi lễ rước trên sông Hương & hai bờ.');
    expect(item['content:encoded']).toContain(`<a href="${ORIGIN}/vi/topics/du-lich-di-san-le-hoi"`); // absolute for readers
    expect(item.creator).toBe('Nguyễn Văn An');
    expect(item.categories).toHaveLength(1); // its topic

    // enclosures: the image's 1024 variant, the video's original, the document's file — each fetchable, with its length
    const albumItem = feed.items.find((i) => i.title === 'Bộ ảnh Ngọ Môn')!;
    expect(albumItem.enclosure).toMatchObject({ url: `${ORIGIN}/api/v1/media/${photo.id}/variants/1/1024.webp`, type: 'image/webp' });
    const variant = await get(albumItem.enclosure!.url.slice(ORIGIN.length));
    expect(variant.statusCode).toBe(200);
    expect(Number(albumItem.enclosure!.length)).toBe(variant.rawPayload.length);
    const videoItem = feed.items.find((i) => i.title === 'Phóng sự nón lá')!;
    expect(videoItem.enclosure).toMatchObject({ url: `${ORIGIN}/api/v1/media/${clip.id}/original`, type: 'video/mp4' });
    expect(Number(videoItem.enclosure!.length)).toBe(clip.size);
    expect((await get(`/api/v1/media/${clip.id}/original`)).statusCode).toBe(200);
    const docItem = feed.items.find((i) => i.title === 'Kế hoạch thông tin đối ngoại 2026')!;
    expect(docItem.enclosure).toMatchObject({ url: `${ORIGIN}/api/v1/media/${decree.id}/original`, type: 'application/pdf' });
    expect(Number(docItem.enclosure!.length)).toBe(decree.size);
    expect(feed.items.find((i) => i.title === TRICKY)!.enclosure).toBeUndefined();
  });

  it('Atom: parsed by a feed parser; ids, RFC 3339 dates with +07:00, self link and enclosure links', async () => {
    const res = await get('/vi/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = await rss.parseString(res.body);
    const item = feed.items.find((i) => i.title === TRICKY)!;
    expect(item.link).toBe(`${ORIGIN}/vi/items/${news.itemId}`);
    expect(item.id).toBe(`urn:uuid:${news.versionId}`);
    expect(new Date(item.pubDate!).getTime()).toBe(t.clock.now().getTime());
    for (const hidden of HIDDEN_TITLES) expect(res.body).not.toContain(hidden);
    const doc = xmlParser.parse(res.body).feed;
    const raw = doc.entry.find((e: { id: string }) => e.id === `urn:uuid:${news.versionId}`);
    expect(raw.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(raw.updated).toBe(raw.published);
    expect(raw.title['#text']).toBe(TRICKY);
    expect(doc.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${ORIGIN}/vi/feed.atom`);
    expect(doc.updated).toMatch(/\+07:00$/);
    const entry = doc.entry.find((e: { title: { '#text': string } }) => e.title['#text'] === 'Bộ ảnh Ngọ Môn');
    const enclosure = entry.link.find((l: Record<string, string>) => l['@rel'] === 'enclosure');
    expect(enclosure).toMatchObject({ '@href': `${ORIGIN}/api/v1/media/${photo.id}/variants/1/1024.webp`, '@type': 'image/webp' });
    expect(Number(enclosure['@length'])).toBeGreaterThan(0);
  });

  it('JSON Feed 1.1: the required fields, attachments, dates with +07:00; each language its own versions', async () => {
    const res = await get('/en/feed.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = res.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(`${ORIGIN}/en/feed.json`);
    expect(feed.home_page_url).toBe(`${ORIGIN}/en/`);
    expect(feed.language).toBe('en');
    expect(feed.items.map((i: { title: string }) => i.title).sort()).toEqual(['Hon Chen Temple festival & procession', 'The Noon Gate in pictures']);
    for (const i of feed.items) {
      expect(typeof i.id).toBe('string');
      expect(i.url).toMatch(new RegExp(`^${ORIGIN}/en/items/[0-9a-f-]{36}$`));
      expect(typeof (i.content_html ?? i.content_text)).toBe('string');
      expect(i.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    }
    const pictures = feed.items.find((i: { title: string }) => i.title === 'The Noon Gate in pictures');
    expect(pictures.url).toBe(`${ORIGIN}/en/items/${album.itemId}`);
    expect(pictures.attachments).toEqual([
      { url: `${ORIGIN}/api/v1/media/${photo.id}/variants/1/1024.webp`, mime_type: 'image/webp', size_in_bytes: expect.any(Number) },
    ]);
    expect(pictures.image).toBe(pictures.attachments[0].url);
  });

  it('per topic and per agency, in the three formats; unknown language, topic or agency → 404', async () => {
    for (const base of ['/vi/topics/du-lich-di-san-le-hoi', '/vi/agencies/trung-tam-bao-ton']) {
      const x = await get(`${base}/feed.xml`);
      expect(x.statusCode, base).toBe(200);
      const feed = await rss.parseString(x.body);
      expect(feed.items.map((i) => i.title)).toContain(TRICKY);
      expect(feed.link).toBe(`${ORIGIN}${base}`);
      const atom = await get(`${base}/feed.atom`);
      expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect((await rss.parseString(atom.body)).items.length).toBe(feed.items.length);
      const json = (await get(`${base}/feed.json`)).json();
      expect(json.feed_url).toBe(`${ORIGIN}${base}/feed.json`);
      for (const hidden of HIDDEN_TITLES) expect(x.body + atom.body + JSON.stringify(json)).not.toContain(hidden);
    }
    const other = (await rss.parseString((await get('/vi/topics/tiem-nang-dau-tu/feed.xml')).body)).items;
    expect(other).toEqual([]); // an existing topic with nothing in it: an empty feed
    for (const url of [
      '/vi/topics/khong-co/feed.xml',
      '/vi/topics/khong-co/feed.atom',
      '/en/agencies/khong-co/feed.json',
      '/xx/feed.xml',
      '/fr/feed.json',
      '/vi/feed.rss',
      '/vi/topics/du-lich-di-san-le-hoi/feed.txt',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
    // the portal's own pages and its catch-all are untouched
    expect((await get('/vi/topics/du-lich-di-san-le-hoi')).headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/vi/feed.xmlx')).body).toContain('Không tìm thấy trang');
  });
});

describe('sitemap and robots.txt', () => {
  it('every public published version with hreflang alternates, lastmod and images; the language pages; nothing else', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const urls = xmlParser.parse(res.body).urlset.url as Array<{
      loc: string;
      lastmod?: string;
      'xhtml:link'?: Array<Record<string, string>>;
      'image:image'?: Array<{ 'image:loc': string }>;
    }>;
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    for (const u of [
      `${ORIGIN}/vi/`,
      `${ORIGIN}/en/`,
      `${ORIGIN}/vi/topics/du-lich-di-san-le-hoi`,
      `${ORIGIN}/en/topics/du-lich-di-san-le-hoi`,
      `${ORIGIN}/vi/agencies/trung-tam-bao-ton`,
      `${ORIGIN}/vi/kinds/video`,
    ]) {
      expect(byLoc.has(u), u).toBe(true);
    }
    expect(byLoc.has(`${ORIGIN}/en/kinds/video`)).toBe(false); // nothing in English there
    expect(byLoc.get(`${ORIGIN}/vi/`)!['xhtml:link']!.map((l) => l['@hreflang'])).toEqual(['vi', 'en', 'x-default']);

    const vi = byLoc.get(`${ORIGIN}/vi/items/${album.itemId}`)!;
    expect(vi.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(vi['xhtml:link']).toEqual([
      { '@rel': 'alternate', '@hreflang': 'vi', '@href': `${ORIGIN}/vi/items/${album.itemId}` },
      { '@rel': 'alternate', '@hreflang': 'en', '@href': `${ORIGIN}/en/items/${album.itemId}` },
    ]);
    expect(vi['image:image']).toEqual([{ 'image:loc': `${ORIGIN}/api/v1/media/${photo.id}/variants/1/1024.webp` }]);
    expect(byLoc.get(`${ORIGIN}/en/items/${album.itemId}`)!['xhtml:link']!.length).toBe(2);
    expect(byLoc.get(`${ORIGIN}/vi/items/${video.itemId}`)!['xhtml:link']).toBeUndefined(); // one language only
    expect(byLoc.has(`${ORIGIN}/vi/items/${doc.itemId}`)).toBe(true);

    const items = urls.filter((u) => u.loc.includes('/items/'));
    expect(items).toHaveLength(6); // news vi+en, album vi+en, video, document
    const rows = (await appraiser.client.get('/api/v1/items?limit=200')).json().items as Array<{ itemId: string; title: string }>;
    for (const title of ['Tài liệu dùng chung cho báo chí', 'Danh sách nội bộ phát ngôn', 'Bản nháp chưa gửi thẩm định']) {
      expect(res.body).not.toContain(rows.find((r) => r.title === title)!.itemId);
    }
    // a single file: its one page also answers, the next does not exist
    const page = await get('/sitemaps/items-1.xml');
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(res.body);
    expect((await get('/sitemaps/items-2.xml')).statusCode).toBe(404);
    expect((await get('/sitemaps/other.xml')).statusCode).toBe(404);
  });

  it('robots.txt: the portal and public media for crawlers, not the back office or the API; points to the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['User-agent: *', 'Allow: /api/v1/media/', 'Disallow: /admin/', 'Disallow: /api/', `Sitemap: ${ORIGIN}/sitemap.xml`]),
    );
    expect(lines.indexOf('Allow: /api/v1/media/')).toBeLessThan(lines.indexOf('Disallow: /api/')); // first-match readers too
  });

  it('beyond the limit: a sitemap index whose pages hold every address once', async () => {
    const urls = Array.from({ length: 7 }, (_, i) => ({ loc: `${ORIGIN}/vi/items/${i}`, lastmod: new Date(Date.UTC(2026, 0, i + 1)) }));
    const chunks = splitSitemap(urls, { maxUrls: 3 });
    expect(chunks.map((c) => c.urls.length)).toEqual([3, 3, 1]);
    expect(chunks[1].lastmod).toEqual(new Date(Date.UTC(2026, 0, 6)));
    expect(splitSitemap(urls, { maxBytes: 700 }).length).toBeGreaterThan(1); // the byte budget splits too
    expect(XMLValidator.validate(renderIndex([{ loc: `${ORIGIN}/sitemaps/items-1.xml`, lastmod: new Date() }]))).toBe(true);

    // the routes, on an app of their own with a small limit, reading the same database as the public
    const small = await routesApp({ maxUrls: 5, batch: 2 });
    try {
      const index = await small.inject({ url: '/sitemap.xml' });
      expect(XMLValidator.validate(index.body)).toBe(true);
      const sitemaps = xmlParser.parse(index.body).sitemapindex.sitemap as Array<{ loc: string; lastmod: string }>;
      expect(sitemaps.length).toBeGreaterThan(1);
      expect(sitemaps[0].loc).toBe(`${ORIGIN}/sitemaps/items-1.xml`);
      const all: string[] = [];
      for (const file of await sitemapFiles(small)) {
        const locs = entriesOf(file).map((u) => u.loc);
        expect(locs.length).toBeLessThanOrEqual(5);
        all.push(...locs);
      }
      const whole = (xmlParser.parse((await get('/sitemap.xml')).body).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
      expect(all).toEqual(whole);
      expect((await small.inject({ url: `/sitemaps/items-${sitemaps.length + 1}.xml` })).statusCode).toBe(404);
    } finally {
      await small.close();
    }
  });
});

describe('cache', () => {
  it('ETag and 304, compressed bodies; an unpublished item leaves the feeds and the sitemap on the next request', async () => {
    const fresh = await publish({ title: 'Tin mới: đua ghe trên sông Hương' });
    for (const url of ['/vi/feed.json', '/vi/feed.xml', '/sitemap.xml', '/vi/topics/du-lich-di-san-le-hoi/feed.atom']) {
      const first = await get(url);
      expect(first.body, url).toContain(fresh.itemId);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"g\d+-/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(first.body);
    }
    const etags = new Map<string, string>();
    for (const url of ['/vi/feed.json', '/sitemap.xml']) etags.set(url, (await get(url)).headers.etag as string);
    expect((await appraiser.client.post(`/api/v1/item-versions/${fresh.versionId}/transitions/unpublish`, {})).statusCode).toBe(200);
    for (const [url, etag] of etags) {
      const after = await get(url, { 'if-none-match': etag });
      expect(after.statusCode, url).toBe(200);
      expect(after.body, url).not.toContain(fresh.itemId);
      expect(after.body, url).toContain(news.itemId);
    }
  });
});

describe('sitemap at size', () => {
  it('files of at most N addresses (and B bytes) hold every public published version exactly once, across query batches and ties at one instant', async () => {
    // 150 more published items, about 15% of them shared or internal (never in the sitemap)
    await seedSyntheticItems(t.system, 150);
    // 40 versions published at the same microsecond (which a JS Date cannot hold): the keyset must neither skip nor repeat them
    await t.system.db.execute(
      sql`UPDATE item_versions SET published_at = '2025-06-01 08:00:00.123456+00' WHERE id IN (SELECT id FROM item_versions WHERE state = 'published' ORDER BY id LIMIT 40)`,
    );
    const versions = rowsOf<{ itemId: string; language: string; visibility: string }>(
      await t.system.db.execute(sql`SELECT item_id AS "itemId", language, pub_visibility AS visibility FROM item_versions WHERE state = 'published'`),
    );
    const expected = versions
      .filter((v) => v.visibility === 'public')
      .map((v) => `${ORIGIN}/${v.language}/items/${v.itemId}`)
      .sort();
    const hidden = versions.filter((v) => v.visibility !== 'public').map((v) => v.itemId);
    expect(expected.length).toBeGreaterThan(100);
    expect(hidden.length).toBeGreaterThan(5);

    const single = await routesApp();
    const byCount = await routesApp({ maxUrls: 25, batch: 7 });
    const byBytes = await routesApp({ maxBytes: 6000, batch: 11 });
    try {
      const whole = await sitemapFiles(single);
      expect(whole).toHaveLength(1);
      const wholeEntries = entriesOf(whole[0]);
      for (const [app, check] of [
        [byCount, (file: string) => expect(entriesOf(file).length).toBeLessThanOrEqual(25)],
        [byBytes, (file: string) => expect(Buffer.byteLength(file)).toBeLessThanOrEqual(6000)],
      ] as const) {
        const files = await sitemapFiles(app);
        expect(files.length).toBeGreaterThan(5);
        files.forEach(check);
        const entries = files.flatMap(entriesOf);
        // the same addresses, alternates and images as the single file, in the same order
        expect(entries).toEqual(wholeEntries);
        for (const id of hidden) expect(files.join('')).not.toContain(id);
      }
      const items = wholeEntries.map((u) => u.loc).filter((loc) => loc.includes('/items/'));
      expect(new Set(items).size).toBe(items.length);
      expect([...items].sort()).toEqual(expected);
      const albumEntry = wholeEntries.find((u) => u.loc === `${ORIGIN}/vi/items/${album.itemId}`)!;
      expect(albumEntry['xhtml:link']).toHaveLength(2);
      expect(albumEntry['image:image']).toEqual([{ 'image:loc': `${ORIGIN}/api/v1/media/${photo.id}/variants/1/1024.webp` }]);
    } finally {
      await Promise.all([single.close(), byCount.close(), byBytes.close()]);
    }
  });
});
