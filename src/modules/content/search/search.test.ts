// Search over published content: with or without diacritics, phrases, ranking, snippets,
// facets, suggestions and what each audience may see. Runs on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../../test/helpers/content.js';
import { rowsOf } from '../../../db/transaction.js';
import { choosePlan, estimateMatches, filterShare, postings, type SearchPlan } from './plan.js';
import { MARKS, searchAll, type SearchFilter, type SearchResultRows } from './repo.js';
import { markCuts } from './service.js';
import { correctableTokens, corrections, editDistance, edits1 } from './spelling.js';

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
    en: {
      title: 'Hue Festival 2026: ao dai colours on the Perfume River',
      summary: 'The ao dai festival opens Hue Festival.',
      body: '<p>Thousands gathered on the Perfume River.</p>',
    },
  });
  await publish('doingoai', {
    topic: 'doi-ngoai-hop-tac-quoc-te',
    title: 'Đoàn công tác Nhật Bản thăm thành phố',
    summary: 'Tăng cường hợp tác đối ngoại giữa Huế và tỉnh Kumamoto.',
    body: '<p>Hai bên trao đổi về hợp tác đối ngoại, giáo dục và du lịch.</p>',
  });
  await publish('kimlong-title', {
    title: 'Phường Kim Long phục dựng nhà rường cổ',
    summary: 'Bảo tồn kiến trúc truyền thống.',
    body: '<p>Công trình được trùng tu theo lối xưa.</p>',
  });
  await publish('kimlong-body', {
    title: 'Bảo tồn làng cổ ven sông',
    summary: 'Nhiều nhà vườn được tu bổ.',
    body: '<p>Trong đó có những ngôi nhà ở Kim Long và Vỹ Dạ.</p>',
  });
  await publish('shared', {
    title: 'Kế hoạch truyền thông đối ngoại năm 2027 (chia sẻ)',
    summary: 'Dành cho cơ quan báo chí.',
    body: '<p>Tài liệu chia sẻ.</p>',
    visibility: 'shared',
  });
  await publish('internal', { title: 'Ghi chú nội bộ về đối ngoại', summary: 'Chỉ cơ quan chủ quản.', body: '<p>Nội bộ.</p>', visibility: 'internal' });
  await publish('escape', {
    title: 'Hội thảo <AI> & chuyển đổi số ở Huế',
    summary: 'An toàn "dữ liệu".',
    body: '<p>Hội thảo về 5 < 6 & dữ liệu mở tại Huế.</p>',
  });
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
    expect(item.snippetHtml).toBe('… khách dự lễ hội áo dài bên bờ sông Hương, thành phố <mark>Huế</mark>'); // cut at the start only
    const esc = (await anon.get('/api/v1/search?q=hoi+thao')).json().items.find((i: { versionId: string }) => i.versionId === ids.escape);
    expect(esc.titleHtml).toBe('<mark>Hội</mark> <mark>thảo</mark> &#60;AI&#62; &#38; chuyển đổi số ở Huế');
    expect(esc.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('marks with … where a snippet was cut from a longer text', () => {
    const O = MARKS.open;
    const C = MARKS.close;
    const body =
      'Sáng nay, tại Trung tâm Hành chính công, thành phố Huế tổ chức hội nghị xúc tiến đầu tư vào hạ tầng số với các doanh nghiệp trong và ngoài nước, cuối cùng là phiên hỏi đáp.';
    const edges: [string, string] = [body.slice(0, 40), body.slice(-40)];
    expect(markCuts(`tổ chức hội nghị xúc tiến ${O}đầu tư${C} vào hạ tầng số`, edges)).toBe(`… tổ chức hội nghị xúc tiến ${O}đầu tư${C} vào hạ tầng số …`);
    expect(markCuts(`Sáng nay, tại Trung tâm ${O}Hành chính${C} công`, edges)).toBe(`Sáng nay, tại Trung tâm ${O}Hành chính${C} công …`);
    expect(markCuts(`doanh nghiệp trong và ngoài nước, cuối cùng là phiên ${O}hỏi đáp${C}.`, edges)).toBe(
      `… doanh nghiệp trong và ngoài nước, cuối cùng là phiên ${O}hỏi đáp${C}.`,
    );
    expect(markCuts(`${O}Sáng${C} nay,  tại\nTrung tâm`, ['Sáng nay, tại Trung tâm', 'Sáng nay, tại Trung tâm'])).toBe(`${O}Sáng${C} nay,  tại\nTrung tâm`);
    expect(markCuts(null, edges)).toBeNull();
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

  it('suggests the query with its misspelt words corrected', async () => {
    const res = (await anon.get('/api/v1/search?q=festivl')).json();
    expect(res.total).toBe(0);
    expect(res.suggestions[0]).toBe('festival');
    // The words typed right stay as typed (diacritics too); a capital stays a capital.
    expect((await anon.get(`/api/v1/search?q=${encodeURIComponent('Huế Festivl')}`)).json().suggestions[0]).toBe('Huế Festival');
    expect((await anon.get(`/api/v1/search?q=${encodeURIComponent('kim lonng')}`)).json().suggestions[0]).toBe('kim long');
    // Each suggestion finds something.
    for (const s of (await anon.get('/api/v1/search?q=Perfume+Rivr')).json().suggestions)
      expect((await anon.get(`/api/v1/search?q=${encodeURIComponent(s)}`)).json().total).toBeGreaterThan(0);
    // Not for phrases, nor when nothing is near.
    expect((await anon.get(`/api/v1/search?q=${encodeURIComponent('"festivl hue"')}`)).json().suggestions).toEqual([]);
    expect((await anon.get('/api/v1/search?q=qwzxv')).json().suggestions).toEqual([]);
  });

  it('suggests only words of public published content, as long as it is online', async () => {
    await publish('secret', { title: 'Quasarion nội bộ', summary: 'Chỉ cơ quan chủ quản.', body: '<p>Quasarion.</p>', visibility: 'internal' });
    await publish('sharedword', { title: 'Nebulorix chia sẻ', summary: 'Cho báo chí.', body: '<p>Nebulorix.</p>', visibility: 'shared' });
    await publish('public-word', { title: 'Pulsarine công khai', summary: 'Cho mọi người.', body: '<p>Pulsarine.</p>' });
    const suggestions = async (c: Client, q: string) => (await c.get(`/api/v1/search?q=${q}`)).json().suggestions;
    expect(await suggestions(anon, 'quasarin')).toEqual([]);
    expect(await suggestions(reader.client, 'nebulorex')).toEqual([]);
    expect(await suggestions(anon, 'nebulorex')).toEqual([]);
    expect(await suggestions(anon, 'pulsarin')).toEqual(['pulsarine']);
    // Taken offline: its words go too.
    const down = await appraiser.client.post(`/api/v1/item-versions/${ids['public-word']}/transitions/unpublish`, {});
    expect(down.json().state, down.body).toBe('unpublished');
    expect(await suggestions(anon, 'pulsarin')).toEqual([]);
  });

  it('keeps the lexicon equal to the public published text', async () => {
    const db = t.system.db;
    const rows = async (q: ReturnType<typeof sql>) =>
      rowsOf<{ word: string; ndoc: number }>(await db.execute(q))
        .map((r) => `${r.word}:${Number(r.ndoc)}`)
        .sort();
    const kept = () => rows(sql`SELECT word, ndoc FROM search_words`);
    const recount = () =>
      rows(sql`SELECT word, ndoc FROM ts_stat('SELECT pub_search FROM item_versions WHERE published_revision_id IS NOT NULL AND pub_visibility = ''public''')
      UNION ALL SELECT '', count(*)::int FROM item_versions WHERE published_revision_id IS NOT NULL AND pub_visibility = 'public'`);
    // after publications of every visibility and an unpublication (tests above)
    expect((await kept()).length).toBeGreaterThan(20);
    expect(await kept()).toEqual(await recount());
    // a public text changed, made shared, made public again, all in one statement for several rows
    await db.execute(sql`UPDATE item_versions SET pub_title = pub_title || ' Zebracorn' WHERE id = ${ids.festival}`);
    expect(await kept()).toContain('zebracorn:1');
    expect(await kept()).toEqual(await recount());
    await db.execute(sql`UPDATE item_versions SET pub_visibility = 'shared' WHERE id IN (${ids.festival}, ${ids.doingoai})`);
    expect((await kept()).some((w) => w.startsWith('zebracorn:'))).toBe(false);
    expect(await kept()).toEqual(await recount());
    await db.execute(
      sql`UPDATE item_versions SET pub_visibility = 'public', pub_title = replace(pub_title, ' Zebracorn', '') WHERE id IN (${ids.festival}, ${ids.doingoai})`,
    );
    expect(await kept()).toEqual(await recount());
    // updates that leave the public text alone change nothing
    const before = await kept();
    await db.execute(sql`UPDATE item_versions SET title = title || ' Quokkaroo' WHERE id = ${ids.festival}`);
    expect(await kept()).toEqual(before);
    await db.execute(sql`UPDATE item_versions SET title = replace(title, ' Quokkaroo', '') WHERE id = ${ids.festival}`);
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

  it('pages through the ranked candidates with the same total and facets', async () => {
    const all = (await anon.get('/api/v1/search?q=hue&limit=100')).json();
    expect(all.total).toBe(all.items.length);
    const p1 = (await anon.get('/api/v1/search?q=hue&limit=2')).json();
    const p2 = (await anon.get('/api/v1/search?q=hue&limit=2&page=2')).json();
    expect([...found({ json: () => p1 }), ...found({ json: () => p2 })]).toEqual(found({ json: () => all }).slice(0, 4));
    expect(p2.total).toBe(all.total);
    expect(p2.facets).toEqual(all.facets);
  });

  it('finds the same candidates whichever plan finds them', async () => {
    const base: SearchFilter = { view: 'published', scope: { visibilities: ['public', 'shared'], internal: null }, workingScope: null, limit: 100, offset: 0 };
    const cases: Array<Partial<SearchFilter>> = [
      { q: 'hue' },
      { q: 'doi ngoai' },
      { q: '"le hoi ao dai"' },
      { q: 'hue -festival' },
      { q: 'kim or nhat' },
      { q: 'hue', language: 'vi' },
      { q: 'ao dai', view: 'working', workingScope: 'all' },
    ];
    const plans: SearchPlan[] = [
      { kind: 'bitmap' },
      // a walk long enough, and one too short, where the whole bitmap takes over
      { kind: 'ordered', walk: 1_000_000 },
      { kind: 'ordered', walk: 1 },
      // a window holding everything, and an empty one
      { kind: 'window', since: '2000-01-01T00:00:00Z' },
      { kind: 'window', since: '2100-01-01T00:00:00Z' },
    ];
    for (const c of cases) {
      const results: SearchResultRows[] = [];
      for (const plan of plans) results.push(await searchAll(t.system.db, { ...base, ...c }, plan));
      expect(results[0].total, c.q).toBeGreaterThan(0);
      const key = (r: SearchResultRows) =>
        JSON.stringify({
          ids: r.rows.map((x) => [x.id, x.rank, x.snippet]),
          total: r.total,
          facets: [...r.facets].sort((a, b) => `${a.facet}${a.value}`.localeCompare(`${b.facet}${b.value}`)),
        });
      for (const [i, r] of results.entries()) expect(key(r), `${c.q} ${JSON.stringify(plans[i])}`).toBe(key(results[0]));
    }
    // A window holding enough matches gives the same newest ones as the whole bitmap.
    for (const q of ['hue', '"ao dai"']) {
      const newest = (plan: SearchPlan) => searchAll(t.system.db, { ...base, q, cap: 2 }, plan);
      const all = await newest({ kind: 'bitmap' });
      expect(all.total, q).toBe(2);
      expect(await newest({ kind: 'window', since: '2000-01-01T00:00:00Z' }), q).toEqual(all);
      expect(await newest({ kind: 'ordered', walk: 1_000_000 }), q).toEqual(all);
    }
  });

  it('lists newest first without a query', async () => {
    const res = (await anon.get('/api/v1/search')).json();
    expect(res.items.length).toBeGreaterThan(3);
    const dates = res.items.map((i: { publishedAt: string }) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('search plans', () => {
  const stats = (tsquery: string, words: Record<string, number>, docs = 100_000) => ({ tsquery, ndoc: new Map(Object.entries(words)), docs });

  it('estimates the matches of a query from its words', () => {
    expect(estimateMatches(stats("'hue'", { hue: 85_000 }))).toBe(85_000);
    expect(estimateMatches(stats("'hue' & 'kumamoto'", { hue: 85_000, kumamoto: 40 }))).toBe(40);
    expect(estimateMatches(stats("'le' <-> 'hoi'", { le: 70_000, hoi: 60_000 }))).toBe(60_000);
    expect(estimateMatches(stats("'a' | 'b'", { a: 10, b: 20 }))).toBe(30);
    expect(estimateMatches(stats("'a' | 'b'", { a: 90_000, b: 90_000 }))).toBe(100_000);
    expect(estimateMatches(stats("'hue' & !'festival'", { hue: 85_000, festival: 10 }))).toBe(85_000);
    expect(estimateMatches(stats("!( 'a' <-> 'b' )", { a: 5, b: 5 }))).toBe(100_000);
    expect(estimateMatches(stats("( 'a' | 'b' ) & 'c'", { a: 5, b: 5, c: 1000 }))).toBe(10);
    expect(estimateMatches(stats("'unknown'", {}))).toBe(0);
    expect(estimateMatches(stats("'it''s'", { "it's": 7 }))).toBe(7);
    expect(estimateMatches(stats('', {}))).toBe(0);
  });

  it('takes the bitmap for few matches, a recent window for more, and walks by date when most rows match', () => {
    const at = (tsquery: string, words: Record<string, number>) => ({
      ...stats(tsquery, words, 100_000),
      newest: Date.UTC(2026, 0, 1),
      oldest: Date.UTC(2021, 0, 1),
    });
    expect(choosePlan(at("'kumamoto'", { kumamoto: 40 }), 1000)).toEqual({ kind: 'bitmap' });
    expect(choosePlan(at("'news'", { news: 17_000 }), 1000)).toMatchObject({ kind: 'window' });
    // the walk gives up after four times the rows expected to hold the candidates
    expect(choosePlan(at("'hue'", { hue: 85_000 }), 1000)).toEqual({ kind: 'ordered', walk: Math.ceil((4 * 1000 * 100_000) / 85_000) });
    // every word of an AND is read from the index: four common words walk by date sooner
    expect(choosePlan(at("'a' & 'b' & 'c' & 'd'", { a: 40_000, b: 40_000, c: 40_000, d: 40_000 }), 1000)).toMatchObject({ kind: 'ordered' });
    expect(choosePlan(at("'a'", { a: 40_000 }), 1000)).toMatchObject({ kind: 'window' });
    // a negation reads the whole index: walk
    expect(choosePlan(at("!'kumamoto'", { kumamoto: 40 }), 1000)).toMatchObject({ kind: 'ordered' });
    // other filters keep fewer candidates: a longer walk, a wider window, or the bitmap
    expect(choosePlan(at("'hue'", { hue: 85_000 }), 1000, filterShare({ language: 'en' }))).toMatchObject({ kind: 'ordered' });
    expect(choosePlan(at("'news'", { news: 17_000 }), 1000, filterShare({ kind: 'news' }))).toMatchObject({ kind: 'window' });
    expect(choosePlan(at("'news'", { news: 17_000 }), 1000, filterShare({ kind: 'news', year: 2026 }))).toEqual({ kind: 'bitmap' });
    expect(choosePlan(at("'hue'", { hue: 85_000 }), 1000, 1, true)).toEqual({ kind: 'bitmap' });
    // the window reaches back as far as twice the needed matches are expected
    const w = choosePlan(at("'news'", { news: 20_000 }), 1000);
    expect(w.kind === 'window' && Date.parse(w.since)).toBe(Date.UTC(2026, 0, 1) - (Date.UTC(2026, 0, 1) - Date.UTC(2021, 0, 1)) * 0.1);
    // an empty database
    expect(choosePlan({ ...stats("'a'", {}, 0), newest: null, oldest: null }, 1000)).toEqual({ kind: 'bitmap' });
    expect(postings(stats("'a' & !'b' | 'c'", { a: 1, b: 10, c: 100 }, 1000))).toBe(1111);
  });
});

describe('spelling', () => {
  it('measures edits, transpositions included', () => {
    expect(editDistance('festivl', 'festival')).toBe(1);
    expect(editDistance('hue', 'hue')).toBe(0);
    expect(editDistance('huoeng', 'huong')).toBe(1);
    expect(editDistance('houng', 'huong')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(edits1('hue')).toContain('hu');
    expect(edits1('hue')).toContain('uhe');
    expect(edits1('hue')).toContain('hoe');
    expect(edits1('hue')).toContain('huet');
    expect(edits1('hue')).not.toContain('hue');
  });

  it('corrects typed words only, by the nearest then most frequent known word', () => {
    expect(correctableTokens('Huế -festivl or 2026 "ao dai"').map((t) => t.text)).toEqual(['Huế', 'ao', 'dai']);
    expect(correctableTokens('x'.repeat(31))).toEqual([]);
    const known = [
      { word: 'festival', ndoc: 10 },
      { word: 'festivals', ndoc: 500 },
      { word: 'hue', ndoc: 900 },
      { word: 'hoe', ndoc: 3 },
    ];
    expect(corrections('festivl', 0, known).map((w) => w.word)).toEqual(['festival', 'festivals']);
    expect(corrections('hie', 0, known).map((w) => w.word)).toEqual(['hue', 'hoe']);
    // a short word only one edit away; a rare known word only by a much more frequent one
    expect(corrections('ho', 0, known)).toEqual([]);
    expect(corrections('hoe', 3, known).map((w) => w.word)).toEqual(['hue']);
    expect(corrections('festival', 10, known).map((w) => w.word)).toEqual(['festivals']);
    expect(corrections('festivals', 500, known)).toEqual([]);
  });
});
