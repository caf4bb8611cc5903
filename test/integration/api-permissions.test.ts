// The open API's permission matrix (issue 6), through HTTP on a real database: callers (anonymous,
// OAuth clients of agency A with each scope set, an agency editor's personal token, the DIC) ×
// content of agency A and agency B in each visibility × operations (lists, search, the changes
// stream, single reads, every write). Lists and streams must agree with the single read; a refused
// write answers an exact status and code and changes no row. test/integration/content-matrix.test.ts
// holds caller × workflow state for agency A's items; this file adds the other agency, the
// read-only systems, the published list and the changes stream, media, and hostile input.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/transaction.js';
import * as content from '../../src/modules/content/service.js';
import { Client, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../helpers/content.js';
import { sampler } from '../helpers/matrix.js';
import { jpeg } from '../helpers/media-files.js';
import { createMediaTestApp, upload } from '../helpers/media.js';
import { oauthClient, readChanges, readPublished, workflow } from '../helpers/published.js';

/**
 * Who calls. Every credential but the DIC's belongs to agency A.
 * clientPublic = OAuth client with read:public; clientShared = read:public read:shared;
 * clientWriter = read:public read:shared write:own (an agency system that writes);
 * clientWriteOnly = read:public write:own (writes, without the exploit scope);
 * tokenA = personal token of an editor (contributor) of A with all the scopes the role holds;
 * admin, appraiser = the DIC, signed in (appraiser: the positive control of appraisal).
 */
const WHO = ['anonymous', 'clientPublic', 'clientShared', 'clientWriter', 'clientWriteOnly', 'tokenA', 'admin', 'appraiser'] as const;
type Who = (typeof WHO)[number];

const REFUSAL = {
  '401': [401, 'unauthenticated'],
  scp: [403, 'scope_missing'],
  '403': [403, 'forbidden'],
  '404': [404, 'not_found'],
} as const;
type Out = 'ok' | keyof typeof REFUSAL;
const label = (o: Out) => (o === 'ok' ? '2xx' : REFUSAL[o].join(' '));

const FIXTURES = ['A public', 'A shared', 'A internal', 'B public', 'B shared', 'B internal'] as const;
type Fixture = (typeof FIXTURES)[number];
type Six<T> = readonly [T, T, T, T, T, T];

// prettier-ignore
/**
 * Published content each caller may read (Y) — by GET /item-versions/{id}/published, GET
 * /published/{itemId}/{language}, and in GET /published, GET /changes and GET /search alike.
 * Public: everyone. Shared: read:shared. Internal: the owning agency's editors (people and systems
 * holding write:own) and the DIC — never a read-only system, never another agency.
 */
const PUBLISHED: Record<Who, Six<'Y' | '-'>> = {
  //                A pub A sh A int B pub B sh B int
  anonymous:       ['Y',  '-',  '-',  'Y',  '-',  '-'],
  clientPublic:    ['Y',  '-',  '-',  'Y',  '-',  '-'],
  clientShared:    ['Y',  'Y',  '-',  'Y',  'Y',  '-'],
  clientWriter:    ['Y',  'Y',  'Y',  'Y',  'Y',  '-'],
  clientWriteOnly: ['Y',  '-',  'Y',  'Y',  '-',  '-'],
  tokenA:          ['Y',  'Y',  'Y',  'Y',  'Y',  '-'],
  admin:           ['Y',  'Y',  'Y',  'Y',  'Y',  'Y'],
  appraiser:       ['Y',  'Y',  'Y',  'Y',  'Y',  'Y'],
};

// prettier-ignore
/**
 * Working copies (drafts, submissions, the editors' view of published items): GET
 * /item-versions/{id} of agency A's and agency B's versions, and whether the caller may list
 * them at all (GET /items, GET /search?view=working).
 */
const WORKING: Record<Who, readonly [a: Out, b: Out, list: Out]> = {
  //                A      B      list
  anonymous:       ['401', '401', '401'],
  clientPublic:    ['404', '404', '403'],
  clientShared:    ['404', '404', '403'],
  clientWriter:    ['ok',  '404', 'ok' ],
  clientWriteOnly: ['ok',  '404', 'ok' ],
  tokenA:          ['ok',  '404', 'ok' ],
  admin:           ['ok',  'ok',  'ok' ],
  appraiser:       ['ok',  'ok',  'ok' ],
};

const OPS = ['create', 'save', 'translate', 'submit', 'withdraw', 'archive', 'approve', 'publish', 'unpublish', 'upload media'] as const;
type Op = (typeof OPS)[number];
type Pair = readonly [a: Out, b: Out];

// prettier-ignore
/**
 * Writes on an item of agency A / of agency B, each in the state the operation starts from (so a
 * refusal is the caller's, never the state's). Another agency's items are "not found" (404) to
 * whoever may not read them; creating or uploading *into* another agency is 403 (agencies are no
 * secret). Appraisal (approve, publish, unpublish) is the DIC appraisers' alone: an agency system
 * never publishes what nobody appraised.
 */
const WRITES: Record<Op, Record<Who, Pair>> = {
  //                anonymous       clientPublic    clientShared    clientWriter    clientWriteOnly tokenA          admin           appraiser
  create:         { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '403'], clientWriteOnly: ['ok', '403'], tokenA: ['ok', '403'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  save:           { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '404'], clientWriteOnly: ['ok', '404'], tokenA: ['ok', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  translate:      { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '404'], clientWriteOnly: ['ok', '404'], tokenA: ['ok', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  submit:         { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '404'], clientWriteOnly: ['ok', '404'], tokenA: ['ok', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  withdraw:       { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '404'], clientWriteOnly: ['ok', '404'], tokenA: ['ok', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  archive:        { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '404'], clientWriteOnly: ['ok', '404'], tokenA: ['ok', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  approve:        { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['403', '404'], clientWriteOnly: ['403', '404'], tokenA: ['403', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  publish:        { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['403', '404'], clientWriteOnly: ['403', '404'], tokenA: ['403', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  unpublish:      { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['403', '404'], clientWriteOnly: ['403', '404'], tokenA: ['403', '404'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
  'upload media': { anonymous: ['401', '401'], clientPublic: ['scp', 'scp'], clientShared: ['scp', 'scp'], clientWriter: ['ok', '403'], clientWriteOnly: ['ok', '403'], tokenA: ['ok', '403'], admin: ['403', '403'], appraiser: ['ok', 'ok'] },
};

/** The state each operation starts from, and where an allowed one leaves the version. */
const FROM: Record<Op, { state: 'none' | 'draft' | 'submitted' | 'approved' | 'published'; after: string | null; status: number }> = {
  create: { state: 'none', after: 'draft', status: 201 },
  save: { state: 'draft', after: 'draft', status: 200 },
  translate: { state: 'draft', after: 'draft', status: 201 },
  submit: { state: 'draft', after: 'submitted', status: 200 },
  withdraw: { state: 'submitted', after: 'draft', status: 200 },
  archive: { state: 'draft', after: 'archived', status: 200 },
  approve: { state: 'submitted', after: 'published', status: 200 },
  publish: { state: 'approved', after: 'published', status: 200 },
  unpublish: { state: 'published', after: 'unpublished', status: 200 },
  'upload media': { state: 'none', after: null, status: 201 },
};

type Res = LightMyRequestResponse;
const EN_TEXT = {
  title: 'Hue Festival 2026 opens at the Imperial City',
  summary: 'The festival opens on the Perfume River.',
  body: '<p>Artists from many countries take part.</p>',
};

let t: TestApp & { dataDir: string };
let topic: string;
let agencyA: string;
let agencyB: string;
let appraiser: SignedIn;
let flow: ReturnType<typeof workflow>;
const callers = {} as Record<Who, Client>;
let seq = 0;

beforeAll(async () => {
  t = await createMediaTestApp();
  topic = (await topicIds(t))['du-lich-di-san-le-hoi'];
  flow = workflow(t, topic);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'ubnd-phu-vang' });
  appraiser = await signedIn(t, 'appraiser');
  const contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  const pat = await contributorA.client.post('/api/v1/tokens', {
    name: 'Kịch bản của biên tập viên',
    scopes: ['read:public', 'read:shared', 'write:own'],
    acceptTerms: true,
  });
  expect(pat.statusCode, pat.body).toBe(201);
  callers.anonymous = new Client(t);
  callers.clientPublic = await oauthClient(t, agencyA, ['read:public']);
  callers.clientShared = await oauthClient(t, agencyA, ['read:public', 'read:shared']);
  callers.clientWriter = await oauthClient(t, agencyA, ['read:public', 'read:shared', 'write:own']);
  callers.clientWriteOnly = await oauthClient(t, agencyA, ['read:public', 'write:own']);
  callers.tokenA = new Client(t);
  callers.tokenA.bearer = pat.json().secret;
  callers.admin = (await signedIn(t, 'admin')).client;
  callers.appraiser = appraiser.client;
});
afterAll(() => t.close());

function expectOutcome(res: Res, out: Out, okStatus?: number) {
  if (out === 'ok') {
    if (okStatus) expect(res.statusCode, res.body).toBe(okStatus);
    else expect(res.statusCode >= 200 && res.statusCode < 300, res.body).toBe(true);
    return;
  }
  const [status, code] = REFUSAL[out];
  expect({ status: res.statusCode, code: res.json().code }, res.body).toEqual({ status, code });
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
}

/** Every row a refused request could have touched: counts, and a digest of every language version's state. */
async function fingerprint() {
  const rows = rowsOf<Record<string, unknown>>(
    await t.db.handle.db.execute(sql`SELECT
      (SELECT count(*) FROM items)::int AS items,
      (SELECT count(*) FROM revisions)::int AS revisions,
      (SELECT count(*) FROM appraisals)::int AS appraisals,
      (SELECT count(*) FROM media)::int AS media,
      (SELECT count(*) FROM public_changes)::int AS changes,
      (SELECT count(*) FROM audit_events WHERE outcome = 'success')::int AS audited,
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, state, version, working_revision_id, published_revision_id, scheduled_at, submitted_at, updated_at, visibility, title, agency_id), ',' ORDER BY id), ''))
         FROM item_versions) AS versions`),
  );
  return rows[0];
}

describe('reads: caller × visibility × agency', () => {
  const fx = {} as Record<Fixture, { itemId: string; versionId: string }>;
  const drafts = {} as Record<'A' | 'B', { itemId: string; versionId: string }>;
  const WORD = 'mtqphep';

  beforeAll(async () => {
    for (const name of FIXTURES) {
      const [agency, visibility] = name.split(' ');
      fx[name] = await flow.create(agency === 'A' ? agencyA : agencyB, { title: `Bản tin ${WORD} ${agency}${visibility}`, visibility });
    }
    drafts.A = await flow.create(agencyA, { title: `Bản nháp ${WORD} A` }, { draft: true });
    drafts.B = await flow.create(agencyB, { title: `Bản nháp ${WORD} B` }, { draft: true });
  });

  const expected = (who: Who) => FIXTURES.filter((_, i) => PUBLISHED[who][i] === 'Y');
  const idsOf = (names: readonly Fixture[]) => names.map((n) => fx[n].versionId).sort();
  const ours = (ids: string[]) => ids.filter((id) => FIXTURES.some((n) => fx[n].versionId === id)).sort();

  for (const who of WHO) {
    describe(who, () => {
      for (const [i, name] of FIXTURES.entries()) {
        const out: Out = PUBLISHED[who][i] === 'Y' ? 'ok' : '404';
        it(`published ${name} → ${label(out)} (by version and by item/language)`, async () => {
          expectOutcome(await callers[who].get(`/api/v1/item-versions/${fx[name].versionId}/published`), out, 200);
          expectOutcome(await callers[who].get(`/api/v1/published/${fx[name].itemId}/vi`), out, 200);
        });
      }

      it(`GET /published, /changes and /search list exactly what the reads allow: ${expected(who).join(', ')}`, async () => {
        const want = idsOf(expected(who));
        expect(ours((await readPublished(callers[who])).map((r) => r.id as string))).toEqual(want);
        const { changes } = await readChanges(callers[who], null);
        const live = new Set<string>();
        for (const c of changes) {
          if (c.event === 'published' || c.event === 'updated') live.add(c.versionId);
          else live.delete(c.versionId);
        }
        expect(ours([...live])).toEqual(want);
        const search = await callers[who].get(`/api/v1/search?q=${WORD}&limit=100`);
        expect(search.statusCode, search.body).toBe(200);
        expect(ours(search.json().items.map((r: { versionId: string }) => r.versionId))).toEqual(want);
        // Asking for another agency by filter gives nothing more than the scope allows.
        const ofB = await readPublished(callers[who], { agencyId: agencyB });
        expect(ours(ofB.map((r) => r.id as string))).toEqual(want.filter((id) => FIXTURES.some((n) => n.startsWith('B') && fx[n].versionId === id)));
      });

      const [a, b, list] = WORKING[who];
      it(`working copies: A → ${label(a)}, B → ${label(b)} (drafts and published items alike)`, async () => {
        for (const v of [drafts.A, fx['A public'], fx['A internal']]) {
          expectOutcome(await callers[who].get(`/api/v1/item-versions/${v.versionId}`), a, 200);
          expectOutcome(await callers[who].get(`/api/v1/item-versions/${v.versionId}/history`), a, 200);
        }
        for (const v of [drafts.B, fx['B public'], fx['B internal']]) {
          expectOutcome(await callers[who].get(`/api/v1/item-versions/${v.versionId}`), b, 200);
          expectOutcome(await callers[who].get(`/api/v1/item-versions/${v.versionId}/history`), b, 200);
        }
      });

      it(`GET /items and /search?view=working → ${label(list)}, rows of the agencies whose working copies it reads`, async () => {
        const res = await callers[who].get(`/api/v1/items?q=${WORD}&limit=200`);
        expectOutcome(res, list, 200);
        const sw = await callers[who].get(`/api/v1/search?view=working&q=${WORD}&limit=100`);
        expectOutcome(sw, list, 200);
        if (list !== 'ok') return;
        const agencies = [...(a === 'ok' ? [agencyA] : []), ...(b === 'ok' ? [agencyB] : [])].sort();
        const rows = res.json().items as Array<{ agencyId: string }>;
        expect([...new Set(rows.map((r) => r.agencyId))].sort()).toEqual(agencies);
        expect([...new Set((sw.json().items as Array<{ agencyId: string }>).map((r) => r.agencyId))].sort()).toEqual(agencies);
        if (b !== 'ok') {
          expect((await callers[who].get(`/api/v1/items?agencyId=${agencyB}`)).json().items).toEqual([]);
          expect((await callers[who].get(`/api/v1/search?view=working&agencyId=${agencyB}`)).json().items).toEqual([]);
        }
      });
    });
  }
});

describe('writes: caller × operation × agency', () => {
  interface Target {
    id: string;
    itemId: string;
    revisionId: string;
    text: { title: string; summary: string; body: string };
  }
  const future = () => new Date(t.clock.now().getTime() + 30 * 86_400_000);

  /** A fresh item of the agency in the state the operation starts from, made by the use cases as the system actor. */
  async function target(agencyId: string, state: (typeof FROM)[Op]['state']): Promise<Target | null> {
    if (state === 'none') return null;
    const v = await content.createItem(t.system, { ...completeItem(topic, { title: `Bản tin ghi ${++seq}` }), agencyId } as Parameters<
      typeof content.createItem
    >[1]);
    if (state !== 'draft') await content.transition(t.system, v.id, 'submit', DECLARE);
    if (state === 'approved') await content.transition(t.system, v.id, 'approve', { checklist: ALL_CHECKS, publishAt: future() });
    if (state === 'published') await content.transition(t.system, v.id, 'approve', { checklist: ALL_CHECKS });
    const w = await content.getWorkingVersion(t.system, v.id);
    return { id: v.id, itemId: v.itemId, revisionId: w.revision.id, text: w.text };
  }

  async function run(op: Op, c: Client, agencyId: string, v: Target | null): Promise<Res> {
    const step = (name: string, body: object = {}) => c.post(`/api/v1/item-versions/${v!.id}/transitions/${name}`, body);
    switch (op) {
      case 'create':
        return c.post('/api/v1/items', completeItem(topic, { agencyId, title: `Bản tin mới ${++seq}` }));
      case 'save':
        return c.request('PUT', `/api/v1/item-versions/${v!.id}`, { baseRevisionId: v!.revisionId, text: { ...v!.text, title: `${v!.text.title} (sửa)` } });
      case 'translate':
        return c.post(`/api/v1/items/${v!.itemId}/translations`, { language: 'en', text: EN_TEXT });
      case 'submit':
        return step('submit', DECLARE);
      case 'approve':
        return step('approve', { checklist: ALL_CHECKS });
      case 'upload media':
        return upload(c, await jpeg({ width: 32, height: 24, seed: ++seq }), `anh-${seq}.jpg`, { agencyId, contentType: 'image/jpeg' });
      default:
        return step(op);
    }
  }

  // On PostgreSQL: every outcome of each operation, of each caller and on each agency at least once (helpers/matrix.ts).
  const keep = sampler();
  for (const op of OPS) {
    describe(op, () => {
      for (const who of WHO) {
        for (const [i, agency] of (['A', 'B'] as const).entries()) {
          const out = WRITES[op][who][i];
          if (!keep([op, out], [who, out], [agency, out])) continue;
          it(`${who} on agency ${agency}'s → ${label(out)}`, async () => {
            const agencyId = agency === 'A' ? agencyA : agencyB;
            const v = await target(agencyId, FROM[op].state);
            const before = await fingerprint();
            const res = await run(op, callers[who], agencyId, v);
            expectOutcome(res, out, FROM[op].status);
            if (out !== 'ok') {
              expect(await fingerprint()).toEqual(before);
              return;
            }
            const body = res.json();
            if (op === 'upload media') {
              expect(body).toMatchObject({ agencyId, kind: 'image' });
              return;
            }
            expect(body).toMatchObject({ agencyId, state: FROM[op].after });
            if (op === 'translate') expect(body).toMatchObject({ language: 'en', itemId: v!.itemId });
            // What the answer says is what is stored.
            expect((await content.getWorkingVersion(t.system, body.id)).version.state).toBe(FROM[op].after);
          });
        }
      }
    });
  }

  describe('there is no delete: published history is kept (archive is the editors’ way out)', () => {
    for (const who of WHO) {
      it(`${who}: DELETE of an item or a version → 404 (anonymous: 401), nothing changes`, async () => {
        const v = (await target(agencyA, 'draft'))!;
        const before = await fingerprint();
        for (const url of [`/api/v1/items/${v.itemId}`, `/api/v1/item-versions/${v.id}`]) {
          const res = await callers[who].delete(url);
          expectOutcome(res, who === 'anonymous' ? '401' : '404');
        }
        expect(await fingerprint()).toEqual(before);
      });
    }
  });
});

describe('an agency system writing through the API (write:own)', () => {
  const writer = () => callers.clientWriter;

  it('creates in its own agency by default, updates, translates and submits: the item waits for appraisal, unseen outside', async () => {
    const created = await writer().post('/api/v1/items', completeItem(topic, { title: 'Hệ thống sở ghi bài thienmu' }));
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({ agencyId: agencyA, state: 'draft', online: false, canEdit: true });
    expect([...v.allowedTransitions].sort()).toEqual(['archive', 'submit']);

    const saved = await writer().request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revision.id,
      text: { ...v.text, summary: 'Chùa Thiên Mụ bên sông Hương.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().revision.number).toBe(2);
    // a stale base revision is a conflict, not an overwrite
    const stale = await writer().request('PUT', `/api/v1/item-versions/${v.id}`, { baseRevisionId: v.revision.id, text: v.text });
    expect({ status: stale.statusCode, code: stale.json().code }).toEqual({ status: 409, code: 'stale_revision' });

    const en = await writer().post(`/api/v1/items/${v.itemId}/translations`, { language: 'en', text: { ...EN_TEXT, title: 'Agency system writes thienmu' } });
    expect(en.statusCode, en.body).toBe(201);
    for (const id of [v.id, en.json().id]) {
      const res = await writer().post(`/api/v1/item-versions/${id}/transitions/submit`, DECLARE);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'submitted', online: false, publishedRevisionId: null, allowedTransitions: ['withdraw'] });
    }

    // It cannot appraise its own work.
    for (const name of ['approve', 'publish', 'return']) {
      const res = await writer().post(
        `/api/v1/item-versions/${v.id}/transitions/${name}`,
        name === 'approve' ? { checklist: ALL_CHECKS } : name === 'return' ? { comment: 'x' } : {},
      );
      expect({ name, status: res.statusCode, code: res.json().code }).toEqual({ name, status: 403, code: 'forbidden' });
    }
    // Nothing is online: not to anonymous readers, not even to the system itself.
    for (const c of [callers.anonymous, callers.clientShared, writer()]) {
      expect((await c.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/published/${v.itemId}/vi`)).statusCode).toBe(404);
      expect((await c.get('/api/v1/search?q=thienmu')).json().items).toEqual([]);
    }
    expect((await readPublished(callers.anonymous)).some((r) => r.itemId === v.itemId)).toBe(false);
    // It follows the state of what it wrote; the DIC sees it in the appraisal queue.
    const mine = (await writer().get('/api/v1/items?state=submitted&q=thienmu')).json().items as Array<{ id: string }>;
    expect(mine.map((r) => r.id).sort()).toEqual([v.id, en.json().id].sort());
    const queue = (await appraiser.client.get('/api/v1/appraisal-queue')).json().items as Array<{ id: string }>;
    expect(queue.map((r) => r.id)).toEqual(expect.arrayContaining([v.id, en.json().id]));

    // A DIC appraiser approves: online for everyone, in both languages.
    for (const id of [v.id, en.json().id]) {
      const res = await appraiser.client.post(`/api/v1/item-versions/${id}/transitions/approve`, { checklist: ALL_CHECKS });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await callers.anonymous.get(`/api/v1/published/${v.itemId}/en`)).json().title).toBe('Agency system writes thienmu');
    expect((await writer().get(`/api/v1/item-versions/${v.id}`)).json()).toMatchObject({ state: 'published', online: true });
  });

  it('a returned item comes back to the system with the comment; it edits and submits again', async () => {
    const v = (await writer().post('/api/v1/items', completeItem(topic, { title: 'Bài bị trả lại' }))).json();
    expect((await writer().post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE)).statusCode).toBe(200);
    const back = await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/return`, { comment: 'Cần ghi rõ nguồn ảnh.' });
    expect(back.statusCode, back.body).toBe(200);
    const seen = (await writer().get(`/api/v1/item-versions/${v.id}`)).json();
    expect(seen).toMatchObject({ state: 'returned', allowedTransitions: expect.arrayContaining(['submit']) });
    expect(seen.appraisals.map((a: { decision: string; comment: string }) => [a.decision, a.comment])).toEqual([['return', 'Cần ghi rõ nguồn ảnh.']]);
    const fixed = await writer().request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: seen.revision.id,
      text: { ...seen.text, body: '<p>Ảnh: Sở Du lịch.</p>' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await writer().post(`/api/v1/item-versions/${v.id}/transitions/submit`, DECLARE)).json().state).toBe('submitted');
  });

  it("cannot point its item at another agency's media, nor read another agency's library", async () => {
    const mediaB = await upload(appraiser.client, await jpeg({ width: 32, height: 24, seed: 9001 }), 'anh-b.jpg', { agencyId: agencyB });
    expect(mediaB.statusCode, mediaB.body).toBe(201);
    const id = mediaB.json().id;
    const before = await fingerprint();
    const res = await writer().post('/api/v1/items', { ...completeItem(topic), metadata: { ...completeItem(topic).metadata, media: [{ mediaId: id }] } });
    expect({ status: res.statusCode, errors: res.json().errors?.map((e: { field: string; code: string }) => `${e.field}:${e.code}`) }).toEqual({
      status: 400,
      errors: ['metadata/media/0/mediaId:media_not_found'],
    });
    expect(await fingerprint()).toEqual(before);
    const library = await writer().get(`/api/v1/media?agencyId=${agencyB}`);
    expect({ status: library.statusCode, code: library.json().code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await writer().get(`/api/v1/media/${id}/usage`)).statusCode).toBe(404);
    const patch = await writer().patch(`/api/v1/media/${id}`, { version: 1, alt: { vi: 'x' } });
    expect(patch.statusCode, patch.body).toBe(404);
    expect((await writer().delete(`/api/v1/media/${id}`)).statusCode).toBe(404);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('hostile and malformed input: a clear 4xx problem, never a 500, nothing changed', () => {
  let draft: { versionId: string; itemId: string };
  beforeAll(async () => {
    draft = await flow.create(agencyA, { title: 'Bản nháp đầu vào xấu' }, { draft: true });
  });

  const writes = () => [
    ['POST', '/api/v1/items'],
    ['PUT', `/api/v1/item-versions/${draft.versionId}`],
    ['POST', `/api/v1/items/${draft.itemId}/translations`],
    ['POST', `/api/v1/item-versions/${draft.versionId}/transitions/submit`],
  ];

  function expectProblem(res: Res, status: number, code?: string) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    if (code) expect(res.json().code).toBe(code);
    expect(res.body).not.toMatch(/SELECT |syntax error|stack|\.ts:\d+|\.js:\d+/);
  }

  it('malformed JSON → 400 bad_json; another content type → 415; for the agency system as for everyone', async () => {
    const before = await fingerprint();
    for (const [method, url] of writes()) {
      for (const payload of ['{"kind": ', "{'kind': 'news'}", '{"a":1}}', '']) {
        const res = await callers.clientWriter.request(method, url, payload, { 'content-type': 'application/json' });
        if (payload === '' && res.statusCode === 400 && res.json().errors?.[0]?.code !== 'bad_json') {
          // an empty body is a missing body: refused by the schema
          expectProblem(res, 400, 'invalid');
          continue;
        }
        expectProblem(res, 400, 'invalid');
        expect(res.json().errors, `${method} ${url} ${payload}`).toEqual([expect.objectContaining({ field: '(body)', code: 'bad_json' })]);
      }
      for (const [type, payload] of [
        ['text/plain', '{"kind":"news"}'],
        ['application/xml', '<item/>'],
        ['application/x-www-form-urlencoded', 'kind=news'],
        ['multipart/form-data; boundary=x', '--x--'],
      ]) {
        expectProblem(await callers.clientWriter.request(method, url, payload, { 'content-type': type }), 415, 'unsupported_media_type');
      }
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('oversized pages are refused naming limit, on every list', async () => {
    for (const url of ['/api/v1/items', '/api/v1/published', '/api/v1/changes', '/api/v1/search', '/api/v1/search?view=working', '/api/v1/media']) {
      for (const limit of ['100000', '0', '-1', '1e9', '9'.repeat(30)]) {
        const res = await callers.clientWriter.get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}`);
        expectProblem(res, 400, 'invalid');
        expect(
          res.json().errors.map((e: { field: string }) => e.field.replace(/^querystring\//, '')),
          `${url} ${limit}`,
        ).toContain('limit');
      }
    }
  });

  it('invalid and forged cursors of GET /items → 400 naming cursor', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const forged = [
      'abc',
      '%00',
      b64('2026-03-01T00:00:00.000Z'),
      b64("2026-03-01T00:00:00.000Z|' OR '1'='1"),
      b64('not a date|00000000-0000-4000-8000-000000000000'),
      b64(`2026-03-01T00:00:00.000Z|${'-'.repeat(36)}`),
      b64(`2026-03-01T00:00:00.000Z|${'0'.repeat(36)}`),
      b64('-271821-04-20T00:00:00.000Z|00000000-0000-4000-8000-000000000000'),
      b64('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000'),
      b64('0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000'),
      'A'.repeat(201),
    ];
    const before = await fingerprint();
    for (const cursor of forged) {
      const res = await callers.clientWriter.get(`/api/v1/items?cursor=${encodeURIComponent(cursor)}`);
      expectProblem(res, 400, 'invalid');
      expect(
        res.json().errors.map((e: { field: string }) => e.field.replace(/^querystring\//, '')),
        cursor,
      ).toContain('cursor');
    }
    expect(await fingerprint()).toEqual(before);
  });

  const INJECTIONS = [
    "' OR '1'='1",
    '1; DROP TABLE item_versions;--',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '%',
    '_',
    '\\',
    '${7*7}',
    '../../etc/passwd',
    'vi\u0000',
  ];
  const FILTERS: Record<string, string[]> = {
    // free text: SQL and markup are words to look for (found nowhere), never syntax
    '/api/v1/items': ['agencyId', 'kind', 'state', 'language', 'topicId', 'cursor', 'limit', 'q'],
    '/api/v1/search': ['view', 'kind', 'language', 'agencyId', 'topicId', 'year', 'page', 'limit', 'q'],
    '/api/v1/search?view=working': ['kind', 'language', 'agencyId', 'topicId', 'year', 'page', 'limit', 'q'],
  };

  for (const [path, params] of Object.entries(FILTERS)) {
    it(`${path}: SQL and script in every filter → 400 naming it (q: 200, no match), for every caller that may list`, async () => {
      const before = await fingerprint();
      const sep = path.includes('?') ? '&' : '?';
      for (const who of ['clientWriter', 'admin', ...(path === '/api/v1/search' ? (['anonymous'] as const) : [])] as const) {
        for (const param of params) {
          for (const value of INJECTIONS) {
            const res = await callers[who].get(`${path}${sep}${param}=${encodeURIComponent(value)}`);
            const what = `${who} ${path} ${param}=${JSON.stringify(value)}`;
            expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(500);
            if (param === 'q') {
              // \0 cannot be stored in PostgreSQL text: refused as a bad value rather than matched
              if (value.includes('\u0000')) {
                expectProblem(res, 400, 'invalid');
                continue;
              }
              expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
              expect(res.json().items, what).toEqual([]);
              continue;
            }
            expectProblem(res, 400, 'invalid');
            const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field.replace(/^querystring\//, ''));
            expect(fields, what).toContain(param);
          }
        }
      }
      // Unknown parameters are refused, not ignored.
      for (const q of ['page=2', 'sort=title', 'orderBy=1;DROP', '__proto__=x']) {
        if (path.startsWith('/api/v1/search') && q === 'page=2') continue;
        expectProblem(await callers.clientWriter.get(`${path}${sep}${q}`), 400, 'invalid');
      }
      expect(await fingerprint()).toEqual(before);
    });
  }

  it('ids in paths: anything but a UUID → 400, a UUID of nothing → 404; for reads and writes', async () => {
    const before = await fingerprint();
    for (const bad of ["1' OR '1'='1", '<script>', '..%2F..%2Fetc', '00000000-0000-0000-0000-00000000000g']) {
      const id = encodeURIComponent(bad);
      for (const [method, url] of [
        ['GET', `/api/v1/item-versions/${id}`],
        ['GET', `/api/v1/item-versions/${id}/published`],
        ['PUT', `/api/v1/item-versions/${id}`],
        ['POST', `/api/v1/items/${id}/translations`],
        ['POST', `/api/v1/item-versions/${id}/transitions/submit`],
      ]) {
        const res = await callers.clientWriter.request(method, url, method === 'GET' ? undefined : {});
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      }
    }
    const nothing = '00000000-0000-4000-8000-000000000000';
    expect((await callers.clientWriter.get(`/api/v1/item-versions/${nothing}`)).statusCode).toBe(404);
    expect((await callers.clientWriter.post(`/api/v1/items/${nothing}/translations`, { language: 'en', text: EN_TEXT })).statusCode).toBe(404);
    expect(
      (await callers.clientWriter.post(`/api/v1/item-versions/${draft.versionId}/transitions/${encodeURIComponent("submit' --")}`, DECLARE)).statusCode,
    ).toBe(400);
    expect(await fingerprint()).toEqual(before);
  });

  it('script in written text is stored sanitised; an agencyId that is not a UUID, or of no agency, is refused', async () => {
    const before = await fingerprint();
    const bad = await callers.clientWriter.post('/api/v1/items', completeItem(topic, { agencyId: "' OR 1=1 --" }));
    expectProblem(bad, 400, 'invalid');
    const none = await callers.clientWriter.post('/api/v1/items', completeItem(topic, { agencyId: '00000000-0000-4000-8000-000000000000' }));
    expectProblem(none, 403, 'forbidden');
    expect(await fingerprint()).toEqual(before);
    const res = await callers.clientWriter.post(
      '/api/v1/items',
      completeItem(topic, {
        title: "Tin <script>alert(1)</script> '; DROP TABLE items;--",
        body: '<p onclick="alert(1)">Huế<script>alert(2)</script></p><img src=x onerror=alert(3)>',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v.text.title).toBe("Tin <script>alert(1)</script> '; DROP TABLE items;--"); // a title is plain text, escaped where shown
    expect(v.text.body).not.toMatch(/script|onclick|onerror/);
    expect(v.text.body).toContain('Huế');
  });
});
