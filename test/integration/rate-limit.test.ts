// Rate limits of the API per principal: headers on every response, 429 as problem+json with
// Retry-After, recovery after the window, separate buckets for addresses and clients, a refused
// credential counted against its address, the portal untouched, and Redis (shared between apps,
// and an unreachable one falling back to per-process counting).
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as accounts from '../../src/modules/accounts/service.js';
import { Client, createTestApp, fixtureAgency, type TestApp } from '../helpers/app.js';
import { NEEDS_REDIS, REDIS_URL, redisReachable } from '../helpers/services.js';

// The limiter's window runs on real time (Date), not on the test clock: the test moves Date instead.
const WINDOW = { RATE_LIMIT_WINDOW_SECONDS: '2' };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ ...WINDOW, RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_CLIENT: '5', RATE_LIMIT_USER: '5' });
});
afterAll(() => t.close());

async function clientToken(app: TestApp): Promise<string> {
  const agencyId = await fixtureAgency(app);
  const { client, clientSecret } = await accounts.createApiClient(app.system, {
    name: 'Báo Thừa Thiên Huế',
    agencyId,
    scopes: ['read:public'],
    acceptTerms: true,
  });
  return (await accounts.issueClientAccessToken(app.system, { clientId: client.clientId, clientSecret })).accessToken;
}

function limitHeaders(res: LightMyRequestResponse) {
  return {
    limit: Number(res.headers['ratelimit-limit']),
    remaining: Number(res.headers['ratelimit-remaining']),
    reset: Number(res.headers['ratelimit-reset']),
  };
}

function expectRateLimited(res: LightMyRequestResponse, locale: 'vi' | 'en' = 'en') {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status: 429, code: 'rate_limited', type: 'urn:ttdn:problem:rate_limited' });
  expect(body.title).toBe(locale === 'vi' ? 'Quá nhiều yêu cầu, vui lòng thử lại sau.' : 'Too many requests, please try again later.');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(2);
  expect(body.retryAfter).toBe(retryAfter);
  expect(limitHeaders(res).remaining).toBe(0);
  return retryAfter;
}

