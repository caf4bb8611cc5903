// Property: a consumer that builds a mirror only from GET /api/v1/changes?include=data, polling at
// random moments with random page sizes, ends with exactly what GET /api/v1/published gives it —
// the same versions, the same content hashes and published forms — after any sequence of creates,
// publications, new revisions, translations, visibility changes, unpublications and deletions.
// Checked for an anonymous reader and a read:shared client, each polling after every step (eager)
// or only now and then with small pages (lazy); fast-check, bounded runs.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { Client, createTestApp, fixtureAgency, type TestApp } from '../../../../test/helpers/app.js';
import { topicIds } from '../../../../test/helpers/content.js';
import { oauthClient, readChanges, readPublished, recomputeHash, workflow, type ChangeJson } from '../../../../test/helpers/published.js';
import * as content from '../service.js';

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let agency: string;
/** eager consumers poll after every step; lazy ones only at the sequence's `sync` steps, with small pages */
let consumers: Array<{ name: string; client: Client; eager: boolean }>;
let created = 0;

beforeAll(async () => {
  t = await createTestApp();
  flow = workflow(t, (await topicIds(t))['du-lich-di-san-le-hoi']);
  agency = await fixtureAgency(t, { slug: 'so-du-lich' });
  const sharedClient = await oauthClient(t, agency, ['read:public', 'read:shared']);
  consumers = [
    { name: 'anonymous, eager', client: new Client(t), eager: true },
    { name: 'read:shared client, eager', client: sharedClient, eager: true },
    { name: 'anonymous, lazy', client: new Client(t), eager: false },
    { name: 'read:shared client, lazy', client: sharedClient, eager: false },
  ];
});
afterAll(() => t.close());
const shared = () => consumers[1].client;

type Vis = 'public' | 'shared' | 'internal';
type Lang = 'vi' | 'en';
type Op =
  | { op: 'create'; item: number; visibility: Vis }
  | { op: 'translate'; item: number }
  | { op: 'update'; item: number; lang: Lang }
  | { op: 'visibility'; item: number; visibility: Vis }
  | { op: 'unpublish'; item: number; lang: Lang }
  | { op: 'publish'; item: number; lang: Lang }
  | { op: 'archive'; item: number; lang: Lang }
  | { op: 'sync'; consumer: number; limit: number };

const item = fc.integer({ min: 0, max: 1 });
const lang = fc.constantFrom<Lang>('vi', 'en');
const vis = fc.constantFrom<Vis>('public', 'shared', 'internal');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('create' as const), item, visibility: vis }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('translate' as const), item }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('update' as const), item, lang }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('visibility' as const), item, visibility: vis }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('unpublish' as const), item, lang }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('publish' as const), item, lang }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('archive' as const), item, lang }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('sync' as const), consumer: fc.integer({ min: 2, max: 3 }), limit: fc.integer({ min: 1, max: 7 }) }), weight: 3 },
);

interface Mirror {
  cursor: string | null;
  docs: Map<string, Record<string, unknown>>;
}

/** The documented mirror procedure: apply each change in order; tombstones remove; live changes carry the form now. */
function apply(m: Mirror, changes: ChangeJson[]) {
  for (const c of changes) {
    if (c.event === 'unpublished' || c.event === 'deleted') m.docs.delete(c.versionId);
    else if (c.data) m.docs.set(c.versionId, c.data);
    // a live change without data: no longer readable now; its tombstone follows later in the stream
  }
}

async function sync(m: Mirror, client: Client, limit = 1000) {
  const { changes, cursor } = await readChanges(client, m.cursor, { data: true, limit });
  apply(m, changes);
  m.cursor = cursor;
}

