// Webhooks end to end on a real database, with a real HTTP receiver on loopback: registration and
// refusals, signed deliveries of the changes each subscriber may read, retries on the test clock.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, fixtureAgency, signedIn, type SignedIn, type TestApp } from '../../../test/helpers/app.js';
import { topicIds } from '../../../test/helpers/content.js';
import { oauthClient, openApiValidator, workflow } from '../../../test/helpers/published.js';
import { startJobs } from '../../jobs/runner.js';
import { ROLE_SCOPES } from '../../core/actor.js';
import type { Context } from '../../core/context.js';
import * as accounts from '../accounts/service.js';
import { listAuditEvents } from '../audit/service.js';
import { listMyNotifications } from '../notifications/service.js';
import {
  dispatchWebhooks,
  getSubscription,
  listDeliveries,
  redeliver,
  RETRY_DELAYS_MS,
  sendDueWebhooks,
  signPayload,
  updateSubscription,
  verifySignature,
} from './service.js';
import { postSigned } from './sender.js';
import { isPublicAddress, literalTargetRefusal } from './target.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: TestApp;
let flow: ReturnType<typeof workflow>;
let agencyA: string;
let agencyB: string;
let publicClient: Client;
let sharedClient: Client;
let otherClient: Client;
let reader: SignedIn;
let admin: SignedIn;
let validate: Awaited<ReturnType<typeof openApiValidator>>;
let server: Server;
let base: string;
const received: Received[] = [];
/** statuses the receiver answers on a path, in order (then 200) */
const answers = new Map<string, number[]>();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answers.get(path)?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // the receiver is on loopback: allowed here as an operator allows an internal network; the refusal is tested below
  t = await createTestApp({ PUBLIC_URL: 'https://ttdn.test', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  flow = workflow(t, (await topicIds(t))['du-lich-di-san-le-hoi']);
  agencyA = await fixtureAgency(t, { slug: 'so-du-lich' });
  agencyB = await fixtureAgency(t, { slug: 'so-ngoai-vu' });
  publicClient = await oauthClient(t, agencyB, ['read:public']);
  sharedClient = await oauthClient(t, agencyB, ['read:public', 'read:shared']);
  otherClient = await oauthClient(t, agencyB, ['read:public']);
  reader = await signedIn(t, 'reader', { agencyId: agencyB });
  admin = await signedIn(t, 'admin');
  validate = await openApiValidator(t);
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
});

async function subscribe(c: Client, path: string, events = ['published', 'updated', 'unpublished', 'deleted']) {
  const res = await c.post('/api/v1/webhooks', { url: `${base}${path}`, events });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; url: string };
}
const at = (path: string) => received.filter((r) => r.path === path);
/** bodies received on a path in stream order (deliveries are sent in parallel: arrival order is not guaranteed) */
const bodies = (path: string) =>
  at(path)
    .map((r) => JSON.parse(r.body) as Record<string, unknown>)
    .sort((a, b) => Number(a.seq) - Number(b.seq));
async function run() {
  await dispatchWebhooks(t.system);
  return sendDueWebhooks(t.system, 100);
}

