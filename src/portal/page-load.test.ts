// A page's `load` on its own, without HTTP: the language's site data, then the page's data as the
// anonymous reader sees it — what the home page and a topic listing list, and the 404 outcomes of
// an unknown topic, a page past the last, and an item missing in the language asked (with the
// languages it exists in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureAgency, type TestApp } from '../../test/helpers/app.js';
import { topicIds } from '../../test/helpers/content.js';
import { workflow } from '../../test/helpers/published.js';
import { anonymous } from '../core/actor.js';
import { homePage } from './pages/home/page.js';
import { itemPage } from './pages/item/page.js';
import { listingPage } from './pages/listing/page.js';
import { portalSites, type Site } from './site.js';

const TOPIC = 'du-lich-di-san-le-hoi';
const ORIGIN = 'https://portal.test';

let t: TestApp;
let vi: Site;
let item: { itemId: string };

beforeAll(async () => {
  t = await createTestApp();
  const flow = workflow(t, (await topicIds(t))[TOPIC]);
  const agencyId = await fixtureAgency(t, { slug: 'trung-tam-bao-ton' });
  item = await flow.create(agencyId, { title: 'Lễ hội Điện Hòn Chén mùa thu' });
  await flow.create(agencyId, { title: 'Tài liệu dùng chung cho báo chí', visibility: 'shared' });
  await flow.create(agencyId, { title: 'Bản nháp chưa gửi' }, { draft: true });
  // no generation source: nothing is kept between loads
  vi = await portalSites(t.config, null).loadSite({ ctx: { ...t.system, actor: anonymous }, origin: ORIGIN }, 'vi');
});
afterAll(() => t.close());

describe('a page’s load, alone', () => {
  it('the site: Vietnamese words, the origin, the open languages, the topic in the menu', () => {
    expect(vi.words.lang).toBe('vi');
    expect(vi.info.origin).toBe(ORIGIN);
    expect(vi.languages).toEqual(['vi', 'en']);
    expect(vi.topics.menu.map((tp) => tp.slug)).toContain(TOPIC);
  });

  it('home: the public published item is the latest, nothing else', async () => {
    const home = await homePage.load(vi, {});
    if (home.status !== 200) throw new Error(`home: ${home.status}`);
    expect(home.data.latest.map((c) => c.title)).toEqual(['Lễ hội Điện Hòn Chén mùa thu']);
    expect(home.data.latest[0]).toMatchObject({ itemId: item.itemId, agency: { slug: 'trung-tam-bao-ton' } });
    expect(home.data.byTopic.find((g) => g.topic.slug === TOPIC)?.cards.map((c) => c.itemId)).toEqual([item.itemId]);
  });

  it('a topic listing: its items and pages; an unknown topic and a page past the last are 404', async () => {
    const topics = listingPage('topic');
    const first = await topics.load(vi, { slug: TOPIC, page: 1 });
    if (first.status !== 200) throw new Error(`listing: ${first.status}`);
    expect(first.data).toMatchObject({ slug: TOPIC, total: 1, page: 1, pages: 1 });
    expect(first.data.cards.map((c) => c.itemId)).toEqual([item.itemId]);
    expect(await topics.load(vi, { slug: TOPIC, page: 2 })).toEqual({ status: 404 });
    expect(await topics.load(vi, { slug: 'khong-co', page: 1 })).toEqual({ status: 404 });
  });

  it('an item: its published form; in a language it lacks, 404 with the languages it has', async () => {
    const page = await itemPage.load(vi, { itemId: item.itemId });
    if (page.status !== 200) throw new Error(`item: ${page.status}`);
    expect(page.data).toMatchObject({ itemId: item.itemId, url: `${ORIGIN}/vi/items/${item.itemId}`, form: { title: 'Lễ hội Điện Hòn Chén mùa thu' } });
    const en = await portalSites(t.config, null).loadSite({ ctx: vi.ctx, origin: ORIGIN }, 'en');
    expect(await itemPage.load(en, { itemId: item.itemId })).toEqual({ status: 404, elsewhere: [{ language: 'vi', href: `/vi/items/${item.itemId}` }] });
  });
});
