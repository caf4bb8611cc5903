// Clarifications (Art. 4) on the portal: the claim a clarification answers is required to submit
// (a rating, and the statement in each version's language), shown on its page with schema.org
// ClaimReview, listed by rating; and the province's profile section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../test/helpers/content.js';

let t: TestApp;
let contributor: SignedIn;
let appraiser: SignedIn;
let topics: Record<string, string>;
const get = (url: string) => t.app.inject({ method: 'GET', url });

const CLAIM = {
  statement: { vi: 'Cầu Trường Tiền bị đóng cửa vĩnh viễn từ tháng 10.', en: 'Truong Tien Bridge is closed for good from October.' },
  rating: 'false',
  claimant: 'Trang tin “Huế 24h” giả mạo',
  firstSeen: '2026-02-27',
  appearances: [
    { url: 'https://social.example/p/123?a=1&b=2', platform: 'Facebook' },
    { url: 'https://video.example/watch/abc', platform: 'TikTok' },
  ],
};
const EN_TEXT = {
  title: 'Clarification: Truong Tien Bridge stays open',
  summary: 'Claims that the bridge is closed for good are false.',
  body: '<p>The bridge is open; only night lighting is being repaired.</p>',
};

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
}

async function create(claim: Record<string, unknown> | undefined, over: Parameters<typeof completeItem>[1] = {}) {
  const body = completeItem(topics['du-lich-di-san-le-hoi'], {
    kind: 'clarification',
    title: 'Làm rõ: cầu Trường Tiền vẫn thông xe',
    summary: 'Tin cầu bị đóng cửa vĩnh viễn là sai sự thật.',
    ...over,
  });
  const res = await contributor.client.post('/api/v1/items', { ...body, metadata: { ...body.metadata, ...(claim ? { claim } : {}) } });
  return res;
}

async function approve(versionId: string) {
  expect((await contributor.client.post(`/api/v1/item-versions/${versionId}/transitions/submit`, DECLARE)).statusCode).toBe(200);
  expect((await appraiser.client.post(`/api/v1/item-versions/${versionId}/transitions/approve`, { checklist: ALL_CHECKS })).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  topics = await topicIds(t);
  contributor = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-van-hoa' }) });
  appraiser = await signedIn(t, 'appraiser');
});
afterAll(() => t.close());