describe('signed deliveries', () => {
  it('a published change reaches the receiver, signed as documented; a wrong secret does not verify', async () => {
    const sub = await subscribe(publicClient, '/sig');
    expect(sub.secret).toMatch(/^whsec_/);
    const { itemId, versionId } = await flow.create(agencyA);
    await run();
    const [got] = at('/sig');
    expect(got).toBeDefined();
    const ts = Number(got.headers['webhook-timestamp']);
    expect(ts).toBe(Math.floor(t.clock.now().getTime() / 1000));
    const sig = String(got.headers['webhook-signature']);
    expect(sig).toBe(signPayload(sub.secret, ts, got.body));
    expect(verifySignature(sub.secret, sig, ts, got.body, ts + 10)).toBe(true);
    expect(verifySignature('whsec_wrong', sig, ts, got.body, ts)).toBe(false);
    expect(verifySignature(sub.secret, sig, ts, got.body, ts + 3600)).toBe(false); // too old
    expect(verifySignature(sub.secret, sig, ts, got.body.replace('published', 'unpublished'), ts)).toBe(false);
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ type: 'change', event: 'published', itemId, versionId, language: 'vi', subscriptionId: sub.id });
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.links.published).toBe(`https://ttdn.test/api/v1/item-versions/${versionId}/published`);
    const log = await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`);
    validate('/api/v1/webhooks/{id}/deliveries', log);
    expect(log.json().items[0]).toMatchObject({ id: got.headers['webhook-id'], status: 'delivered', attempts: 1, lastStatus: 200 });
    // the secret is never shown again
    const one = await publicClient.get(`/api/v1/webhooks/${sub.id}`);
    validate('/api/v1/webhooks/{id}', one);
    expect(one.json().secret).toBeUndefined();
  });

  it('rotation gives a new secret that signs the next delivery; a test ping is signed too', async () => {
    const sub = await subscribe(publicClient, '/rotate');
    const rotated = await publicClient.post(`/api/v1/webhooks/${sub.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret as string;
    expect(secret).not.toBe(sub.secret);
    const ping = await publicClient.post(`/api/v1/webhooks/${sub.id}/ping`);
    expect(ping.json()).toMatchObject({ ok: true, status: 200, error: null });
    const [got] = at('/rotate');
    expect(JSON.parse(got.body)).toMatchObject({ type: 'ping' });
    expect(
      verifySignature(
        secret,
        String(got.headers['webhook-signature']),
        Number(got.headers['webhook-timestamp']),
        got.body,
        Number(got.headers['webhook-timestamp']),
      ),
    ).toBe(true);
  });
});

