// The whole table of callers × content actions × workflow states, through HTTP on a real
// database: who may read, edit, move through the workflow, list and search which items, and how
// everyone else is refused (401 anonymous, 403 forbidden / scope_missing, 404 what one may not
// see, 409 wrong state). A refused write changes nothing and leaves no success event in the audit log.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../helpers/app.js';
import { ALL_CHECKS, completeItem, DECLARE, topicIds } from '../helpers/content.js';
import { sampler } from '../helpers/matrix.js';

/**
 * Who calls. Agency A owns the items under test; B is another agency.
 * tokenA = contributor A's personal token with only read:public + read:shared;
 * clientA = OAuth client of A with read:public + read:shared + write:own;
 * clientPublic = OAuth client (also of A) with only read:public.
 */
const WHO = ['anonymous', 'admin', 'appraiser', 'security', 'contributorA', 'contributorB', 'reader', 'tokenA', 'clientA', 'clientPublic'] as const;
type Who = (typeof WHO)[number];
type Row<T> = readonly [T, T, T, T, T, T, T, T, T, T];
const at = <T>(row: Row<T>, who: Who): T => row[WHO.indexOf(who)];

/** `republishing` = published, then edited: a new draft revision while the old one stays online. */
const STATES = ['draft', 'submitted', 'returned', 'approved', 'published', 'republishing', 'unpublished', 'archived'] as const;
type StateName = (typeof STATES)[number];
type PerState<T> = readonly [T, T, T, T, T, T, T, T];
const inState = <T>(row: PerState<T>, s: StateName): T => row[STATES.indexOf(s)];
/** The workflow state each fixture is in, and whether a revision of it is online. */
const STATE_OF: Record<StateName, string> = {
  draft: 'draft',
  submitted: 'submitted',
  returned: 'returned',
  approved: 'approved',
  published: 'published',
  republishing: 'draft',
  unpublished: 'unpublished',
  archived: 'archived',
};
const ONLINE: PerState<boolean> = [false, false, false, false, true, true, false, false];

/** ok = 2xx; otherwise the exact refusal. */
const REFUSAL = {
  '401': [401, 'unauthenticated'],
  '403': [403, 'forbidden'],
  scp: [403, 'scope_missing'],
  '404': [404, 'not_found'],
  '409': [409, 'transition_not_allowed'],
  ned: [409, 'version_not_editable'],
  off: [409, 'not_online'],
  onl: [409, 'unpublish_first'],
} as const;
type Out = 'ok' | keyof typeof REFUSAL;
/** A write's first gate: the caller (route scope, policy) — `go` means the state decides. */
type Gate = Exclude<Out, 'ok' | '409' | 'ned' | 'off' | 'onl'> | 'go';

const WRITES = ['save', 'translate', 'submit', 'withdraw', 'archive', 'restore', 'return', 'approve', 'publish', 'unpublish'] as const;
type Write = (typeof WRITES)[number];
const TRANSITIONS = WRITES.filter((w) => w !== 'save' && w !== 'translate');

// prettier-ignore
/** Writes, by caller. Editors: the owning agency's contributors and clients with write:own, and appraisers. */
const WRITE_GATE: Record<Write, Row<Gate>> = {
  //            anon   admin  appr  sec    contrA contrB reader tokenA clientA clientPublic
  save:       ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  translate:  ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  submit:     ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  withdraw:   ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  archive:    ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  restore:    ['401', '403', 'go', '403', 'go',  '404', '403', 'scp', 'go',   'scp'],
  return:     ['401', '403', 'go', '403', '403', '404', '403', 'scp', '403',  'scp'],
  approve:    ['401', '403', 'go', '403', '403', '404', '403', 'scp', '403',  'scp'],
  publish:    ['401', '403', 'go', '403', '403', '404', '403', 'scp', '403',  'scp'],
  unpublish:  ['401', '403', 'go', '403', '403', '404', '403', 'scp', '403',  'scp'],
};

