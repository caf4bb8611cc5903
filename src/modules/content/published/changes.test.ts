// The changes stream over HTTP (GET /api/v1/changes): every publication, update, unpublication and
// deletion in order, as each reader sees it — tombstones when a version leaves what it may read,
// a narrowed visibility included — inline published forms, cursors, and refusals of bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../../test/helpers/app.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { oauthClient, openApiValidator, readChanges, recomputeHash, workflow, type ChangeJson } from '../../../../test/helpers/published.js';
import * as content from '../service.js';
import { seedSyntheticItems } from '../../../cli/synthetic.js';

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let agencyA: string;
let agencyB: string;
let anonymous: Client;
let contributorA: SignedIn;
let contributorB: SignedIn;
let appraiser: SignedIn;
let reader: SignedIn;
let sharedClient: Client;
let publicClient: Client;
let validate: Awaited<ReturnType<typeof openApiValidator>>;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test' });
  flow = workflow(t, (await topicIds(t))['du-lich-di-san-le-hoi']);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
  anonymous = new Client(t);
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB });
  appraiser = await signedIn(t, 'appraiser');
  reader = await signedIn(t, 'reader', { agencyId: agencyB });
  sharedClient = await oauthClient(t, agencyB, ['read:public', 'read:shared']);
  publicClient = await oauthClient(t, agencyB, ['read:public']);
  validate = await openApiValidator(t);
});
afterAll(() => t.close());

/** The head of the stream as this reader sees it: where a test's changes start. */
const head = async (c: Client) => (await readChanges(c, null)).cursor;
const events = (changes: ChangeJson[]) => changes.map((c) => `${c.event} ${c.language}`);
const mine = (changes: ChangeJson[], itemId: string) => changes.filter((c) => c.itemId === itemId);

describe('the stream in order, with tombstones', () => {
  it('publish, translate, update, unpublish (translations with their source), archive: each change once, in commit order', async () => {
    const start = await head(anonymous);
    const { itemId, versionId } = await flow.create(agencyA);
    const en = await flow.translate(itemId, 'en');
    await flow.revise(versionId, { title: 'Festival Huế 2026: lịch diễn mới' }); // text only: the translation keeps its hash
    await flow.unpublish(versionId);
    await flow.archive(versionId);
    const { changes } = await readChanges(anonymous, start, { data: true });
    expect(events(mine(changes, itemId))).toEqual(['published vi', 'published en', 'updated vi', 'unpublished vi', 'unpublished en', 'deleted vi']);
    const tombstones = changes.filter((c) => c.event === 'unpublished' || c.event === 'deleted');
    for (const c of tombstones) {
      expect(c).toMatchObject({ contentHash: null, data: null });
      expect(c.visibility).toBeUndefined();
    }
    // everything is offline now: live changes carry no data any more, their hashes remain
    expect(changes.filter((c) => c.event === 'published').every((c) => c.data === null && /^[0-9a-f]{64}$/.test(c.contentHash!))).toBe(true);
    expect(changes.find((c) => c.versionId === en)?.language).toBe('en');
  });

  it('inline data is the published form (GET /item-versions/{id}/published), with a hash a consumer can recompute', async () => {
    const start = await head(anonymous);
    const { itemId, versionId } = await flow.create(agencyA, { title: 'Nhã nhạc cung đình Huế tại Paris' });
    const en = await flow.translate(itemId, 'en', 'Hue royal court music in Paris');
    const res = await anonymous.get(`/api/v1/changes?since=${start}&include=data`);
    expect(res.statusCode).toBe(200);
    validate('/api/v1/changes', res);
    const changes = res.json().changes as ChangeJson[];
    expect(changes.map((c) => c.versionId)).toEqual([versionId, en]);
    for (const c of changes) {
      const published = (await anonymous.get(`/api/v1/item-versions/${c.versionId}/published`)).json();
      expect(c.data).toEqual(published);
      expect(recomputeHash(c.data!)).toBe(c.contentHash);
    }
    // without include=data: the events only
    const plain = (await anonymous.get(`/api/v1/changes?since=${start}`)).json().changes as ChangeJson[];
    expect(plain.every((c) => !('data' in c))).toBe(true);
  });

  it('a new source metadata re-hashes the online translations: an update of each', async () => {
    const { itemId, versionId } = await flow.create(agencyA);
    const en = await flow.translate(itemId, 'en');
    const before = (await anonymous.get(`/api/v1/item-versions/${en}/published`)).json();
    const start = await head(anonymous);
    t.clock.advance(60_000);
    await flow.revise(versionId, { visibility: 'public', title: 'Tiêu đề mới' }); // same visibility, new revision of the source
    const w = await content.getWorkingVersion(t.system, versionId);
    await content.saveVersion(t.system, versionId, {
      baseRevisionId: w.revision.id,
      text: w.text,
      metadata: { ...w.metadata, tags: ['festival', 'âm nhạc'] } as never,
    });
    await flow.approve(versionId);
    const { changes } = await readChanges(anonymous, start, { data: true });
    expect(events(changes)).toEqual(['updated vi', 'updated vi', 'updated en']);
    const after = changes[2].data!;
    expect(after.contentHash).not.toBe(before.contentHash);
    expect((after.metadata as { tags: string[] }).tags).toEqual(['festival', 'âm nhạc']);
    expect(after.publishedAt).not.toBe(before.publishedAt); // the translation went online again
  });

  it('archiving what was never published leaves the stream alone', async () => {
    const start = await head(appraiser.client);
    const { versionId } = await flow.create(agencyA, {}, { draft: true });
    await flow.archive(versionId);
    expect((await readChanges(appraiser.client, start)).changes).toEqual([]);
  });

  it('synthetic published items (bulk) enter the stream too', async () => {
    const start = await head(appraiser.client);
    expect(await seedSyntheticItems(t.system, 3)).toBe(3);
    const { changes } = await readChanges(appraiser.client, start);
    expect(changes.map((c) => c.event)).toEqual(['published', 'published', 'published']);
  });
});

