// Search over published content: with or without diacritics, phrases, ranking, snippets,
// facets, suggestions and what each audience may see. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../test/helpers/content.js';

let t: TestApp;
let topics: Record<string, string>;
let contributor: SignedIn;
let other: SignedIn;
let appraiser: SignedIn;
let reader: SignedIn;
let anon: Client;
const ids: Record<string, string> = {};

async function publish(key: string, over: Parameters<typeof completeItem>[1] & { topic?: string; en?: { title: string; summary: string; body: string } }) {
  const res = await contributor.client.post('/api/v1/items', completeItem(topics[over.topic ?? 'du-lich-di-san-le-hoi'], over));
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json();
  await contributor.client.post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE);
  const p = await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/approve`, { checklist: ALL_CHECKS });
  expect(p.json().state).toBe('published');
  ids[key] = v.id;
  if (over.en) {
    const en = (await contributor.client.post(`/api/v1/items/${v.itemId}/translations`, { language: 'en', text: over.en })).json();
    await contributor.client.post(`/api/v1/item-versions/${en.id}/transitions/submit`, DECLARE);
    await appraiser.client.post(`/api/v1/item-versions/${en.id}/transitions/approve`, { checklist: ALL_CHECKS });
    ids[`${key}-en`] = en.id;
  }
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  topics = await topicIds(t);
  const agency = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
  contributor = await signedIn(t, 'contributor', { agencyId: agency });
  other = await signedIn(t, 'contributor', { agencyId: await fixtureAgency(t, { slug: 'so-tai-chinh' }) });
  appraiser = await signedIn(t, 'appraiser');
  reader = await signedIn(t, 'reader', { agencyId: await fixtureAgency(t, { slug: 'bao-hue' }) });
  anon = new Client(t);
  await publish('festival', {
    title: 'Festival Huế 2026: sắc màu áo dài trên sông Hương',
    summary: 'Lễ hội áo dài khai mạc Festival Huế.',
    body: '<p>Hàng nghìn người dân và du khách dự lễ hội áo dài bên bờ sông Hương, thành phố Huế.</p>',
    en: { title: 'Hue Festival 2026: ao dai colours on the Perfume River', summary: 'The ao dai festival opens Hue Festival.', body: '<p>Thousands gathered on the Perfume River.</p>' },
  });
  await publish('doingoai', {
    topic: 'doi-ngoai-hop-tac-quoc-te',
    title: 'Đoàn công tác Nhật Bản thăm thành phố',
    summary: 'Tăng cường hợp tác đối ngoại giữa Huế và tỉnh Kumamoto.',
    body: '<p>Hai bên trao đổi về hợp tác đối ngoại, giáo dục và du lịch.</p>',
  });
  await publish('kimlong-title', { title: 'Phường Kim Long phục dựng nhà rường cổ', summary: 'Bảo tồn kiến trúc truyền thống.', body: '<p>Công trình được trùng tu theo lối xưa.</p>' });
  await publish('kimlong-body', { title: 'Bảo tồn làng cổ ven sông', summary: 'Nhiều nhà vườn được tu bổ.', body: '<p>Trong đó có những ngôi nhà ở Kim Long và Vỹ Dạ.</p>' });
  await publish('shared', { title: 'Kế hoạch truyền thông đối ngoại năm 2027 (chia sẻ)', summary: 'Dành cho cơ quan báo chí.', body: '<p>Tài liệu chia sẻ.</p>', visibility: 'shared' });
  await publish('internal', { title: 'Ghi chú nội bộ về đối ngoại', summary: 'Chỉ cơ quan chủ quản.', body: '<p>Nội bộ.</p>', visibility: 'internal' });
  await publish('escape', { title: 'Hội thảo <AI> & chuyển đổi số ở Huế', summary: 'An toàn "dữ liệu".', body: '<p>Hội thảo về 5 < 6 & dữ liệu mở tại Huế.</p>' });
  // A draft must never be found by the public.
  await contributor.client.post('/api/v1/items', completeItem(topics['tong-quan'], { title: 'Bản nháp về Huế chưa duyệt' }));
});
afterAll(() => t.close());

const found = (res: { json(): { items: Array<{ versionId: string }> } }) => res.json().items.map((i) => i.versionId);

describe('search', () => {
  it('matches Vietnamese with or without diacritics', async () => {
    expect(found(await anon.get('/api/v1/search?q=Hue'))).toContain(ids.festival);
    expect(found(await anon.get('/api/v1/search?q=Hu%E1%BA%BF'))).toContain(ids.festival); // "Huế"
    expect(found(await anon.get('/api/v1/search?q=doi+ngoai'))).toContain(ids.doingoai);
    expect(found(await anon.get('/api/v1/search?q=%C4%91%E1%BB%91i+ngo%E1%BA%A1i'))).toContain(ids.doingoai); // "đối ngoại"
    expect(found(await anon.get('/api/v1/search?q=DOI+NGOAI'))).toContain(ids.doingoai);
  });

  it('searches every language', async () => {
    const res = found(await anon.get('/api/v1/search?q=Perfume+River'));
    expect(res).toContain(ids['festival-en']);
    expect(found(await anon.get('/api/v1/search?q=Perfume&language=vi'))).not.toContain(ids['festival-en']);
  });

  it('ranks a title match above a body match', async () => {
    const res = found(await anon.get('/api/v1/search?q=kim+long'));
    expect(res.indexOf(ids['kimlong-title'])).toBeGreaterThanOrEqual(0);
    expect(res.indexOf(ids['kimlong-title'])).toBeLessThan(res.indexOf(ids['kimlong-body']));
  });

  it('supports phrases in quotes', async () => {
    const phrase = found(await anon.get(`/api/v1/search?q=${encodeURIComponent('"le hoi ao dai"')}`));
    expect(phrase).toContain(ids.festival);
    const wrongOrder = found(await anon.get(`/api/v1/search?q=${encodeURIComponent('"ao dai le hoi"')}`));
    expect(wrongOrder).not.toContain(ids.festival);
  });

  it('highlights matches in escaped snippets, keeping diacritics', async () => {
    const item = (await anon.get('/api/v1/search?q=hue')).json().items.find((i: { versionId: string }) => i.versionId === ids.festival);
    expect(item.titleHtml).toContain('<mark>Huế</mark>');
    expect(item.snippetHtml).toContain('<mark>Huế</mark>');
    const esc = (await anon.get('/api/v1/search?q=hoi+thao')).json().items.find((i: { versionId: string }) => i.versionId === ids.escape);
    expect(esc.titleHtml).toBe('<mark>Hội</mark> <mark>thảo</mark> &#60;AI&#62; &#38; chuyển đổi số ở Huế');
    expect(esc.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('counts facets and filters by them', async () => {
    const res = (await anon.get('/api/v1/search?q=hue')).json();
    const kinds = res.facets.filter((f: { facet: string }) => f.facet === 'kind');
    expect(kinds).toEqual([{ facet: 'kind', value: 'news', count: res.total }]);
    const topicFacet = res.facets.find((f: { facet: string; value: string }) => f.facet === 'topic' && f.value === topics['du-lich-di-san-le-hoi']);
    expect(topicFacet.count).toBeGreaterThan(0);
    expect(res.facets.find((f: { facet: string }) => f.facet === 'year')).toMatchObject({ value: '2026' });
    const byTopic = found(await anon.get(`/api/v1/search?q=doi+ngoai&topicId=${topics['doi-ngoai-hop-tac-quoc-te']}`));
    expect(byTopic).toEqual([ids.doingoai]);
  });

  it('suggests titles for a mistyped query', async () => {
    const res = (await anon.get('/api/v1/search?q=festivl')).json();
    expect(res.total).toBe(0);
    expect(res.suggestions.some((s: string) => s.startsWith('Festival Huế 2026'))).toBe(true);
  });

  it('shows each audience only what it may see', async () => {
    const q = '/api/v1/search?q=doi+ngoai';
    expect(found(await anon.get(q))).toEqual([ids.doingoai]);
    expect(found(await reader.client.get(q)).sort()).toEqual([ids.doingoai, ids.shared].sort());
    expect(found(await other.client.get(q)).sort()).toEqual([ids.doingoai, ids.shared].sort());
    expect(found(await contributor.client.get(q)).sort()).toEqual([ids.doingoai, ids.shared, ids.internal].sort());
    expect(found(await appraiser.client.get(q)).sort()).toEqual([ids.doingoai, ids.shared, ids.internal].sort());
    // Drafts only in the working view of those who may work on them.
    expect(found(await anon.get('/api/v1/search?q=ban+nhap'))).toEqual([]);
    expect((await contributor.client.get('/api/v1/search?view=working&q=ban+nhap')).json().items).toHaveLength(1);
    expect((await other.client.get('/api/v1/search?view=working&q=ban+nhap')).json().items).toHaveLength(0);
    expect((await anon.get('/api/v1/search?view=working&q=ban+nhap')).statusCode).toBe(401);
  });

  it('lists newest first without a query', async () => {
    const res = (await anon.get('/api/v1/search')).json();
    expect(res.items.length).toBeGreaterThan(3);
    const dates = res.items.map((i: { publishedAt: string }) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