// prettier-ignore
/** Writes, by state, for a caller who passed the gate (workflow.ts: TRANSITIONS, EDITABLE_STATES). */
const BY_STATE: Record<Write, PerState<Out>> = {
  //            draft  subm   retd   appr   publ   repub  unpub  arch
  save:       ['ok',  'ned', 'ok',  'ok',  'ok',  'ok',  'ok',  'ned'],
  translate:  ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok' ],
  submit:     ['ok',  '409', 'ok',  '409', '409', 'ok',  '409', '409'],
  withdraw:   ['409', 'ok',  '409', '409', '409', '409', '409', '409'],
  archive:    ['ok',  '409', 'ok',  '409', '409', 'onl', 'ok',  '409'],
  restore:    ['409', '409', '409', '409', '409', '409', '409', 'ok' ],
  return:     ['409', 'ok',  '409', '409', '409', '409', '409', '409'],
  approve:    ['409', 'ok',  '409', '409', '409', '409', '409', '409'],
  publish:    ['409', '409', '409', 'ok',  '409', '409', '409', '409'],
  unpublish:  ['off', 'off', 'off', 'off', 'ok',  'ok',  '409', '409'],
};

/** The state after an allowed write (approve without publishAt publishes at once; editing what is approved/online starts a draft). */
const AFTER: Record<Write, (s: StateName) => string> = {
  save: (s) => (s === 'returned' ? 'returned' : 'draft'),
  translate: (s) => STATE_OF[s],
  submit: () => 'submitted',
  withdraw: () => 'draft',
  archive: () => 'archived',
  restore: () => 'draft',
  return: () => 'returned',
  approve: () => 'published',
  publish: () => 'published',
  unpublish: () => 'unpublished',
};

const writeOutcome = (w: Write, s: StateName, who: Who): Out => {
  const gate = at(WRITE_GATE[w], who);
  return gate === 'go' ? inState(BY_STATE[w], s) : gate;
};

// prettier-ignore
/** Reads and lists, by caller (a public item of agency A; B's row is a draft of agency B). */
const READ_GATE = {
  //                        anon   admin appr  sec   contrA contrB reader tokenA clientA clientPublic
  'working copy':         ['401', 'ok', 'ok', 'ok', 'ok',  '404', '404', 'ok',  'ok',   '404'],
  'history':              ['401', 'ok', 'ok', 'ok', 'ok',  '404', '404', 'ok',  'ok',   '404'],
  "B's working copy":     ['401', 'ok', 'ok', 'ok', '404', 'ok',  '404', '404', '404',  '404'],
  'list items':           ['401', 'ok', 'ok', 'ok', 'ok',  'ok',  '403', 'ok',  'ok',   '403'],
  'search working view':  ['401', 'ok', 'ok', 'ok', 'ok',  'ok',  '403', 'ok',  'ok',   '403'],
  'search published view':['ok',  'ok', 'ok', 'ok', 'ok',  'ok',  'ok',  'ok',  'ok',   'ok' ],
  'appraisal queue':      ['401', 'ok', 'ok', 'ok', '403', '403', '403', '403', '403',  '403'],
} as const satisfies Record<string, Row<Out>>;

// prettier-ignore
/** What does not depend on who asks, for a public item: online or not, queued or not. */
const BY_STATE_READ = {
  //                          draft  subm   retd   appr   publ   repub  unpub  arch
  'read published':         ['404', '404', '404', '404', 'ok',  'ok',  '404', '404'],
  'in the appraisal queue': [false, true,  false, false, false, false, false, false],
} as const;

const VIS = ['public of A', 'shared of A', 'internal of A', 'internal of B'] as const;
type Vis = (typeof VIS)[number];
// prettier-ignore
/** The published form by visibility (R6.3): public for all; shared for account holders and read:shared; internal for the owner and the DIC. */
const PUBLISHED_BY_VISIBILITY: Record<Vis, Row<'ok' | '404'>> = {
  //                  anon   admin appr  sec   contrA contrB reader tokenA clientA clientPublic
  'public of A':    ['ok',  'ok', 'ok', 'ok', 'ok',  'ok',  'ok',  'ok',  'ok',   'ok' ],
  'shared of A':    ['404', 'ok', 'ok', 'ok', 'ok',  'ok',  'ok',  'ok',  'ok',   '404'],
  'internal of A':  ['404', 'ok', 'ok', 'ok', 'ok',  '404', '404', 'ok',  'ok',   '404'],
  'internal of B':  ['404', 'ok', 'ok', 'ok', '404', 'ok',  '404', '404', '404',  '404'],
};