describe('rate limits per principal', () => {
  it('counts down in RateLimit-* headers, refuses with 429 problem+json and Retry-After, and recovers after the window', async () => {
    // The limiter's time (Date) stands still while the window is used up, then moves past its end:
    // no waiting, and no window running out halfway on a busy machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const c = new Client(t, '10.1.0.1');
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const res = await c.get('/api/v1/meta');
        expect(res.statusCode).toBe(200);
        seen.push(limitHeaders(res));
      }
      expect(seen.map((h) => [h.limit, h.remaining])).toEqual([
        [3, 2],
        [3, 1],
        [3, 0],
      ]);
      for (const h of seen) {
        expect(h.reset).toBeGreaterThanOrEqual(1);
        expect(h.reset).toBeLessThanOrEqual(2);
      }

      const refused = await c.get('/api/v1/meta');
      const retryAfter = expectRateLimited(refused);
      expectRateLimited(await c.get('/api/v1/meta', { 'accept-language': 'vi' }), 'vi');
      // every API response carries the headers, errors too
      expect(limitHeaders(await c.get('/api/v1/no-such-route')).limit).toBe(3);

      vi.setSystemTime(Date.now() + retryAfter * 1000 + 100);
      const again = await c.get('/api/v1/meta');
      expect(again.statusCode).toBe(200);
      expect(limitHeaders(again)).toMatchObject({ limit: 3, remaining: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps separate buckets for each address and for an API client calling from the same address', async () => {
    const token = await clientToken(t);
    const anonymous = new Client(t, '10.1.0.2');
    for (let i = 0; i < 3; i++) expect((await anonymous.get('/api/v1/meta')).statusCode).toBe(200);
    expectRateLimited(await anonymous.get('/api/v1/meta'));

    const client = new Client(t, '10.1.0.2');
    client.bearer = token;
    const first = await client.get('/api/v1/meta');
    expect(first.statusCode).toBe(200);
    expect(limitHeaders(first)).toMatchObject({ limit: 5, remaining: 4 });
    // the same client from another address is the same bucket
    const elsewhere = new Client(t, '10.1.0.99');
    elsewhere.bearer = token;
    expect(limitHeaders(await elsewhere.get('/api/v1/meta'))).toMatchObject({ limit: 5, remaining: 3 });
    for (let i = 0; i < 3; i++) expect((await client.get('/api/v1/meta')).statusCode).toBe(200);
    expectRateLimited(await client.get('/api/v1/meta'));

    const other = await new Client(t, '10.1.0.3').get('/api/v1/meta');
    expect(other.statusCode).toBe(200);
    expect(limitHeaders(other)).toMatchObject({ limit: 3, remaining: 2 });
  });

  it('counts a refused credential against its address, so guessing tokens is limited too', async () => {
    const guesser = new Client(t, '10.1.0.4');
    guesser.bearer = 'ttdn_at_guess';
    for (let i = 0; i < 3; i++) expect((await guesser.get('/api/v1/meta')).statusCode).toBe(401);
    expectRateLimited(await guesser.get('/api/v1/meta'));
  });

  it('is in the OpenAPI document: every operation may answer 429, successes carry the headers', async () => {
    const doc = (await new Client(t, '10.1.0.6').get('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: unknown }> }>>;
    };
    const ops = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ p, m, op })));
    for (const { p, m, op } of ops)
      expect(Object.keys(op.responses['429']?.headers ?? {}), `${m} ${p}`).toEqual(expect.arrayContaining(['retry-after', 'ratelimit-reset']));
    const meta = doc.paths['/api/v1/meta'].get.responses;
    expect(Object.keys(meta['200'].headers ?? {})).toEqual(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']);
    expect(meta['429'].content).toEqual({
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/Problem' },
        example: expect.objectContaining({ status: 429, code: 'rate_limited', retryAfter: 30 }),
      },
    });
  });

  it('leaves the portal and the health checks alone', async () => {
    const c = new Client(t, '10.1.0.5');
    for (let i = 0; i < 5; i++) {
      const res = await c.get('/healthz');
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('rate limits through Redis', () => {
  let redisUp = false;
  beforeAll(async () => {
    redisUp = await redisReachable();
  });

  it('two apps on one Redis share each principal’s limit', async (ctx) => {
    ctx.skip(!redisUp, NEEDS_REDIS);
    const env = { ...WINDOW, RATE_LIMIT_ANONYMOUS: '4', REDIS_URL, REDIS_KEY_PREFIX: `ttdn-test-${randomBytes(6).toString('hex')}:` };
    // One after the other: two apps starting at once on a busy 2-core machine overran Fastify's
    // 10 s plugin timeout (swagger-ui).
    const a = await createTestApp(env);
    const b = await createTestApp(env).catch(async (e) => {
      await a.close();
      throw e;
    });
    try {
      const onA = new Client(a, '10.2.0.1');
      const onB = new Client(b, '10.2.0.1');
      const remaining = [];
      for (const c of [onA, onB, onA, onB]) {
        const res = await c.get('/api/v1/meta');
        expect(res.statusCode).toBe(200);
        remaining.push(limitHeaders(res).remaining);
      }
      expect(remaining).toEqual([3, 2, 1, 0]);
      expectRateLimited(await onA.get('/api/v1/meta'));
      expectRateLimited(await onB.get('/api/v1/meta'));
      // another address is its own bucket on both
      expect((await new Client(b, '10.2.0.2').get('/api/v1/meta')).statusCode).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a Redis that hangs costs one slow request; the process then counts in memory for a while', async () => {
    // Answers the connection handshake, then never replies to a command.
    const hung = createServer((socket) =>
      socket.on('data', (d) => {
        for (const command of d
          .toString('latin1')
          .split(/\*\d+\r\n/)
          .slice(1)) {
          const name = command.split('\r\n')[1]?.toUpperCase();
          if (name === 'INFO') socket.write('$11\r\nloading:0\r\n\r\n');
          else if (name === 'CLIENT' || name === 'SELECT') socket.write('+OK\r\n');
        }
      }),
    );
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const slow = await createTestApp({ ...WINDOW, RATE_LIMIT_ANONYMOUS: '3', REDIS_URL: `redis://127.0.0.1:${(hung.address() as AddressInfo).port}` });
    try {
      const c = new Client(slow, '10.4.0.1');
      let started = Date.now();
      expect((await c.get('/api/v1/meta')).statusCode).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900); // the command timeout
      started = Date.now();
      expect((await c.get('/api/v1/meta')).statusCode).toBe(200);
      expect((await c.get('/api/v1/meta')).statusCode).toBe(200);
      expectRateLimited(await c.get('/api/v1/meta'));
      expect(Date.now() - started).toBeLessThan(2500); // three timeouts would be 3 s or more
    } finally {
      await slow.close();
      hung.close();
    }
  });

  it('an unreachable Redis does not stop the app: limits are counted in memory', async () => {
    const down = await createTestApp({ ...WINDOW, RATE_LIMIT_ANONYMOUS: '2', REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const c = new Client(down, '10.3.0.1');
      expect(limitHeaders(await c.get('/api/v1/meta'))).toMatchObject({ limit: 2, remaining: 1 });
      expect((await c.get('/api/v1/meta')).statusCode).toBe(200);
      expectRateLimited(await c.get('/api/v1/meta'));
    } finally {
      await down.close();
    }
  });
});