describe('what each subscriber receives', () => {
  it('a subscription reads no more than the token that registered it (a read:public token of a client that may also read shared)', async () => {
    const { client, clientSecret } = await accounts.createApiClient(t.system, {
      name: 'Hệ thống hai quyền',
      agencyId: agencyB,
      scopes: ['read:public', 'read:shared'],
      acceptTerms: true,
    });
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: clientSecret,
        scope: 'read:public',
      }).toString(),
    });
    expect(token.json().scope).toBe('read:public');
    const narrow = new Client(t);
    narrow.bearer = token.json().access_token;
    await subscribe(narrow, '/narrow-token');
    const s = await flow.create(agencyA, { visibility: 'shared' });
    const p = await flow.create(agencyA, { visibility: 'public' });
    await run();
    const seen = bodies('/narrow-token').map((b) => b.itemId);
    expect(seen).toContain(p.itemId);
    expect(seen).not.toContain(s.itemId);
  });

  it('no delivery about shared or internal content to a public-only subscriber; the exploit scope gets shared, never internal', async () => {
    const pub = await subscribe(publicClient, '/public-only');
    const shared = await subscribe(sharedClient, '/shared');
    const person = await subscribe(reader.client, '/person');
    const s = await flow.create(agencyA, { visibility: 'shared' });
    const i = await flow.create(agencyA, { visibility: 'internal' });
    const p = await flow.create(agencyA, { visibility: 'public' });
    await flow.revise(p.versionId, { visibility: 'shared' }); // narrowed: a tombstone for public readers
    await run();
    const items = (path: string) =>
      bodies(path).map((b) => `${b.event} ${b.itemId === s.itemId ? 'S' : b.itemId === i.itemId ? 'I' : b.itemId === p.itemId ? 'P' : '?'}`);
    expect(items('/public-only')).toEqual(['published P', 'unpublished P']);
    expect(items('/shared')).toEqual(['published S', 'published P', 'updated P']);
    expect(items('/person')).toEqual(['published S', 'published P', 'updated P']);
    expect(bodies('/public-only')[1]).toMatchObject({ contentHash: null });
    expect(bodies('/public-only')[1].visibility).toBeUndefined();
    for (const sub of [pub, shared, person]) expect(sub.id).toBeTruthy();
  });

  it('only the events subscribed to', async () => {
    await subscribe(publicClient, '/gone', ['unpublished', 'deleted']);
    const { versionId } = await flow.create(agencyA);
    await flow.unpublish(versionId);
    await flow.archive(versionId);
    await run();
    expect(bodies('/gone').map((b) => b.event)).toEqual(['unpublished', 'deleted']);
  });

  it('dispatch runs, concurrent or repeated, never duplicate a delivery', async () => {
    const sub = await subscribe(publicClient, '/once', ['published']);
    await flow.create(agencyA);
    await flow.create(agencyA);
    await Promise.all([dispatchWebhooks(t.system), dispatchWebhooks(t.system), dispatchWebhooks(t.system)]);
    await dispatchWebhooks(t.system);
    await Promise.all([sendDueWebhooks(t.system, 100), sendDueWebhooks(t.system, 100)]);
    const log = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items as Array<{ changeSeq: number }>;
    expect(log).toHaveLength(2);
    expect(new Set(log.map((d) => d.changeSeq)).size).toBe(2);
    expect(at('/once')).toHaveLength(2);
    // keyset paging of the log
    const first = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries?limit=1`)).json();
    const second = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries?limit=1&before=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((d: { changeSeq: number }) => d.changeSeq)).toEqual(log.map((d) => d.changeSeq));
    expect(second.nextCursor).toBeNull();
  });

  it('a paused subscription receives nothing', async () => {
    const sub = await subscribe(publicClient, '/paused');
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { active: false })).json()).toMatchObject({ active: false });
    await flow.create(agencyA);
    await run();
    expect(at('/paused')).toHaveLength(0);
  });

  it('pausing stops deliveries already queued; resuming sends them', async () => {
    const sub = await subscribe(publicClient, '/queued');
    await flow.create(agencyA);
    await dispatchWebhooks(t.system); // queued, not yet sent
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { active: false })).statusCode).toBe(200);
    await sendDueWebhooks(t.system, 100);
    expect(at('/queued')).toHaveLength(0);
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { active: true })).statusCode).toBe(200);
    await sendDueWebhooks(t.system, 100);
    expect(at('/queued').length).toBeGreaterThan(0);
  });
});

describe('the job runner', () => {
  it('dispatches and sends from the scheduled jobs (and their start-up run)', async () => {
    await subscribe(sharedClient, '/jobs', ['published']);
    const { versionId } = await flow.create(agencyA);
    const jobs = startJobs({ db: t.db.handle.db, config: t.config, clock: t.clock, log: quiet, intervalMs: 3600_000, wakeOnMedia: false });
    await jobs.runOnce();
    jobs.stop();
    expect(bodies('/jobs').map((b) => b.versionId)).toEqual([versionId]);
  });
});

describe('permissions', () => {
  it("another client gets 404; anonymous gets 401; the DIC lists everyone's but cannot change them", async () => {
    const sub = await subscribe(publicClient, '/mine');
    for (const res of [
      await otherClient.get(`/api/v1/webhooks/${sub.id}`),
      await otherClient.patch(`/api/v1/webhooks/${sub.id}`, { events: ['published'] }),
      await otherClient.delete(`/api/v1/webhooks/${sub.id}`),
      await otherClient.get(`/api/v1/webhooks/${sub.id}/deliveries`),
      await otherClient.post(`/api/v1/webhooks/${sub.id}/rotate-secret`),
      await otherClient.post(`/api/v1/webhooks/${sub.id}/ping`),
      await reader.client.get(`/api/v1/webhooks/${sub.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const list = await otherClient.get('/api/v1/webhooks');
    validate('/api/v1/webhooks', list);
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(sub.id);
    const anon = new Client(t);
    expect((await anon.get('/api/v1/webhooks')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/webhooks', { url: `${base}/x`, events: ['published'] })).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(401);
    const all = await admin.client.get('/api/v1/webhooks?limit=100');
    expect(all.json().items.map((s: { id: string }) => s.id)).toContain(sub.id);
    expect((await admin.client.get(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(200);
    expect((await admin.client.patch(`/api/v1/webhooks/${sub.id}`, { active: false })).statusCode).toBe(403);
    // the owner may change and remove it
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { events: ['published'] })).json().events).toEqual(['published']);
    expect((await publicClient.delete(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(200);
    expect((await publicClient.get(`/api/v1/webhooks/${sub.id}`)).statusCode).toBe(404);
    const audited = await listAuditEvents(t.system, { targetType: 'webhook_subscription', targetId: sub.id }, 50);
    expect(audited.map((e) => e.action).sort()).toEqual(['webhook.create', 'webhook.delete', 'webhook.update']);
    expect(JSON.stringify(audited)).not.toContain('whsec_');
  });

  it('keyset paging of subscriptions', async () => {
    for (let i = 0; i < 3; i++) await subscribe(otherClient, `/page-${i}`);
    const first = (await otherClient.get('/api/v1/webhooks?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await otherClient.get(`/api/v1/webhooks?limit=2&after=${first.nextCursor}`)).json();
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    expect(second.items.map((s: { id: string }) => s.id)).not.toContain(first.items[0].id);
  });
});

describe('bad input', () => {
  it('non-http URLs, unknown events, huge bodies: 4xx problem+json, nothing stored', async () => {
    const count = async () => (await otherClient.get('/api/v1/webhooks?limit=100')).json().items.length as number;
    const before = await count();
    const cases: unknown[] = [
      { url: 'ftp://example.test/hook', events: ['published'] },
      { url: 'javascript:alert(1)', events: ['published'] },
      { url: 'file:///etc/passwd', events: ['published'] },
      { url: 'http://user:pw@example.test/', events: ['published'] },
      { url: 'not a url', events: ['published'] },
      { url: `https://example.test/${'a'.repeat(2001)}`, events: ['published'] },
      { url: 'https://example.test/hook', events: ['created'] },
      { url: 'https://example.test/hook', events: [] },
      { url: 'https://example.test/hook', events: ['published'], extra: 1 },
      { url: "https://example.test/'; DROP TABLE webhook_subscriptions; --", events: ['published', '<script>alert(1)</script>'] },
      '{"url": ',
    ];
    for (const body of cases) {
      const res = await otherClient.post('/api/v1/webhooks', body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const huge = await otherClient.post('/api/v1/webhooks', {
      url: 'https://example.test/hook',
      events: ['published'],
      description: 'x'.repeat(t.config.bodyLimitBytes + 10),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
    const badPatch = await otherClient.patch(`/api/v1/webhooks/${(await subscribe(otherClient, '/patch')).id}`, { url: 'gopher://x' });
    expect(badPatch.statusCode).toBe(400);
    expect(await count()).toBe(before + 1);
    expect((await otherClient.get('/api/v1/webhooks/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('targets (SSRF)', () => {
  it('only public internet addresses unless the operator allows private ones: refused at registration and at each delivery', async () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['8.8.8.8', '14.225.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(isPublicAddress(a), a).toBe(true);
    expect(literalTargetRefusal('http://203.0.113.7/hook', false)).toMatch(/not on the public internet/); // documentation range
    expect(literalTargetRefusal('http://[::1]:8080/hook', false)).toMatch(/::1 is not on the public internet/);
    expect(literalTargetRefusal('http://127.0.0.1/hook', true)).toBeNull();
    // a name is checked when the connection is made, on what it resolves to then
    const port = new URL(base).port;
    const byName = await postSigned(`http://localhost:${port}/by-name`, 's', 'd', '{}', new Date(), { allowPrivate: false });
    expect(byName).toMatchObject({ ok: false, status: null });
    expect(byName.error).toMatch(/is not on the public internet/);
    expect(at('/by-name')).toEqual([]);
    expect(await postSigned(`http://localhost:${port}/by-name`, 's', 'd', '{}', new Date(), { allowPrivate: true })).toMatchObject({ ok: true, status: 200 });
    const sub = await subscribe(otherClient, '/private');
    t.config.webhooks.allowPrivateTargets = false; // as an operator who does not allow internal targets
    try {
      for (const url of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'http://localhost/hook', 'http://169.254.169.254/latest/meta-data/']) {
        const res = await otherClient.post('/api/v1/webhooks', { url, events: ['published'] });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().errors[0]).toMatchObject({ field: 'url', code: 'webhook_target_private' });
      }
      const ping = await otherClient.post(`/api/v1/webhooks/${sub.id}/ping`);
      expect(ping.json()).toMatchObject({ ok: false, status: null });
      expect(ping.json().error).toMatch(/127\.0\.0\.1 is not on the public internet/);
      expect(at('/private')).toEqual([]);
    } finally {
      t.config.webhooks.allowPrivateTargets = true;
    }
  });
});

describe('redelivery', () => {
  it('the owner queues a delivered delivery again: same id and body, a fresh series, the attempt log kept, audited', async () => {
    const sub = await subscribe(publicClient, '/again', ['published']);
    await flow.create(agencyA);
    await run();
    const [first] = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items;
    expect(first).toMatchObject({ status: 'delivered', attempts: 1 });
    const url = `/api/v1/webhooks/${sub.id}/deliveries/${first.id}/redeliver`;
    const res = await publicClient.post(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['ratelimit-limit']).toBeDefined(); // counted like every /api/v1 request
    expect(res.json()).toMatchObject({ id: first.id, status: 'pending', attempts: 0, lastStatus: null, lastError: null, deliveredAt: null });
    expect(res.json().attemptLog).toHaveLength(1);
    // already queued: refused until it is sent
    const twice = await publicClient.post(url);
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(twice.json().code).toBe('webhook_delivery_pending');
    await run();
    expect(at('/again')).toHaveLength(2);
    expect(at('/again')[1].headers['webhook-id']).toBe(first.id);
    expect(at('/again')[1].body).toBe(at('/again')[0].body);
    const [after] = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items;
    expect(after).toMatchObject({ id: first.id, status: 'delivered', attempts: 1, lastStatus: 200 });
    expect(after.attemptLog.map((a: { status: number }) => a.status)).toEqual([200, 200]);
    const audited = await listAuditEvents(t.system, { targetType: 'webhook_subscription', targetId: sub.id }, 50);
    expect(audited.find((e) => e.action === 'webhook.redeliver')).toMatchObject({
      data: { deliveryId: first.id, previousStatus: 'delivered', previousAttempts: 1 },
    });
  });

  it("refusals: another caller 404, the DIC 403, an unknown or another subscription's delivery 404, a paused subscription 409", async () => {
    const sub = await subscribe(publicClient, '/again-refused', ['published']);
    const other = await subscribe(otherClient, '/again-other', ['published']);
    await flow.create(agencyA);
    await run();
    const [d] = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items;
    const [od] = (await otherClient.get(`/api/v1/webhooks/${other.id}/deliveries`)).json().items;
    const url = `/api/v1/webhooks/${sub.id}/deliveries/${d.id}/redeliver`;
    for (const res of [
      await otherClient.post(url),
      await reader.client.post(url),
      await publicClient.post(`/api/v1/webhooks/${sub.id}/deliveries/${od.id}/redeliver`),
      await publicClient.post(`/api/v1/webhooks/${sub.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await admin.client.post(url)).statusCode).toBe(403);
    expect((await new Client(t).post(url)).statusCode).toBe(401);
    expect((await publicClient.post(`/api/v1/webhooks/${sub.id}/deliveries/nope/redeliver`)).statusCode).toBe(400);
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { active: false })).statusCode).toBe(200);
    const paused = await publicClient.post(url);
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ code: 'webhook_paused', status: 409 });
    expect((await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items[0]).toMatchObject({ status: 'delivered' });
    expect((await publicClient.patch(`/api/v1/webhooks/${sub.id}`, { active: true })).statusCode).toBe(200);
    expect((await publicClient.post(url)).statusCode).toBe(200);
    expect(at('/again-refused')).toHaveLength(1); // nothing sent by the refusals
  });
});

// last: these move the clock by hours (access tokens expire)
describe('retries', () => {
  it('a receiver answering 500 then 200 gets the delivery again after the backoff, and the log shows both attempts', async () => {
    const sub = await subscribe(publicClient, '/flaky', ['published']);
    answers.set('/flaky', [500]);
    const { versionId } = await flow.create(agencyA);
    await run();
    expect(at('/flaky')).toHaveLength(1);
    let log = (await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(new Date(log[0].nextAttemptAt).getTime()).toBe(t.clock.now().getTime() + RETRY_DELAYS_MS[0]);
    await run(); // not due yet
    expect(at('/flaky')).toHaveLength(1);
    t.clock.advance(RETRY_DELAYS_MS[0]);
    await run();
    expect(at('/flaky')).toHaveLength(2);
    expect(at('/flaky')[0].headers['webhook-id']).toBe(at('/flaky')[1].headers['webhook-id']);
    expect(at('/flaky')[0].body).toBe(at('/flaky')[1].body);
    const res = await publicClient.get(`/api/v1/webhooks/${sub.id}/deliveries`);
    validate('/api/v1/webhooks/{id}/deliveries', res);
    log = res.json().items;
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null, nextAttemptAt: null });
    expect(log[0].body.versionId).toBe(versionId);
    expect(log[0].attemptLog.map((a: { status: number }) => a.status)).toEqual([500, 200]);
  });

  it('a receiver that never answers 2xx is given up after six attempts', async () => {
    const sub = await subscribe(publicClient, '/down', ['published']);
    answers.set('/down', Array(10).fill(503));
    await flow.create(agencyA);
    await run();
    for (const d of RETRY_DELAYS_MS) {
      t.clock.advance(d);
      await run();
    }
    expect(at('/down')).toHaveLength(6);
    const [d] = (await listDeliveries(t.system, sub.id, {})).items; // the client's token has expired meanwhile
    expect(d).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 503, nextAttemptAt: null });
    t.clock.advance(86_400_000);
    await run();
    expect(at('/down')).toHaveLength(6);
  });
});

describe('automatic disabling', () => {
  /** the owner's context, as the use cases see a signed-in person (the session expires as the clock moves) */
  const personCtx = (u: SignedIn['user']): Context => ({
    ...t.system,
    actor: { kind: 'user', userId: u.id, agencyId: u.agencyId, role: u.role, label: u.username, via: 'session', scopes: [...ROLE_SCOPES[u.role]] },
  });
  /** every due attempt of the deliveries queued now, on the test clock: each is given up after its sixth */
  async function failThroughRetries() {
    await run();
    for (const d of RETRY_DELAYS_MS) {
      t.clock.advance(d);
      await run();
    }
  }

  it('a subscription whose deliveries keep failing is disabled, audited and its owner told; resuming starts afresh; a failed delivery is redelivered', async () => {
    const saved = { ...t.config.webhooks };
    t.config.webhooks.disableAfterFailures = 3;
    t.config.webhooks.disableAfterHours = 24;
    try {
      const owner = await signedIn(t, 'reader', { agencyId: agencyB });
      const ctx = personCtx(owner.user);
      const res = await owner.client.post('/api/v1/webhooks', { url: `${base}/dying`, events: ['published'] });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      answers.set('/dying', Array(100).fill(503));
      // two changes given up after ~15 h: fewer than 3 failures, not yet 24 h: still active
      await flow.create(agencyA);
      await flow.create(agencyA);
      await failThroughRetries();
      expect(at('/dying')).toHaveLength(12);
      expect(await getSubscription(ctx, id)).toMatchObject({ active: true, disabledReason: null });
      // a third given up ~30 h after the first: disabled
      await flow.create(agencyA);
      await failThroughRetries();
      expect(at('/dying')).toHaveLength(18);
      const disabled = await getSubscription(ctx, id);
      expect(disabled.active).toBe(false);
      expect(disabled.disabledReason).toMatch(/^delivery_failures: 3 deliveries in a row given up since .* \(last: HTTP 503\)$/);
      const audited = await listAuditEvents(t.system, { targetType: 'webhook_subscription', targetId: id }, 50);
      expect(audited.find((e) => e.action === 'webhook.disable')).toMatchObject({ actorType: 'system', data: { failures: 3, lastError: 'HTTP 503' } });
      const { items } = await listMyNotifications(ctx, {});
      expect(items.find((n) => n.kind === 'webhook_disabled')).toMatchObject({ link: '/admin/webhooks', data: { subscriptionId: id } });
      // disabled: nothing more is queued or sent
      await flow.create(agencyA);
      await run();
      expect(at('/dying')).toHaveLength(18);
      expect((await listDeliveries(ctx, id, {})).items).toHaveLength(3);
      // a failed delivery cannot be redelivered while disabled
      const failed = (await listDeliveries(ctx, id, {})).items[2];
      expect(failed).toMatchObject({ status: 'failed', attempts: 6 });
      await expect(redeliver(ctx, id, failed.id)).rejects.toMatchObject({ status: 409, code: 'webhook_paused' });
      // resuming clears the reason and starts the count again: the next failure does not disable it
      expect(await updateSubscription(ctx, id, { active: true })).toMatchObject({ active: true, disabledReason: null });
      await flow.create(agencyA);
      await failThroughRetries();
      expect(await getSubscription(ctx, id)).toMatchObject({ active: true });
      // the receiver is back: the oldest failed delivery is sent again, same id, its six old attempts kept
      answers.set('/dying', []);
      const again = await redeliver(ctx, id, failed.id);
      expect(again).toMatchObject({ status: 'pending', attempts: 0 });
      await run();
      const done = (await listDeliveries(ctx, id, {})).items.find((d) => d.id === failed.id)!;
      expect(done).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });
      expect(done.attemptLog.map((a) => a.status)).toEqual([503, 503, 503, 503, 503, 503, 200]);
      expect(at('/dying').at(-1)!.headers['webhook-id']).toBe(failed.id);
      const actions = (await listAuditEvents(t.system, { targetType: 'webhook_subscription', targetId: id }, 50)).map((e) => e.action);
      expect(actions).toContain('webhook.redeliver');
    } finally {
      Object.assign(t.config.webhooks, saved);
    }
  });

  it('0 failures turns automatic disabling off', async () => {
    const saved = { ...t.config.webhooks };
    t.config.webhooks.disableAfterFailures = 0;
    try {
      const owner = await signedIn(t, 'reader', { agencyId: agencyB });
      const res = await owner.client.post('/api/v1/webhooks', { url: `${base}/never-off`, events: ['published'] });
      answers.set('/never-off', Array(100).fill(500));
      for (let i = 0; i < 2; i++) {
        await flow.create(agencyA);
        await failThroughRetries();
      }
      expect(await getSubscription(personCtx(owner.user), res.json().id)).toMatchObject({ active: true });
    } finally {
      Object.assign(t.config.webhooks, saved);
    }
  });
});