// prettier-ignore
/** The taxonomy: DIC appraisers and admins (policy.ts manageTaxonomy). */
const TOPIC_GATE = {
  //              anon   admin appr  sec    contrA contrB reader tokenA clientA clientPublic
  'create topic': ['401', 'ok', 'ok', '403', '403', '403', '403', 'scp', '403',  'scp'],
  'update topic': ['401', 'ok', 'ok', '403', '403', '403', '403', 'scp', '403',  'scp'],
} as const satisfies Record<string, Row<Out>>;

type Res = LightMyRequestResponse;
interface Built {
  /** the version as its author saw it last: what a refused write must leave alone */
  before: Snapshot;
  id: string;
  itemId: string;
  revisionId: string;
  text: { title: string; summary: string; body: string };
}
interface AuditEvent {
  seq: number;
  action: string;
  outcome: string;
  targetId: string | null;
}

let t: TestApp;
let topic: string;
let agencyA: string;
let agencyB: string;
let admin: SignedIn;
let appraiser: SignedIn;
let contributorA: SignedIn;
let contributorB: SignedIn;
const callers = {} as Record<Who, Client>;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  topic = (await topicIds(t))['du-lich-di-san-le-hoi'];
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'ubnd-phu-vang' });
  const press = await fixtureAgency(t, { slug: 'bao-thua-thien-hue' });
  admin = await signedIn(t, 'admin');
  appraiser = await signedIn(t, 'appraiser');
  contributorA = await signedIn(t, 'contributor', { agencyId: agencyA });
  contributorB = await signedIn(t, 'contributor', { agencyId: agencyB });
  callers.anonymous = new Client(t);
  callers.admin = admin.client;
  callers.appraiser = appraiser.client;
  callers.security = (await signedIn(t, 'security')).client;
  callers.contributorA = contributorA.client;
  callers.contributorB = contributorB.client;
  callers.reader = (await signedIn(t, 'reader', { agencyId: press })).client;

  const pat = await contributorA.client.post('/api/v1/tokens', { name: 'Đọc dữ liệu', scopes: ['read:public', 'read:shared'], acceptTerms: true });
  expect(pat.statusCode, pat.body).toBe(201);
  callers.tokenA = bearer(pat.json().secret);
  callers.clientA = await oauthClient(['read:public', 'read:shared', 'write:own']);
  callers.clientPublic = await oauthClient(['read:public']);
});
afterAll(() => t.close());

function bearer(token: string): Client {
  const c = new Client(t);
  c.bearer = token;
  return c;
}

/** Registered by an admin, token taken over HTTP as the system would (client credentials). */
async function oauthClient(scopes: string[]): Promise<Client> {
  const reg = await admin.client.post('/api/v1/api-clients', { name: `Hệ thống tin bài ${scopes.join(' ')}`, agencyId: agencyA, scopes, acceptTerms: true });
  expect(reg.statusCode, reg.body).toBe(201);
  const { client, clientSecret } = reg.json();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret }).toString(),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().scope).toBe(scopes.join(' '));
  return bearer(res.json().access_token);
}