describe('a clarification’s claim', () => {
  it('cannot be submitted without a rating, nor a version without the statement in its own language', async () => {
    const created = await create({ statement: { vi: CLAIM.statement.vi } });
    expect(created.statusCode, created.body).toBe(201);
    const { id, itemId } = created.json();
    const refused = await contributor.client.post(`/api/v1/item-versions/${id}/transitions/submit`, DECLARE);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['metadata/claim/rating']);
    expect((await contributor.client.get(`/api/v1/item-versions/${id}`)).json().state).toBe('draft');

    const en = (await contributor.client.post(`/api/v1/items/${itemId}/translations`, { language: 'en', text: EN_TEXT })).json();
    const source = (await contributor.client.get(`/api/v1/item-versions/${id}`)).json();
    const saved = await contributor.client.request('PUT', `/api/v1/item-versions/${id}`, {
      baseRevisionId: source.revision.id,
      text: source.text,
      metadata: { ...source.metadata, claim: { statement: { vi: CLAIM.statement.vi }, rating: 'misleading' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await approve(id);
    const enRefused = await contributor.client.post(`/api/v1/item-versions/${en.id}/transitions/submit`, DECLARE);
    expect(enRefused.statusCode).toBe(400);
    const err = enRefused.json().errors[0];
    expect(err.field).toBe('metadata/claim/statement/en');
    expect(err.message).toBe('This field is required.');
    const vi = await contributor.client.post(`/api/v1/item-versions/${en.id}/transitions/submit`, DECLARE, { 'accept-language': 'vi' });
    expect(vi.json().errors[0].message).toBe('Trường này là bắt buộc.');
    expect((await contributor.client.get(`/api/v1/item-versions/${en.id}`)).json().state).toBe('draft');
  });

  it('refuses an address that is not http(s), too many appearances, and a state-secret stamp in the statement, storing nothing', async () => {
    const before = (await contributor.client.get('/api/v1/items?kind=clarification&limit=200')).json().items.length;
    const js = await create({ ...CLAIM, appearances: [{ url: 'javascript:alert(1)' }] });
    expect(js.statusCode).toBe(400);
    expect(js.json().errors[0].field).toMatch(/^metadata\/claim\/appearances\/0\/url/);
    const many = await create({ ...CLAIM, appearances: Array.from({ length: 21 }, (_, i) => ({ url: `https://a.example/${i}` })) });
    expect(many.statusCode).toBe(400);
    const rating = await create({ ...CLAIM, rating: 'pants_on_fire' });
    expect(rating.statusCode).toBe(400);
    expect(rating.json().errors[0].field).toBe('metadata/claim/rating');
    const secret = await create({ ...CLAIM, statement: { vi: 'TỐI MẬT\nKế hoạch tuyệt mật bị lộ' } });
    expect(secret.statusCode).toBe(400);
    expect(secret.json().errors[0].code).toBe('state_secret_mark');
    expect((await contributor.client.get('/api/v1/items?kind=clarification&limit=200')).json().items.length).toBe(before);
  });
});

describe('clarifications on the portal', () => {
  let itemId: string;
  beforeAll(async () => {
    const created = await create(CLAIM);
    expect(created.statusCode, created.body).toBe(201);
    itemId = created.json().itemId;
    const en = (await contributor.client.post(`/api/v1/items/${itemId}/translations`, { language: 'en', text: EN_TEXT })).json();
    await approve(created.json().id);
    await approve(en.id);
    const internal = await create(
      { ...CLAIM, statement: { vi: 'Tin nội bộ chưa công khai.' } },
      { title: 'Làm rõ nội bộ không công khai', visibility: 'internal' },
    );
    await approve(internal.json().id);
  });

  it('the page shows the claim (statement in the page’s language, rating, claimant, first seen, where it appeared) before the facts', async () => {
    const vi = (await get(`/vi/items/${itemId}`)).body;
    expect(vi).toContain('Thông tin được làm rõ');
    expect(vi).toContain('<blockquote><p>Cầu Trường Tiền bị đóng cửa vĩnh viễn từ tháng 10.</p></blockquote>');
    expect(vi).toContain('class="rating rating-false">Sai sự thật</strong>');
    expect(vi).toContain('Trang tin “Huế 24h” giả mạo');
    expect(vi).toContain('<time dateTime="2026-02-27">27/02/2026</time>');
    expect(vi).toContain('<a href="https://social.example/p/123?a=1&amp;b=2" rel="nofollow noopener noreferrer" class="url">');
    expect(vi.indexOf('Thông tin được làm rõ')).toBeLessThan(vi.indexOf('Sự thật'));
    const en = (await get(`/en/items/${itemId}`)).body;
    expect(en).toContain('<blockquote><p>Truong Tien Bridge is closed for good from October.</p></blockquote>');
    expect(en).toContain('>False</strong>');
  });

  it('publishes schema.org ClaimReview with what Google and fact-check readers need', async () => {
    for (const [lang, statement, ratingName] of [
      ['vi', CLAIM.statement.vi, 'Sai sự thật'],
      ['en', CLAIM.statement.en, 'False'],
    ]) {
      const html = (await get(`/${lang}/items/${itemId}`)).body;
      const review = jsonLd(html).find((d) => d['@type'] === 'ClaimReview') as
        | { url: string; claimReviewed: string; inLanguage: string; datePublished: string; author: unknown; reviewRating: unknown; itemReviewed: unknown }
        | undefined;
      if (!review) throw new Error(`no ClaimReview on the ${lang} page`);
      expect(review.url).toBe(`http://localhost:80/${lang}/items/${itemId}`);
      expect(html).toContain(`<link rel="canonical" href="${review.url}"/>`);
      expect(review.claimReviewed).toBe(statement);
      expect(review.inLanguage).toBe(lang);
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(review.author).toMatchObject({
        '@type': 'GovernmentOrganization',
        name: expect.any(String),
        url: expect.stringContaining('/agencies/so-van-hoa'),
      });
      expect(review.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: ratingName });
      expect(review.itemReviewed).toMatchObject({
        '@type': 'Claim',
        author: { '@type': 'Organization', name: CLAIM.claimant },
        datePublished: '2026-02-27',
        appearance: [
          { '@type': 'CreativeWork', url: CLAIM.appearances[0].url, publisher: { '@type': 'Organization', name: 'Facebook' } },
          { '@type': 'CreativeWork', url: CLAIM.appearances[1].url },
        ],
        firstAppearance: { url: CLAIM.appearances[0].url },
      });
      // the article itself is still described
      expect(jsonLd(html).some((d) => d['@type'] === 'Article')).toBe(true);
    }
    // a news item has no ClaimReview
    const news = await contributor.client.post('/api/v1/items', completeItem(topics['du-lich-di-san-le-hoi'], { title: 'Tin thường không có đánh giá' }));
    await approve(news.json().id);
    expect(jsonLd((await get(`/vi/items/${news.json().itemId}`)).body).some((d) => d['@type'] === 'ClaimReview')).toBe(false);
  });

  it('the clarifications page lists public ones with their claim and rating, filterable by rating; never internal ones', async () => {
    for (const lang of ['vi', 'en']) {
      const res = await get(`/${lang}/clarifications`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`href="/${lang}/items/${itemId}"`);
      expect(res.body).not.toContain('Làm rõ nội bộ không công khai');
      expect(res.body).not.toContain('Tin nội bộ chưa công khai');
    }
    expect((await get('/vi/clarifications')).body).toContain('Cầu Trường Tiền bị đóng cửa vĩnh viễn');
    expect((await get('/vi/clarifications?rating=false')).body).toContain(`/vi/items/${itemId}`);
    const other = (await get('/vi/clarifications?rating=misleading')).body;
    expect(other).not.toContain(`/vi/items/${itemId}`);
    expect(other).toContain('<meta name="robots" content="noindex"/>');
    expect((await get('/vi/clarifications?rating=%3Cscript%3E')).statusCode).toBe(200); // unknown ratings are ignored
    expect((await get('/vi/clarifications?page=99')).statusCode).toBe(404);
    expect((await get('/vi/')).body).toContain('href="/vi/clarifications"');
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain('<loc>http://localhost:80/vi/clarifications</loc>');
    expect(sitemap).toContain('<loc>http://localhost:80/en/clarifications</loc>');
  });
});

describe('the province’s profile', () => {
  it('groups the published profile pages by topic, in vi and en, and nothing else', async () => {
    const overview = topics['tong-quan'] ?? Object.values(topics)[0];
    const p = await contributor.client.post(
      '/api/v1/items',
      completeItem(overview, { kind: 'profile_page', title: 'Lịch sử hình thành Huế', summary: 'Từ Phú Xuân đến kinh đô.' }),
    );
    const id = p.json().id;
    const en = (
      await contributor.client.post(`/api/v1/items/${p.json().itemId}/translations`, {
        language: 'en',
        text: { title: 'A history of Hue', summary: 'From Phu Xuan to the capital.', body: '<p>History.</p>' },
      })
    ).json();
    await approve(id);
    await approve(en.id);
    const vi = await get('/vi/profile');
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain('Lịch sử hình thành Huế');
    expect(vi.body).not.toContain('Tin thường không có đánh giá');
    expect(vi.body).toMatch(/<h2 id="g-[0-9a-f-]+">/);
    expect((await get('/en/profile')).body).toContain('A history of Hue');
    expect((await get('/en/')).body).toContain('href="/en/profile"');
    expect((await get('/sitemap.xml')).body).toContain('<loc>http://localhost:80/en/profile</loc>');
  });
});