describe('what each reader sees', () => {
  it('a shared item: read:shared readers get it, anonymous and read:public clients never hear of it', async () => {
    const starts = await Promise.all([anonymous, publicClient, sharedClient, reader.client].map(head));
    const { itemId } = await flow.create(agencyA, { visibility: 'shared' });
    const [anon, pub, shared, person] = await Promise.all(
      [anonymous, publicClient, sharedClient, reader.client].map((c, i) => readChanges(c, starts[i], { data: true })),
    );
    expect(mine(anon.changes, itemId)).toEqual([]);
    expect(mine(pub.changes, itemId)).toEqual([]);
    expect(events(mine(shared.changes, itemId))).toEqual(['published vi']);
    expect(mine(shared.changes, itemId)[0]).toMatchObject({ visibility: 'shared' });
    expect(mine(shared.changes, itemId)[0].data).toMatchObject({ itemId, language: 'vi' });
    expect(events(mine(person.changes, itemId))).toEqual(['published vi']);
  });

  it('an internal item: its own agency and the DIC only', async () => {
    const readers = [contributorA.client, appraiser.client, contributorB.client, reader.client, sharedClient, anonymous];
    const starts = await Promise.all(readers.map(head));
    const { itemId } = await flow.create(agencyA, { visibility: 'internal' });
    const seen = await Promise.all(readers.map(async (c, i) => mine((await readChanges(c, starts[i])).changes, itemId).length));
    expect(seen).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('narrowing public → internal is a tombstone for outsiders and an update for the agency; widening publishes again', async () => {
    const { itemId, versionId } = await flow.create(agencyA);
    await flow.translate(itemId, 'en');
    const [a0, s0, c0] = await Promise.all([anonymous, sharedClient, contributorA.client].map(head));
    await flow.revise(versionId, { visibility: 'internal' });
    const anon = mine((await readChanges(anonymous, a0, { data: true })).changes, itemId);
    expect(events(anon)).toEqual(['unpublished vi', 'unpublished en']);
    expect(anon.every((c) => c.contentHash === null && c.data === null && c.visibility === undefined)).toBe(true);
    expect(events(mine((await readChanges(sharedClient, s0)).changes, itemId))).toEqual(['unpublished vi', 'unpublished en']);
    const own = mine((await readChanges(contributorA.client, c0, { data: true })).changes, itemId);
    expect(events(own)).toEqual(['updated vi', 'updated en']);
    expect(own.map((c) => c.visibility)).toEqual(['internal', 'internal']);
    expect(own.every((c) => c.data !== null)).toBe(true);
    // the anonymous reader's item reads agree: gone
    expect((await anonymous.get(`/api/v1/published/${itemId}/vi`)).statusCode).toBe(404);

    const a1 = await head(anonymous);
    await flow.revise(versionId, { visibility: 'public' });
    expect(events(mine((await readChanges(anonymous, a1)).changes, itemId))).toEqual(['published vi', 'published en']);
  });

  it('public → shared: a tombstone for anonymous readers, an update for read:shared ones', async () => {
    const { itemId, versionId } = await flow.create(agencyA);
    const [a0, s0] = await Promise.all([anonymous, sharedClient].map(head));
    await flow.revise(versionId, { visibility: 'shared' });
    expect(events(mine((await readChanges(anonymous, a0)).changes, itemId))).toEqual(['unpublished vi']);
    expect(events(mine((await readChanges(sharedClient, s0)).changes, itemId))).toEqual(['updated vi']);
  });
});

describe('cursors', () => {
  it('nextCursor is always given: the last change, or the head when the page is short; polling from it finds only what is new', async () => {
    const start = await head(anonymous);
    const empty = await anonymous.get(`/api/v1/changes?since=${start}`);
    expect(empty.json()).toEqual({ changes: [], nextCursor: start });
    await flow.create(agencyA);
    await flow.create(agencyA, { visibility: 'internal' }); // invisible to anonymous readers, still moves the head
    const page = (await anonymous.get(`/api/v1/changes?since=${start}`)).json();
    expect(page.changes).toHaveLength(1);
    expect(page.nextCursor).not.toBe(page.changes[0].cursor); // the head, past the internal change
    expect((await anonymous.get(`/api/v1/changes?since=${page.nextCursor}`)).json()).toEqual({ changes: [], nextCursor: page.nextCursor });
  });

  it('a reader polling while publications commit concurrently misses none and sees none twice (seq order is commit order)', async () => {
    const start = await head(anonymous);
    const drafts = await Promise.all(Array.from({ length: 8 }, () => flow.create(agencyA, {}, { draft: true })));
    let done = false;
    const seen: ChangeJson[] = [];
    const poller = (async () => {
      let cursor = start;
      while (!done) {
        const page = (await anonymous.get(`/api/v1/changes?since=${cursor}&limit=2`)).json();
        seen.push(...page.changes);
        cursor = page.nextCursor;
      }
      seen.push(...(await readChanges(anonymous, cursor)).changes);
    })();
    // on PostgreSQL these are concurrent transactions on several connections
    await Promise.all(drafts.map((d) => flow.approve(d.versionId)));
    done = true;
    await poller;
    expect(seen.map((c) => c.versionId).sort()).toEqual(drafts.map((d) => d.versionId).sort());
  });

  it('small pages walk the same stream as one large page', async () => {
    const all = await readChanges(anonymous, null, { limit: 1000 });
    const paged = await readChanges(anonymous, null, { limit: 3 });
    expect(paged.changes.map((c) => c.cursor)).toEqual(all.changes.map((c) => c.cursor));
    expect(paged.cursor).toBe(all.cursor);
    const one = (await anonymous.get('/api/v1/changes?limit=1')).json();
    expect(one.nextCursor).toBe(one.changes[0].cursor);
  });

  it('refuses bad cursors, limits and parameters with problem+json and changes nothing', async () => {
    const before = await readChanges(appraiser.client, null);
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const bad: Array<[string, string]> = [
      ['since=abc', 'since'],
      [`since=${b64('seq:-1')}`, 'since'],
      [`since=${b64('seq:1e3')}`, 'since'],
      [`since=${b64('seq:99999999999999999999')}`, 'since'],
      [`since=${b64("seq:1' OR '1'='1")}`, 'since'],
      [`since=${b64('seq:999999')}`, 'since'], // past the head: not a cursor of this database
      [`since=${encodeURIComponent('1; DROP TABLE public_changes;--')}`, 'since'],
      [`since=${encodeURIComponent('<script>alert(1)</script>')}`, 'since'],
      [`since=${'A'.repeat(101)}`, 'querystring/since'],
      ['limit=0', 'querystring/limit'],
      ['limit=1001', 'querystring/limit'],
      ['limit=-5', 'querystring/limit'],
      ['limit=abc', 'querystring/limit'],
      ['limit=1%20OR%201%3D1', 'querystring/limit'],
      ['include=everything', 'querystring/include'],
      ['include=%3Cscript%3E', 'querystring/include'],
      ['order=desc', 'querystring/order'],
    ];
    for (const [query, field] of bad) {
      const res = await anonymous.get(`/api/v1/changes?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        query,
      ).toContain(field);
      expect(res.body).not.toMatch(/SELECT|stack|\.ts:\d+/);
      validate('/api/v1/changes', res);
    }
    const after = await readChanges(appraiser.client, null);
    expect(after).toEqual(before);
  });
});