/** A fresh item of the author's agency, driven to the wanted state by its author and an appraiser. */
async function build(state: StateName, over: { title?: string; visibility?: string; author?: SignedIn } = {}): Promise<Built> {
  const author = over.author ?? contributorA;
  const created = await author.client.post('/api/v1/items', completeItem(topic, { title: over.title, visibility: over.visibility }));
  expect(created.statusCode, created.body).toBe(201);
  let v = created.json();
  const step = async (who: SignedIn, name: string, body: object = {}) => {
    const res = await who.client.post(`/api/v1/item-versions/${v.id}/transitions/${name}`, body);
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    v = res.json();
  };
  if (state === 'archived') await step(author, 'archive');
  if (state !== 'draft' && state !== 'archived') await step(author, 'submit', DECLARE);
  if (state === 'returned') await step(appraiser, 'return', { comment: 'Cần ghi rõ nguồn ảnh.' });
  if (state === 'approved')
    await step(appraiser, 'approve', { checklist: ALL_CHECKS, publishAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString() });
  if (state === 'published' || state === 'republishing' || state === 'unpublished') await step(appraiser, 'approve', { checklist: ALL_CHECKS });
  if (state === 'unpublished') await step(appraiser, 'unpublish');
  if (state === 'republishing') {
    const res = await author.client.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revision.id,
      text: { ...v.text, title: `${v.text.title} banthaomoi` },
    });
    expect(res.statusCode, res.body).toBe(200);
    v = res.json();
  }
  expect({ state: v.state, online: v.online }).toEqual({ state: STATE_OF[state], online: inState(ONLINE, state) });
  if (state === 'approved') expect(v.scheduledAt).not.toBeNull();
  return { before: snapshotOf(v), id: v.id, itemId: v.itemId, revisionId: v.revision.id, text: v.text };
}

function expectOutcome(res: Res, out: Out) {
  if (out === 'ok') {
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return;
  }
  const [status, code] = REFUSAL[out];
  expect({ status: res.statusCode, code: res.json().code }, res.body).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}
const label = (out: Out) => (out === 'ok' ? '2xx' : REFUSAL[out].join(' '));