/** Runs one step as the system actor; a step the workflow refuses in the current state (409) does nothing. */
async function run(step: Op, items: Array<{ itemId: string; vi: string; en?: string } | undefined>, mirrors: Mirror[]) {
  if (step.op === 'sync') return sync(mirrors[step.consumer], consumers[step.consumer].client, step.limit);
  const it = items[step.item];
  if (step.op === 'create') {
    if (it) return;
    const { itemId, versionId } = await flow.create(agency, { visibility: step.visibility, title: `Tin số ${++created}` });
    items[step.item] = { itemId, vi: versionId };
    return;
  }
  if (!it) return;
  const id = step.op === 'translate' || step.op === 'visibility' ? it.vi : step.lang === 'vi' ? it.vi : it.en;
  try {
    switch (step.op) {
      case 'translate':
        if (!it.en) it.en = await flow.translate(it.itemId, 'en', `Item ${step.item}`);
        return;
      case 'update':
      case 'visibility': {
        if (!id) return;
        const v = await content.getWorkingVersion(t.system, id);
        if (v.version.state === 'archived') await content.transition(t.system, id, 'restore');
        if (v.version.state === 'submitted') await content.transition(t.system, id, 'withdraw');
        await flow.revise(id, step.op === 'visibility' ? { visibility: step.visibility } : {});
        return;
      }
      case 'unpublish':
        if (id) await flow.unpublish(id);
        return;
      case 'publish':
        if (id) await flow.publish(id); // an approved translation waiting for its source
        return;
      case 'archive':
        if (!id) return;
        if ((await content.getWorkingVersion(t.system, id)).version.publishedRevisionId) await flow.unpublish(id);
        await flow.archive(id);
        return;
    }
  } catch (e) {
    if (!(e instanceof AppError && e.status === 409)) throw e;
  }
}

/** A sequence that makes every kind of change (run first, so the property is never checked on nothing). */
const EVERY_EVENT: Op[] = [
  { op: 'translate', item: 0 },
  { op: 'sync', consumer: 2, limit: 1 },
  { op: 'update', item: 0, lang: 'vi' },
  { op: 'visibility', item: 0, visibility: 'internal' },
  { op: 'visibility', item: 1, visibility: 'public' },
  { op: 'sync', consumer: 3, limit: 2 },
  { op: 'archive', item: 1, lang: 'vi' },
  { op: 'visibility', item: 0, visibility: 'shared' },
];

const FIELDS = 'id,itemId,agencyId,kind,language,sourceLanguage,title,summary,body,metadata,publishedAt,firstPublishedAt,revision,contentHash,translations';

/** The mirror equals the source: same versions, same hashes and forms; each item's languages derived from the mirror. */
async function expectMirrorEqualsSource(m: Mirror, client: Client, name: string) {
  const source = new Map((await readPublished(client, { fields: FIELDS })).map((p) => [p.id as string, p]));
  expect([...m.docs.keys()].sort(), name).toEqual([...source.keys()].sort());
  for (const [id, doc] of m.docs) {
    const { translations: _t, ...form } = doc;
    const { translations, ...expected } = source.get(id)!;
    expect(form, `${name} ${id}`).toEqual(expected);
    expect(recomputeHash(doc), `${name} ${id}`).toBe(doc.contentHash);
    // translations change without a change of this version: a consumer derives them from its mirror
    const languages = [...m.docs.values()].filter((d) => d.itemId === doc.itemId).map((d) => d.id);
    expect(languages.sort(), `${name} ${id}`).toEqual((translations as Array<{ id: string }>).map((x) => x.id).sort());
  }
}

it('a mirror built from the changes stream equals the published list, after any sequence of changes', { timeout: 120_000 }, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.tuple(vis, vis), fc.array(opArb, { minLength: 4, maxLength: 14 }), async (initial, rest) => {
      const ops: Op[] = [...initial.map((visibility, item) => ({ op: 'create' as const, item, visibility })), ...rest];
      runs++;
      // every run's consumers start from an empty mirror: the whole stream, earlier runs included
      const mirrors: Mirror[] = consumers.map(() => ({ cursor: null, docs: new Map() }));
      const items: Array<{ itemId: string; vi: string; en?: string } | undefined> = [];
      for (const step of ops) {
        await run(step, items, mirrors);
        for (const [i, c] of consumers.entries()) if (c.eager) await sync(mirrors[i], c.client);
      }
      for (const [i, c] of consumers.entries()) {
        await sync(mirrors[i], c.client);
        await expectMirrorEqualsSource(mirrors[i], c.client, c.name);
      }
    }),
    { numRuns: 20, endOnFailure: true, examples: [[['public', 'shared'], EVERY_EVENT]] },
  );
  expect(runs).toBeGreaterThanOrEqual(20);
  // every kind of change was made and checked
  const { changes } = await readChanges(shared(), null);
  expect(new Set(changes.map((c) => c.event))).toEqual(new Set(['published', 'updated', 'unpublished', 'deleted']));
});
