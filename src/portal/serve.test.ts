// The one `serve` of pages and feeds, on a bare Fastify app: a body cached per generation and origin
// with its ETag (304 when the reader holds it) and compressed once; headers by status; a thrown
// render answers the failure body, never cached; without a key, rendered on every request.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { Config } from '../config.js';
import { createPageCache } from './cache.js';
import { createServe, type Answer } from './serve.js';

const app = Fastify({ logger: false });
let generation = 1;
let renders = 0;
let failing = false;

beforeAll(async () => {
  const serve = createServe({
    config: { publicUrl: null, host: '127.0.0.1', port: 80 } as unknown as Config,
    generation: { current: () => generation, refresh: async () => generation },
    cache: createPageCache(),
    keyOf: (origin, key) => `${origin}${key}`,
    failureLog: 'test page failed',
  });
  const answer = (key: string | undefined): Answer => ({
    key,
    render: async () => {
      renders++;
      if (failing) throw new Error('no database');
      return { status: 200, body: `<p>page ${renders}</p>` };
    },
    failure: async () => ({ status: 500, body: '<p>failed</p>' }),
    headers: (status): Record<string, string> => (status === 200 ? { 'x-robots-tag': 'noindex' } : {}),
  });
  app.get('/cached', (req, reply) => serve(req, reply, answer('/cached')));
  app.get('/uncached', (req, reply) => serve(req, reply, answer(undefined)));
  await app.ready();
});
afterAll(() => app.close());

describe('serve', () => {
  it('caches per generation and origin, with ETag/304, compressed bodies and headers by status', async () => {
    const first = await app.inject({ url: '/cached', headers: { host: 'a.test' } });
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe('<p>page 1</p>');
    expect(first.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=0, must-revalidate',
      vary: 'Accept-Encoding',
      'x-robots-tag': 'noindex',
    });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"g1-/);
    const gzip = await app.inject({ url: '/cached', headers: { host: 'a.test', 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe('<p>page 1</p>');
    expect((await app.inject({ url: '/cached', headers: { host: 'a.test', 'if-none-match': etag } })).statusCode).toBe(304);
    // another host is another page (absolute links), rendered for it
    const other = await app.inject({ url: '/cached', headers: { host: 'b.test' } });
    expect(other.body).toBe('<p>page 2</p>');
    expect(other.headers.etag).not.toBe(etag);
    generation = 2;
    expect((await app.inject({ url: '/cached', headers: { host: 'a.test', 'if-none-match': etag } })).body).toBe('<p>page 3</p>');
  });

  it('a thrown render answers the failure body, not cached; without a key every request renders', async () => {
    failing = true;
    generation = 3;
    const failed = await app.inject({ url: '/cached' });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toBe('<p>failed</p>');
    expect(failed.headers['cache-control']).toBe('no-store');
    failing = false;
    expect((await app.inject({ url: '/cached' })).statusCode).toBe(200);
    const a = await app.inject({ url: '/uncached' });
    const b = await app.inject({ url: '/uncached' });
    expect(a.body).not.toBe(b.body);
    expect(a.headers['cache-control']).toBe('no-cache');
    expect(a.headers.etag).toBeUndefined();
  });
});