interface WorkingView {
  state: string;
  online: boolean;
  publishedRevisionId: string | null;
  scheduledAt: string | null;
  revision: { number: number };
  versions: Array<{ language: string }>;
  appraisals: unknown[];
}
type Snapshot = ReturnType<typeof snapshotOf>;
/** Of a working version: everything a refused write must leave alone. */
function snapshotOf(v: WorkingView) {
  return {
    state: v.state,
    revision: v.revision.number,
    online: v.online,
    publishedRevisionId: v.publishedRevisionId,
    scheduledAt: v.scheduledAt,
    languages: v.versions.map((x) => x.language).sort(),
    appraisals: v.appraisals.length,
  };
}
/** The version as an appraiser sees it now. */
async function snapshot(id: string): Promise<Snapshot> {
  const res = await appraiser.client.get(`/api/v1/item-versions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return snapshotOf(res.json());
}

async function auditHead(): Promise<number> {
  const res = await admin.client.get('/api/v1/audit-events?limit=1');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0]?.seq ?? 0;
}
/** Success events since `after`: about one target (as the audit log answers by targetId), or anywhere. */
async function successesSince(after: number, targetId?: string): Promise<AuditEvent[]> {
  const res = await admin.client.get(targetId ? `/api/v1/audit-events?targetId=${targetId}&limit=200` : '/api/v1/audit-events?outcome=success&limit=20');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as AuditEvent[]).filter((e) => e.seq > after && e.outcome === 'success');
}

const TRANSITION_BODY: Record<string, object> = {
  submit: DECLARE,
  return: { comment: 'Ảnh chưa ghi nguồn.' },
  approve: { checklist: ALL_CHECKS },
};
const EN_TEXT = {
  title: 'Hue Festival 2026 opens at the Imperial City',
  summary: 'The festival opens with a programme on the Perfume River.',
  body: '<p>Artists from many countries take part.</p>',
};

function runWrite(w: Write, c: Client, v: Built): Promise<Res> {
  if (w === 'save')
    return c.request('PUT', `/api/v1/item-versions/${v.id}`, {
      baseRevisionId: v.revisionId,
      text: { ...v.text, summary: `${v.text.summary} Cập nhật lịch biểu diễn.` },
    });
  if (w === 'translate') return c.post(`/api/v1/items/${v.itemId}/translations`, { language: 'en', text: EN_TEXT });
  return c.post(`/api/v1/item-versions/${v.id}/transitions/${w}`, TRANSITION_BODY[w] ?? {});
}

describe('writes: caller × action × state', () => {
  // On PostgreSQL: every outcome of each action, each caller and each state at least once (helpers/matrix.ts).
  const keep = sampler();
  // A refused write changes nothing (each refusal checks it below), so the refusals in one state
  // share one item; an allowed write gets an item of its own. Building an item takes up to six requests.
  const refusable = new Map<StateName, Promise<Built>>();
  const itemFor = (state: StateName, out: Out): Promise<Built> => {
    if (out === 'ok') return build(state);
    if (!refusable.has(state)) refusable.set(state, build(state, { title: `Bản tin từ chối ${state}` }));
    return refusable.get(state)!;
  };
  for (const w of WRITES) {
    describe(w, () => {
      for (const state of STATES) {
        for (const who of WHO) {
          const out = writeOutcome(w, state, who);
          if (!keep([w, out], [who, out], [state, out])) continue;
          it(`${state} · ${who} → ${label(out)}`, async () => {
            const v = await itemFor(state, out);
            const before = v.before;
            const head = await auditHead();
            const res = await runWrite(w, callers[who], v);
            expectOutcome(res, out);
            const after = await snapshot(v.id);
            if (out === 'ok') {
              expect(after.state).toBe(AFTER[w](state));
              if (w === 'save') expect(after.revision).toBe(before.revision + 1);
              if (w === 'translate') {
                expect(res.json()).toMatchObject({ language: 'en', state: 'draft', itemId: v.itemId });
                expect(after.languages).toEqual([...before.languages, 'en'].sort());
                expect((await successesSince(head, res.json().id)).map((e) => e.action)).toEqual(['item.translate']);
              } else {
                expect(res.json().state).toBe(AFTER[w](state));
                // Positive control for the refused-write check below: an allowed write does leave its success event.
                expect((await successesSince(head, v.id)).map((e) => e.action)).toContain(w === 'save' ? 'item.save' : `item.${w}`);
              }
            } else {
              expect(after).toEqual(before);
              expect(await successesSince(head, v.id)).toEqual([]);
              expect(await successesSince(head)).toEqual([]);
            }
          });
        }
      }
    });
  }
});

describe('reads, lists, search and the appraisal queue: caller × state', () => {
  const fixture = {} as Record<StateName, Built>;
  let draftOfB: Built;
  let publishedOfB: Built;

  beforeAll(async () => {
    for (const state of STATES) fixture[state] = await build(state, { title: `Bản tin matran ${state}` });
    draftOfB = await build('draft', { title: 'Bản tin matran phuvang', author: contributorB });
    publishedOfB = await build('published', { title: 'Bản tin matran phuvang congbo', author: contributorB });
  });

  const seesA = (who: Who) => at(READ_GATE['working copy'], who) === 'ok';
  const seesB = (who: Who) => at(READ_GATE["B's working copy"], who) === 'ok';

  for (const state of STATES) {
    describe(state, () => {
      for (const who of WHO) {
        const working = at(READ_GATE['working copy'], who);
        it(`working copy · ${who} → ${label(working)}`, async () => {
          const res = await callers[who].get(`/api/v1/item-versions/${fixture[state].id}`);
          expectOutcome(res, working);
          if (working !== 'ok') return;
          const v = res.json();
          expect({ state: v.state, online: v.online }).toEqual({ state: STATE_OF[state], online: inState(ONLINE, state) });
          // The buttons the app shows are the table's allowed cells, no more, no fewer.
          expect([...v.allowedTransitions].sort()).toEqual(TRANSITIONS.filter((n) => writeOutcome(n, state, who) === 'ok').sort());
          expect(v.canEdit).toBe(writeOutcome('save', state, who) === 'ok');
        });

        const history = at(READ_GATE.history, who);
        it(`history · ${who} → ${label(history)}`, async () => {
          const res = await callers[who].get(`/api/v1/item-versions/${fixture[state].id}/history`);
          expectOutcome(res, history);
          if (history !== 'ok') return;
          const h = res.json();
          expect(h.revisions.map((r: { number: number }) => r.number).sort()).toEqual(state === 'republishing' ? [1, 2] : [1]);
          expect(h.publishedRevisionId !== null).toBe(inState(ONLINE, state));
        });

        const published = inState(BY_STATE_READ['read published'], state);
        it(`published form · ${who} → ${label(published)}`, async () => {
          const res = await callers[who].get(`/api/v1/item-versions/${fixture[state].id}/published`);
          expectOutcome(res, published);
          if (published !== 'ok') return;
          // Online is the approved revision, never the draft made after it.
          expect(res.json()).toMatchObject({ id: fixture[state].id, revision: 1, title: `Bản tin matran ${state}` });
        });

        const list = at(READ_GATE['list items'], who);
        it(`list · ${who} → ${label(list)}${list === 'ok' ? (seesA(who) ? ', row shown' : ', row hidden') : ''}`, async () => {
          const res = await callers[who].get('/api/v1/items?q=matran&limit=200');
          expectOutcome(res, list);
          if (list !== 'ok') return;
          const rows = res.json().items as Array<{ id: string; agencyId: string }>;
          expect(rows.some((r) => r.id === fixture[state].id)).toBe(seesA(who));
          expect(rows.some((r) => r.id === draftOfB.id)).toBe(seesB(who));
          for (const r of rows) expect([...(seesA(who) ? [agencyA] : []), ...(seesB(who) ? [agencyB] : [])]).toContain(r.agencyId);
        });

        const sw = at(READ_GATE['search working view'], who);
        it(`search, working view · ${who} → ${label(sw)}${sw === 'ok' ? (seesA(who) ? ', row shown' : ', row hidden') : ''}`, async () => {
          const res = await callers[who].get('/api/v1/search?view=working&q=matran&limit=100');
          expectOutcome(res, sw);
          if (sw !== 'ok') return;
          const rows = res.json().items as Array<{ versionId: string; agencyId: string }>;
          expect(rows.some((r) => r.versionId === fixture[state].id)).toBe(seesA(who));
          expect(rows.some((r) => r.versionId === draftOfB.id)).toBe(seesB(who));
          for (const r of rows) expect([...(seesA(who) ? [agencyA] : []), ...(seesB(who) ? [agencyB] : [])]).toContain(r.agencyId);
        });

        const online = inState(ONLINE, state);
        it(`search, published view · ${who} → 2xx, row ${online ? 'shown' : 'hidden'}`, async () => {
          const res = await callers[who].get('/api/v1/search?q=matran&limit=100');
          expectOutcome(res, 'ok');
          const ids = (res.json().items as Array<{ versionId: string }>).map((r) => r.versionId);
          expect(ids.includes(fixture[state].id)).toBe(online);
          expect(ids).toContain(publishedOfB.id);
        });

        const queue = at(READ_GATE['appraisal queue'], who);
        const queued = inState(BY_STATE_READ['in the appraisal queue'], state);
        it(`appraisal queue · ${who} → ${label(queue)}${queue === 'ok' ? (queued ? ', row shown' : ', row hidden') : ''}`, async () => {
          // the whole queue: earlier tests of this file submit many versions at the same instant, and the
          // default page of 100 (oldest first, ties by random id) may end before the fixture
          const res = await callers[who].get('/api/v1/appraisal-queue?limit=500');
          expectOutcome(res, queue);
          if (queue !== 'ok') return;
          const rows = res.json().items as Array<{ id: string; state: string }>;
          expect(res.json().total).toBeLessThanOrEqual(500);
          expect(rows.some((r) => r.id === fixture[state].id)).toBe(queued);
          for (const r of rows) expect(r.state).toBe('submitted');
        });
      }
    });
  }

  describe("another agency's working copies", () => {
    for (const who of WHO) {
      const out = at(READ_GATE["B's working copy"], who);
      it(`B's draft · ${who} → ${label(out)}`, async () => {
        expectOutcome(await callers[who].get(`/api/v1/item-versions/${draftOfB.id}`), out);
        expectOutcome(await callers[who].get(`/api/v1/item-versions/${draftOfB.id}/history`), out);
      });
      if (at(READ_GATE['list items'], who) === 'ok') {
        it(`list · ${who}: asking for another agency's rows by filter gives nothing more`, async () => {
          const other = seesA(who) && !seesB(who) ? agencyB : !seesA(who) && seesB(who) ? agencyA : null;
          if (!other) return; // staff-wide: nothing is hidden from them
          const res = await callers[who].get(`/api/v1/items?agencyId=${other}&limit=200`);
          expectOutcome(res, 'ok');
          expect(res.json().items).toEqual([]);
          const search = await callers[who].get(`/api/v1/search?view=working&agencyId=${other}&limit=100`);
          expect(search.json().items).toEqual([]);
        });
      }
    }
  });

  describe('a published item edited again (republishing)', () => {
    it('the new draft is in the working view only; the published view keeps the approved text', async () => {
      const pub = await callers.anonymous.get('/api/v1/search?q=banthaomoi');
      expect(pub.json().items).toEqual([]);
      const working = await contributorA.client.get(`/api/v1/search?view=working&q=${encodeURIComponent('matran banthaomoi')}`);
      expect(working.json().items.map((r: { versionId: string }) => r.versionId)).toEqual([fixture.republishing.id]);
    });
  });
});

