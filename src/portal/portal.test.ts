// The public portal over HTTP: pages in vi and en from published content only, 404/410, language
// spaces and alternates, structured data, search without diacritics, and the page cache (ETag,
// 304, compression, invalidation on publish and unpublish).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../test/helpers/content.js';
import { createMediaTestApp, upload } from '../../test/helpers/media.js';
import * as files from '../../test/helpers/media-files.js';
import { processPendingVariants } from '../modules/media/service.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/transaction.js';

let t: TestApp & { dataDir: string };
let contributor: SignedIn;
let appraiser: SignedIn;
let topics: Record<string, string>;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

async function publish(
  over: Parameters<typeof completeItem>[1] & {
    en?: { title: string; summary: string; body: string };
    media?: Array<{ mediaId: string; caption?: Record<string, string> }>;
  } = {},
) {
  const body = completeItem(topics['du-lich-di-san-le-hoi'], over);
  const created = await contributor.client.post('/api/v1/items', { ...body, metadata: { ...body.metadata, ...(over.media ? { media: over.media } : {}) } });
  expect(created.statusCode, created.body).toBe(201);
  const { id, itemId } = created.json();
  const ids = [id];
  if (over.en) ids.push((await contributor.client.post(`/api/v1/items/${itemId}/translations`, { language: 'en', text: over.en })).json().id);
  for (const v of ids) {
    expect((await contributor.client.post(`/api/v1/item-versions/${v}/transitions/submit`, DECLARE)).statusCode).toBe(200);
    const approved = await appraiser.client.post(`/api/v1/item-versions/${v}/transitions/approve`, { checklist: ALL_CHECKS });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  return { itemId: itemId as string, versionId: id as string, enId: ids[1] as string | undefined };
}

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
}

beforeAll(async () => {
  // page caches smaller than by default, so that the search cache test can overflow them
  t = await createMediaTestApp({ PORTAL_CACHE_PAGES: '100', PORTAL_CACHE_SEARCHES: '30' });
  topics = await topicIds(t);
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'trung-tam-bao-ton' }) });
  appraiser = await signedIn(t, 'appraiser');
});
afterAll(() => t.close());

