// The kept counts of online versions (published_counts, kept by triggers on item_versions) equal a
// direct count after every kind of change: publish, translate and publish, a republication with other
// topics and visibility, unpublish, archive, an import of drafts, a bulk load of published items.
// Listings, topics and languages read them; their totals equal counting the versions.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../../../../test/helpers/content.js';
import { rowsOf } from '../../../db/transaction.js';
import { seedSyntheticItems } from '../../../cli/synthetic.js';
import type { PublishedScope } from '../policy.js';
import { countCards, scopeCondition, type CardFilter } from './repo.js';
import { publishedLanguages, topicsWithCounts } from './site.repo.js';

let t: TestApp;
let topics: Record<string, string>;
let agencyA: string;
let agencyB: string;
let contributorA: SignedIn;
let contributorB: SignedIn;
let appraiser: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  topics = await topicIds(t);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'ubnd-phu-vang' });
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB });
  appraiser = await signedIn(t, 'appraiser');
  SCOPES['agency B'].internal = agencyB;
});
afterAll(() => t.close());

const db = () => t.db.handle.db;
type Cube = Record<string, number>;

/** The whole cube, counted from the versions themselves: what the triggers must have kept. */
async function countedCube(): Promise<Cube> {
  const rows = rowsOf<{ key: string; n: number }>(
    await db().execute(sql`
      SELECT concat_ws('|', language, pub_visibility, kind, agency_id, '*') AS key, count(*)::int AS n
        FROM item_versions WHERE pub_visibility IS NOT NULL GROUP BY language, pub_visibility, kind, agency_id
      UNION ALL
      SELECT concat_ws('|', language, pub_visibility, kind, agency_id, tp), count(DISTINCT id)::int
        FROM item_versions, unnest(pub_topic_ids) tp WHERE pub_visibility IS NOT NULL GROUP BY language, pub_visibility, kind, agency_id, tp`),
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
async function keptCube(): Promise<Cube> {
  const rows = rowsOf<{ key: string; n: number }>(
    await db().execute(sql`
      SELECT concat_ws('|', language, visibility, kind, agency_id, CASE WHEN topic_id = '00000000-0000-0000-0000-000000000000' THEN '*' ELSE topic_id::text END) AS key,
        versions AS n
      FROM published_counts WHERE versions <> 0`),
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

const SCOPES: Record<string, PublishedScope> = {
  anonymous: { visibilities: ['public'], internal: null },
  dic: { visibilities: ['public', 'shared'], internal: 'all' },
  'agency B': { visibilities: ['public', 'shared'], internal: '' },
};

/** Every listing total the portal and the API ask for, from the kept counts and by counting the versions. */
async function expectListingTotals() {
  const filters: Array<Omit<CardFilter, 'scope'>> = [
    {},
    { language: 'vi' },
    { language: 'en' },
    { language: 'vi', kind: 'news' },
    { language: 'vi', kinds: ['photo', 'video'] },
    { language: 'vi', topicId: topics['du-lich-di-san-le-hoi'] },
    { language: 'vi', topicId: topics['tong-quan'] },
    { language: 'vi', agencyId: agencyA },
    { agencyId: agencyB, kind: 'news' },
  ];
  for (const [who, scope] of Object.entries(SCOPES))
    for (const f of filters) {
      const where = [sql`TRUE`];
      if (f.language) where.push(sql`language = ${f.language}`);
      if (f.kind) where.push(sql`kind = ${f.kind}`);
      if (f.kinds) where.push(sql`kind = ANY(${`{${f.kinds.join(',')}}`}::text[])`);
      if (f.topicId) where.push(sql`pub_topic_ids @> ARRAY[${f.topicId}]::uuid[]`);
      if (f.agencyId) where.push(sql`agency_id = ${f.agencyId}::uuid`);
      const [direct] = rowsOf<{ n: number }>(
        await db().execute(
          sql`SELECT count(*)::int AS n FROM item_versions WHERE ${scopeCondition(scope, sql`pub_visibility`, sql`agency_id`)} AND ${sql.join(where, sql` AND `)}`,
        ),
      );
      expect(await countCards(db(), { ...f, scope }), `${who} ${JSON.stringify(f)}`).toBe(direct.n);
    }
}

async function expectKeptEqualsCounted(step: string) {
  expect(await keptCube(), step).toEqual(await countedCube());
  await expectListingTotals();
}

async function publish(author: SignedIn, topic: string, over: Parameters<typeof completeItem>[1] = {}) {
  const created = await author.client.post('/api/v1/items', completeItem(topic, over));
  expect(created.statusCode, created.body).toBe(201);
  const v = created.json();
  expect((await author.client.post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE)).statusCode).toBe(200);
  const approved = await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/approve`, { checklist: ALL_CHECKS });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as { id: string; itemId: string; revision: { id: string }; text: Record<string, string>; metadata: Record<string, unknown> };
}

describe('kept counts of online versions', () => {
  let first: Awaited<ReturnType<typeof publish>>;

  it('start at zero and follow publications of each visibility', async () => {
    await expectKeptEqualsCounted('empty');
    first = await publish(contributorA, topics['du-lich-di-san-le-hoi'], { title: 'Đếm một' });
    await publish(contributorA, topics['tong-quan'], { title: 'Đếm hai', visibility: 'shared' });
    await publish(contributorB, topics['tong-quan'], { title: 'Đếm ba', visibility: 'internal' });
    await publish(contributorB, topics['du-lich-di-san-le-hoi'], { title: 'Đếm bốn', kind: 'news' });
    expect(Object.keys(await keptCube()).length).toBeGreaterThan(4);
    await expectKeptEqualsCounted('four published');
    // a working copy saved on a published version changes nothing online
    const saved = await contributorA.client.request('PUT', `/api/v1/item-versions/${first.id}`, {
      baseRevisionId: first.revision.id,
      text: { ...first.text, summary: 'Bản nháp mới, chưa công bố.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await expectKeptEqualsCounted('a draft revision of a published version');
  });

  it('follow a translation published, a republication with other topics and visibility, an unpublication and an archive', async () => {
    const en = await contributorA.client.post(`/api/v1/items/${first.itemId}/translations`, {
      language: 'en',
      text: { title: 'Counted one', summary: 'An English version.', body: '<p>Body.</p>' },
    });
    expect(en.statusCode, en.body).toBe(201);
    await contributorA.client.post(`/api/v1/item-versions/${en.json().id}/transitions/submit`, DECLARE);
    expect((await appraiser.client.post(`/api/v1/item-versions/${en.json().id}/transitions/approve`, { checklist: ALL_CHECKS })).statusCode).toBe(200);
    await expectKeptEqualsCounted('an English version published');

    // republished with two topics and shared visibility: the counters move from one key to others
    const current = (await contributorA.client.get(`/api/v1/item-versions/${first.id}`)).json();
    const edited = await contributorA.client.request('PUT', `/api/v1/item-versions/${first.id}`, {
      baseRevisionId: current.revision.id,
      text: current.text,
      metadata: { ...current.metadata, visibility: 'shared', topicIds: [topics['tong-quan'], topics['du-lich-di-san-le-hoi']] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await contributorA.client.post(`/api/v1/item-versions/${first.id}/transitions/submit`, DECLARE);
    expect((await appraiser.client.post(`/api/v1/item-versions/${first.id}/transitions/approve`, { checklist: ALL_CHECKS })).statusCode).toBe(200);
    await expectKeptEqualsCounted('republished with other topics and visibility');

    expect((await appraiser.client.post(`/api/v1/item-versions/${first.id}/transitions/unpublish`, {})).statusCode).toBe(200);
    await expectKeptEqualsCounted('unpublished');
    expect((await contributorA.client.post(`/api/v1/item-versions/${first.id}/transitions/archive`, {})).statusCode).toBe(200);
    await expectKeptEqualsCounted('archived');
  });

  it('follow an import of drafts (nothing online) and a bulk load of published items', async () => {
    const rows = ['kind,agency,title,summary,body,activity_date,authors,topics,tags,place,source_type,copyright_holder,licence,visibility'];
    for (let i = 0; i < 30; i++)
      rows.push(`news,so-du-lich,Tin nhập ${i},Tóm tắt ${i},Nội dung ${i},2026-02-03,Nhóm biên tập,tong-quan,nhập,Huế,own,Sở Du lịch,CC-BY-4.0,public`);
    const started = await contributorA.client.request('POST', '/api/v1/imports?mode=draft&fileName=dem.csv', rows.join('\n'), { 'content-type': 'text/csv' });
    expect(started.statusCode, started.body).toBe(202);
    await expect.poll(async () => (await contributorA.client.get(`/api/v1/imports/${started.json().id}`)).json().status).toBe('done');
    await expectKeptEqualsCounted('an import of drafts');

    await seedSyntheticItems(t.system, 250, () => undefined);
    await expectKeptEqualsCounted('250 synthetic items published in batches');
  });

  it('the portal’s topics and languages read the same totals', async () => {
    const scope = SCOPES.anonymous;
    const [byLanguage] = rowsOf<{ vi: number; en: number }>(
      await db().execute(
        sql`SELECT count(*) FILTER (WHERE language = 'vi')::int AS vi, count(*) FILTER (WHERE language = 'en')::int AS en FROM item_versions WHERE pub_visibility = 'public'`,
      ),
    );
    const languages = Object.fromEntries((await publishedLanguages(db(), scope)).map((l) => [l.language, l.n]));
    expect(languages.vi).toBe(byLanguage.vi);
    expect(languages.en ?? 0).toBe(byLanguage.en);
    for (const topic of await topicsWithCounts(db(), scope, 'vi')) {
      const [direct] = rowsOf<{ n: number }>(
        await db().execute(
          sql`SELECT count(*)::int AS n FROM item_versions WHERE pub_visibility = 'public' AND language = 'vi' AND pub_topic_ids @> ARRAY[${topic.id}]::uuid[]`,
        ),
      );
      expect(topic.count, topic.slug).toBe(direct.n);
    }
  });
});