describe('published form by visibility: caller × visibility', () => {
  const fixture = {} as Record<Vis, Built>;
  const WORD: Record<Vis, string> = { 'public of A': 'viscongkhai', 'shared of A': 'vischiase', 'internal of A': 'visnoibo', 'internal of B': 'visnoibob' };

  beforeAll(async () => {
    fixture['public of A'] = await build('published', { title: `Bản tin ${WORD['public of A']}`, visibility: 'public' });
    fixture['shared of A'] = await build('published', { title: `Bản tin ${WORD['shared of A']}`, visibility: 'shared' });
    fixture['internal of A'] = await build('published', { title: `Bản tin ${WORD['internal of A']}`, visibility: 'internal' });
    fixture['internal of B'] = await build('published', { title: `Bản tin ${WORD['internal of B']}`, visibility: 'internal', author: contributorB });
  });

  for (const vis of VIS) {
    for (const who of WHO) {
      const out = at(PUBLISHED_BY_VISIBILITY[vis], who);
      it(`${vis} · ${who} → read ${label(out)}, search ${out === 'ok' ? 'shows' : 'hides'} it`, async () => {
        expectOutcome(await callers[who].get(`/api/v1/item-versions/${fixture[vis].id}/published`), out);
        // A list never shows what a read would refuse, nor hides what it allows.
        const res = await callers[who].get(`/api/v1/search?q=${WORD[vis]}`);
        expectOutcome(res, 'ok');
        expect((res.json().items as Array<{ versionId: string }>).map((r) => r.versionId)).toEqual(out === 'ok' ? [fixture[vis].id] : []);
      });
    }
  }
});