describe('language spaces', () => {
  it('/ goes to the reader’s language; vi and en always exist; other languages once something is published in them', async () => {
    expect((await get('/')).headers.location).toBe('/vi/');
    expect((await get('/', { 'accept-language': 'en-US,en;q=0.9' })).headers.location).toBe('/en/');
    expect((await get('/', { 'accept-language': 'fr-FR,fr;q=0.9' })).headers.location).toBe('/vi/');
    for (const l of ['vi', 'en']) {
      const res = await get(`/${l}/`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(new RegExp(`^<!doctype html><html lang="${l}">`));
    }
    expect((await get('/fr/')).statusCode).toBe(404);
    expect((await get('/xx/')).statusCode).toBe(404);
    expect((await get('/en')).headers.location).toBe('/en/');
  });
});

describe('pages from published content only', () => {
  let item: Awaited<ReturnType<typeof publish>>;
  beforeAll(async () => {
    item = await publish({
      title: 'Lễ hội Điện Hòn Chén mùa thu',
      summary: 'Nghi lễ rước trên sông Hương.',
      en: { title: 'Hon Chen Temple autumn festival', summary: 'A procession on the Perfume River.', body: '<p>Boats carry the procession.</p>' },
    });
    await publish({ title: 'Tài liệu dùng chung cho báo chí', visibility: 'shared' });
    await publish({ title: 'Danh sách nội bộ phát ngôn', visibility: 'internal' });
    const draft = completeItem(topics['du-lich-di-san-le-hoi'], { title: 'Bản nháp chưa gửi thẩm định' });
    await contributor.client.post('/api/v1/items', draft);
  });

  it('home and topic pages in vi and en list the public item and nothing else', async () => {
    for (const url of ['/vi/', '/vi/topics/du-lich-di-san-le-hoi', '/vi/kinds/news', `/vi/agencies/trung-tam-bao-ton`, '/vi/search?q=le%20hoi']) {
      const html = (await get(url)).body;
      expect(html, url).toContain('Điện Hòn Chén mùa thu'); // (search highlights "Lễ hội")
      expect(html, url).not.toContain('Tài liệu dùng chung');
      expect(html, url).not.toContain('Danh sách nội bộ');
      expect(html, url).not.toContain('Bản nháp chưa gửi');
    }
    const en = (await get('/en/')).body;
    expect(en).toContain('Hon Chen Temple autumn festival');
    expect(en).not.toContain('Lễ hội Điện Hòn Chén'); // each language space shows its own versions
  });

  it('an item page: attribution, alternates in both languages, canonical, structured data, Vietnamese dates', async () => {
    const res = await get(`/vi/items/${item.itemId}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Lễ hội Điện Hòn Chén mùa thu</h1>');
    expect(html).toContain('Nguyễn Văn An'); // author
    expect(html).toContain('04/06/2026'); // activity date, dd/mm/yyyy
    expect(html).toContain(`<link rel="canonical" href="http://localhost:80/vi/items/${item.itemId}"/>`);
    expect(html).toContain(`hrefLang="en" href="http://localhost:80/en/items/${item.itemId}"`);
    const [article, crumbs] = jsonLd(html);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Lễ hội Điện Hòn Chén mùa thu',
      inLanguage: 'vi',
      author: [{ '@type': 'Person', name: 'Nguyễn Văn An' }],
    });
    expect(article.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(crumbs['@type']).toBe('BreadcrumbList');
    const en = (await get(`/en/items/${item.itemId}`)).body;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('4 June 2026');
    expect(en).toContain(`hrefLang="vi" lang="vi">Tiếng Việt</a>`);
  });

  it('never shows shared, internal or unpublished versions; 404 for unknown ids and pages', async () => {
    const rows = (await appraiser.client.get('/api/v1/items?limit=200')).json().items as Array<{ itemId: string; title: string; language: string }>;
    for (const title of ['Tài liệu dùng chung cho báo chí', 'Danh sách nội bộ phát ngôn', 'Bản nháp chưa gửi thẩm định']) {
      const row = rows.find((r) => r.title === title)!;
      expect((await get(`/vi/items/${row.itemId}`)).statusCode, title).toBe(404);
    }
    expect((await get(`/vi/items/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await get(`/vi/items/not-a-uuid`)).statusCode).toBe(404);
    expect((await get(`/en/items/${item.itemId}x`)).statusCode).toBe(404);
    // a language the item is not in: 404, with the languages it is in
    const fr = await get(`/fr/items/${item.itemId}`);
    expect(fr.statusCode).toBe(404);
    expect(fr.body).toContain(`href="/vi/items/${item.itemId}" hrefLang="vi" lang="vi">Tiếng Việt</a>`);
    expect((await get('/vi/topics/khong-co')).statusCode).toBe(404);
    expect((await get('/vi/topics/du-lich-di-san-le-hoi?page=99')).statusCode).toBe(404);
    expect((await get('/vi/topics/du-lich-di-san-le-hoi?page=abc')).statusCode).toBe(404);
    const missing = await get('/vi/khong-co-trang-nay');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Không tìm thấy trang');
    expect((await get('/en/nothing-here')).body).toContain('Page not found');
    // outside the language spaces: HTML for browsers, problem+json for programs and under /api
    const html404 = await get('/khong-co', { accept: 'text/html', 'accept-language': 'en' });
    expect([html404.statusCode, html404.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(html404.body).toContain('Page not found');
    expect((await get('/khong-co')).headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await get('/api/v1/khong-co', { accept: 'text/html' })).headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an item edited after publication stays online as published (listings, feeds, sitemap, documents) until the edit is published', async () => {
    const edited = await publish({ title: 'Bài đã công bố rồi được sửa tiếp', summary: 'Bản đang trực tuyến.' });
    const working = (await contributor.client.get(`/api/v1/item-versions/${edited.versionId}`)).json();
    const saved = await contributor.client.request('PUT', `/api/v1/item-versions/${edited.versionId}`, {
      baseRevisionId: working.revision.id,
      text: { ...working.text, title: 'Bản nháp sửa chưa thẩm định' },
      metadata: working.metadata,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().state).toBe('draft');
    for (const url of ['/vi/', '/vi/topics/du-lich-di-san-le-hoi', '/vi/kinds/news', '/vi/feed.xml', `/vi/items/${edited.itemId}`]) {
      const html = (await get(url)).body;
      expect(html, url).toContain('Bài đã công bố rồi được sửa tiếp');
      expect(html, url).not.toContain('Bản nháp sửa chưa thẩm định');
    }
    expect((await get('/sitemap.xml')).body).toContain(`/vi/items/${edited.itemId}</loc>`);
  });

  it('renders as the public sees it even for a signed-in official', async () => {
    const html = (await appraiser.client.get('/vi/')).body;
    expect(html).not.toContain('Danh sách nội bộ');
  });

  it('a javascript: source address is refused at the door (and would never become a link)', async () => {
    const body = completeItem(topics['du-lich-di-san-le-hoi'], { title: 'Nguồn lạ' });
    const created = await contributor.client.post('/api/v1/items', {
      ...body,
      metadata: { ...body.metadata, source: { type: 'other', name: 'Trang lạ', url: 'javascript:alert(1)' } },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0].field).toBe('metadata/source/url');
    const { safeHref } = await import('./urls.js');
    expect([safeHref('javascript:alert(1)'), safeHref('data:text/html,x'), safeHref('https://hue.gov.vn/a')]).toEqual([null, null, 'https://hue.gov.vn/a']);
  });

  it('search ignores diacritics and shows highlighted, escaped snippets', async () => {
    const html = (await get('/vi/search?q=dien%20hon%20chen')).body;
    expect(html).toContain('Lễ hội <mark>Điện</mark> <mark>Hòn</mark> <mark>Chén</mark> mùa thu');
    const evil = (await get(`/vi/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)).body;
    expect(evil).not.toContain('<script>alert(1)</script>');
    expect(evil).toContain('&lt;script&gt;');
  });
});

describe('cache', () => {
  it('a forged Host header never poisons what others get', async () => {
    const forged = await get('/en/', { host: 'evil.example' });
    expect(forged.body).toContain('href="http://evil.example/en/"');
    const normal = await get('/en/');
    expect(normal.body).not.toContain('evil.example');
    expect(normal.headers.etag).not.toBe(forged.headers.etag);
  });

  it('ETag and 304; compressed bodies; a publish and an unpublish are seen on the next request (410 for a withdrawn item)', async () => {
    const first = await get('/vi/', { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(first.rawPayload).toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    const gz = await get('/vi/', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(html);
    const etag = first.headers.etag as string;
    expect((await get('/vi/', { 'if-none-match': etag })).statusCode).toBe(304);

    const fresh = await publish({ title: 'Tin mới: đua ghe truyền thống trên sông Hương' });
    const after = await get('/vi/', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Tin mới: đua ghe truyền thống');
    expect((await get(`/vi/items/${fresh.itemId}`)).statusCode).toBe(200);

    expect((await appraiser.client.post(`/api/v1/item-versions/${fresh.versionId}/transitions/unpublish`, {})).statusCode).toBe(200);
    const gone = await get(`/vi/items/${fresh.itemId}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Nội dung đã được gỡ');
    expect((await get('/vi/')).body).not.toContain('Tin mới: đua ghe truyền thống');
  });
});

describe('search cache', () => {
  /** Which of this test's items a search page lists (titles are highlighted word by word). */
  const listed = (html: string) =>
    ['thứ nhất', 'thứ hai', 'nội bộ', 'dùng chung'].filter((w) => html.includes(`</mark> ${w}`) || html.includes(`Khải Định ${w}`));
  it('caches a search per generation under its normalised query; the next publication or unpublication is seen at once', async () => {
    const first = await publish({ title: 'Khảm sành lăng Khải Định thứ nhất' });
    await publish({ title: 'Khảm sành nội bộ', visibility: 'internal' });
    await publish({ title: 'Khảm sành dùng chung', visibility: 'shared' });
    const a = await get('/vi/search?q=kham%20sanh');
    expect(a.statusCode).toBe(200);
    expect(listed(a.body)).toEqual(['thứ nhất']);
    expect(a.headers.etag).toMatch(/^"g\d+-/);
    // the same words spaced otherwise are the same search: the same cached body
    const b = await get('/vi/search?q=%20kham%20%20%20sanh%20');
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toBe(a.body);
    expect((await get('/vi/search?q=kham%20sanh', { 'if-none-match': a.headers.etag as string })).statusCode).toBe(304);
    // a signed-in official reads the portal as the public does, cached or not
    expect(listed((await appraiser.client.get('/vi/search?q=kham%20sanh')).body)).toEqual(['thứ nhất']);

    await publish({ title: 'Khảm sành lăng Khải Định thứ hai' });
    const after = await get('/vi/search?q=kham%20sanh');
    expect(after.headers.etag).not.toBe(a.headers.etag);
    expect(listed(after.body)).toEqual(['thứ nhất', 'thứ hai']);
    expect((await appraiser.client.post(`/api/v1/item-versions/${first.versionId}/transitions/unpublish`, {})).statusCode).toBe(200);
    expect(listed((await get('/vi/search?q=kham%20sanh')).body)).toEqual(['thứ hai']);
  });

  it('a flood of distinct searches evicts other searches, never the pages everyone reads', async () => {
    const home = (await get('/vi/')).body;
    // a change the generation does not know of (written past the use cases): a page rendered again
    // would show it, a page served from the cache does not
    const [row] = rowsOf<{ id: string; title: string }>(
      await t.db.handle.db.execute(sql`SELECT id, pub_title AS title FROM item_versions WHERE pub_visibility = 'public' AND language = 'vi' LIMIT 1`),
    );
    expect(home).toContain(row.title);
    await t.db.handle.db.execute(sql`UPDATE item_versions SET pub_title = 'Tiêu đề đổi ngầm' WHERE id = ${row.id}::uuid`);
    try {
      // more distinct searches than the page cache holds (PORTAL_CACHE_PAGES, 100 here)
      for (let i = 0; i < 120; i++) expect((await get(`/vi/search?q=tu${i}`)).statusCode).toBe(200);
      expect((await get('/vi/')).body).toBe(home);
    } finally {
      await t.db.handle.db.execute(sql`UPDATE item_versions SET pub_title = ${row.title} WHERE id = ${row.id}::uuid`);
    }
  });
});

describe('albums', () => {
  it('shows the photos with srcset, alt text and captions, and a social image', async () => {
    const photo = (await upload(contributor.client, await files.jpeg({ width: 1400, height: 900, seed: 5 }), 'ngo-mon.jpg')).json();
    await contributor.client.patch(`/api/v1/media/${photo.id}`, {
      version: photo.version,
      alt: { vi: 'Cổng Ngọ Môn', en: 'The Noon Gate' },
      authors: ['A'],
      copyrightHolder: 'B',
      licence: 'CC-BY-4.0',
      visibility: 'public',
    });
    await processPendingVariants(t.system);
    const album = await publish({ kind: 'photo_album', title: 'Bộ ảnh Ngọ Môn', media: [{ mediaId: photo.id, caption: { vi: 'Ngọ Môn lúc bình minh' } }] });
    const html = (await get(`/vi/items/${album.itemId}`)).body;
    expect(html).toMatch(/<img src="\/api\/v1\/media\/[^"]+\/variants\/1\/640\.webp" srcSet="[^"]*320\.webp 320w, [^"]*640\.webp 640w"/);
    expect(html).toContain('alt="Cổng Ngọ Môn"');
    expect(html).toContain('<figcaption>Ngọ Môn lúc bình minh<span class="credit"><span>Ảnh:</span> A · CC BY 4.0 · © B</span></figcaption>');
    expect(html).toContain('style="object-position:50% 50%"'); // the focal point places the crop
    expect(html).toContain(`<meta property="og:image" content="http://localhost:80/api/v1/media/${photo.id}/variants/1/social.webp"/>`);
    const [article] = jsonLd(html);
    expect((article.image as Array<Record<string, unknown>>)[0]).toMatchObject({
      '@type': 'ImageObject',
      creator: [{ '@type': 'Person', name: 'A' }],
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
    // the variant the page shows is reachable by the public
    const src = /<img src="([^"]+)"/.exec(html)![1];
    expect((await get(src)).statusCode).toBe(200);
    // the viewer: one page per photo, with links around
    expect(html).toContain(`href="/vi/items/${album.itemId}/photos/1"`);
    const viewer = await get(`/vi/items/${album.itemId}/photos/1`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.body).toContain('<figcaption>Ngọ Môn lúc bình minh<span class="credit">');
    expect(viewer.body).toContain(`href="/vi/items/${album.itemId}">Về bộ ảnh</a>`);
    expect((await get(`/vi/items/${album.itemId}/photos/2`)).statusCode).toBe(404);
  });
});

describe('document library, agencies, print and download', () => {
  let docItem: string;
  beforeAll(async () => {
    const pdf = (await upload(contributor.client, files.pdf(['Quyet dinh 12']), 'qd-12.pdf')).json();
    await contributor.client.patch(`/api/v1/media/${pdf.id}`, {
      version: pdf.version,
      authors: ['A'],
      copyrightHolder: 'B',
      licence: 'CC-BY-4.0',
      visibility: 'public',
    });
    const body = completeItem(topics['chinh-sach-phap-luat'], { kind: 'document', title: 'Quyết định về quảng bá hình ảnh' });
    const created = (
      await contributor.client.post('/api/v1/items', {
        ...body,
        metadata: {
          ...body.metadata,
          document: {
            number: '12/QĐ-UBND',
            issuingBody: 'Ủy ban nhân dân thành phố Huế',
            issueDate: '2025-12-01',
            signer: 'Chủ tịch',
            documentType: 'decision',
            fileId: pdf.id,
          },
        },
      })
    ).json();
    await contributor.client.post(`/api/v1/item-versions/${created.id}/transitions/submit`, DECLARE);
    await appraiser.client.post(`/api/v1/item-versions/${created.id}/transitions/approve`, { checklist: ALL_CHECKS });
    docItem = created.itemId;
  });

  it('filters documents by type, issuer (without accents), year and number', async () => {
    const hit = (q: string) => get(`/vi/documents${q}`).then((r) => r.body.includes('Quyết định về quảng bá hình ảnh'));
    expect(await hit('')).toBe(true);
    expect(await hit('?type=decision')).toBe(true);
    expect(await hit('?type=plan')).toBe(false);
    expect(await hit('?issuer=uy%20ban%20nhan%20dan')).toBe(true);
    expect(await hit('?year=2025')).toBe(true);
    expect(await hit('?year=2024')).toBe(false);
    expect(await hit('?number=12%2FQ')).toBe(true);
    expect(await hit('?number=99')).toBe(false);
    expect((await get('/vi/documents')).body).toContain('<td>01/12/2025</td>');
  });

  it('agency pages: directory, functions and contacts in both languages, GovernmentOrganization data', async () => {
    const dir = (await get('/en/agencies')).body;
    expect(dir).toContain('href="/en/agencies/trung-tam-bao-ton"');
    const page = (await get('/en/agencies/trung-tam-bao-ton')).body;
    expect(page).toContain('Agency trung-tam-bao-ton');
    expect(page).toContain('lang="vi">Cơ quan trung-tam-bao-ton</p>');
    expect(jsonLd(page).some((d) => d['@type'] === 'GovernmentOrganization')).toBe(true);
  });

  it('print view and clean HTML download of an item', async () => {
    const print = await get(`/vi/items/${docItem}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['x-robots-tag']).toBe('noindex');
    expect(print.body).toContain('Quyết định về quảng bá hình ảnh');
    expect(print.body).not.toContain('class="menu"');
    const saved = await get(`/vi/items/${docItem}/download`);
    expect(saved.headers['content-disposition']).toBe(`attachment; filename="ttdn-${docItem}-vi.html"`);
    expect(saved.body).toContain('<style>'); // the stylesheet travels with the file
    expect(saved.body).toContain('http://localhost:80/api/v1/media/'); // links work from the saved copy
    expect((await get(`/vi/items/00000000-0000-4000-8000-000000000000/download`)).headers['content-disposition']).toBeUndefined();
  });
});

describe('highlights chosen by the DIC', () => {
  it('appraisers choose them (only public published items, at most 12, audited); the home page shows them first', async () => {
    const a = await publish({ title: 'Nổi bật: Tuần lễ Áo dài Huế' });
    const b = await publish({ title: 'Nổi bật: Lễ hội Huế bốn mùa' });
    const internal = await publish({ title: 'Không được nổi bật', visibility: 'internal' });
    expect((await contributor.client.request('PUT', '/api/v1/highlights', { itemIds: [a.itemId] })).statusCode).toBe(403);
    const refused = await appraiser.client.request('PUT', '/api/v1/highlights', { itemIds: [a.itemId, internal.itemId] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'itemIds/1', code: 'not_online' });
    const tooMany = await appraiser.client.request('PUT', '/api/v1/highlights', {
      itemIds: Array.from({ length: 13 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    });
    expect(tooMany.statusCode).toBe(400);
    const ok = await appraiser.client.request('PUT', '/api/v1/highlights', { itemIds: [b.itemId, a.itemId] });
    expect(ok.json()).toEqual({ itemIds: [b.itemId, a.itemId] });
    const pub = await get('/api/v1/highlights?language=vi');
    expect(pub.json().items.map((i: { title: string }) => i.title)).toEqual(['Nổi bật: Lễ hội Huế bốn mùa', 'Nổi bật: Tuần lễ Áo dài Huế']);
    const home = (await get('/vi/')).body;
    const section = home.slice(home.indexOf('id="highlights"'), home.indexOf('id="latest"'));
    expect(section.indexOf('Lễ hội Huế bốn mùa')).toBeGreaterThan(0);
    expect(section.indexOf('Lễ hội Huế bốn mùa')).toBeLessThan(section.indexOf('Tuần lễ Áo dài Huế'));
    // unpublishing takes a highlight off the home page at once
    await appraiser.client.post(`/api/v1/item-versions/${b.versionId}/transitions/unpublish`, {});
    const after = (await get('/vi/')).body;
    expect(after.slice(after.indexOf('id="highlights"'), after.indexOf('id="latest"'))).not.toContain('Lễ hội Huế bốn mùa');
  });
});