describe('taxonomy: caller × action', () => {
  async function newTopic() {
    const res = await appraiser.client.post('/api/v1/topics', { slug: `chu-de-${++seq}`, nameVi: `Chủ đề ${seq}`, nameEn: `Topic ${seq}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; slug: string; version: number; nameEn: string };
  }
  async function topicRow(id: string) {
    const res = await appraiser.client.get('/api/v1/topics?includeArchived=true');
    return (res.json().items as Array<{ id: string }>).find((x) => x.id === id);
  }
  async function topicsBySlug(slug: string) {
    return ((await appraiser.client.get('/api/v1/topics?includeArchived=true')).json().items as Array<{ slug: string }>).filter((x) => x.slug === slug);
  }

  for (const who of WHO) {
    const create = at(TOPIC_GATE['create topic'], who);
    it(`create topic · ${who} → ${label(create)}`, async () => {
      const slug = `chu-de-moi-${++seq}`;
      const head = await auditHead();
      const res = await callers[who].post('/api/v1/topics', { slug, nameVi: 'Ẩm thực Huế', nameEn: 'Hue cuisine' });
      expectOutcome(res, create);
      if (create === 'ok') {
        expect(res.json().slug).toBe(slug);
        expect((await successesSince(head, res.json().id)).map((e) => e.action)).toEqual(['topic.create']);
      } else {
        expect(await topicsBySlug(slug)).toEqual([]);
        expect(await successesSince(head)).toEqual([]);
      }
    });

    const update = at(TOPIC_GATE['update topic'], who);
    it(`update topic · ${who} → ${label(update)}`, async () => {
      const tp = await newTopic();
      const before = await topicRow(tp.id);
      const head = await auditHead();
      const res = await callers[who].patch(`/api/v1/topics/${tp.id}`, { version: tp.version, nameEn: 'Renamed topic' });
      expectOutcome(res, update);
      if (update === 'ok') {
        expect(res.json()).toMatchObject({ nameEn: 'Renamed topic', slug: tp.slug });
        expect((await successesSince(head, tp.id)).map((e) => e.action)).toEqual(['topic.update']);
      } else {
        expect(await topicRow(tp.id)).toEqual(before);
        expect(await successesSince(head, tp.id)).toEqual([]);
      }
    });
  }
});

describe('published history cannot be deleted', () => {
  for (const who of ['contributorA', 'appraiser', 'admin'] as const) {
    it(`there is no DELETE of a version or an item (${who} → 404)`, async () => {
      const v = await build('published');
      const before = await snapshot(v.id);
      const head = await auditHead();
      for (const url of [`/api/v1/item-versions/${v.id}`, `/api/v1/items/${v.itemId}`]) {
        const res = await callers[who].delete(url);
        expect(res.statusCode, res.body).toBe(404);
      }
      expect(await snapshot(v.id)).toEqual(before);
      expect((await callers.anonymous.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(200);
      expect(await successesSince(head)).toEqual([]);
    });
  }
});

describe('invariants the table alone does not show', () => {
  it('nothing stays online that an appraiser cannot take down: a draft over an online revision cannot be archived', async () => {
    const v = await build('republishing');
    const res = await contributorA.client.post(`/api/v1/item-versions/${v.id}/transitions/archive`, {});
    expectOutcome(res, 'onl'); // unpublish first — the appraiser's decision
    expect((await snapshot(v.id)).online).toBe(true);
    expectOutcome(await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/unpublish`, {}), 'ok');
    expectOutcome(await contributorA.client.post(`/api/v1/item-versions/${v.id}/transitions/archive`, {}), 'ok');
    expect((await snapshot(v.id)).online).toBe(false);
    expect((await callers.anonymous.get(`/api/v1/item-versions/${v.id}/published`)).statusCode).toBe(404);
  });

  it('a refusal for the wrong state says which transition and state, in both languages (no unfilled placeholders)', async () => {
    const v = await build('archived');
    for (const lang of ['en', 'vi']) {
      const res = await appraiser.client.post(`/api/v1/item-versions/${v.id}/transitions/publish`, {}, { 'accept-language': lang });
      expectOutcome(res, '409');
      const p = res.json();
      expect(p.errors[0].message).toMatch(/"publish".*"archived"/);
      expect(p.title).not.toMatch(/[{}]/);
    }
  });

  it("a staff member's token with only read:public reads only public items, and search agrees with the read", async () => {
    const pat = await admin.client.post('/api/v1/tokens', { name: 'Chỉ công khai', scopes: ['read:public'], acceptTerms: true });
    expect(pat.statusCode, pat.body).toBe(201);
    const token = bearer(pat.json().secret);
    const word = 'phamvitoken';
    const items = {
      public: await build('published', { title: `Bản tin ${word} congkhai`, visibility: 'public' }),
      shared: await build('published', { title: `Bản tin ${word} chiase`, visibility: 'shared' }),
      internal: await build('published', { title: `Bản tin ${word} noibo`, visibility: 'internal' }),
    };
    const found = ((await token.get(`/api/v1/search?q=${word}`)).json().items as Array<{ versionId: string }>).map((r) => r.versionId);
    const seen = {} as Record<string, { read: number; search: boolean }>;
    for (const [vis, v] of Object.entries(items)) {
      seen[vis] = { read: (await token.get(`/api/v1/item-versions/${v.id}/published`)).statusCode, search: found.includes(v.id) };
    }
    expect(seen).toEqual({ public: { read: 200, search: true }, shared: { read: 404, search: false }, internal: { read: 404, search: false } });
  });
});
