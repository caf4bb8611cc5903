import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and metrics', () => {
  it('answers liveness and readiness (database reachable, migrations current)', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('serves Prometheus metrics to the machine itself, not to the world', async () => {
    await t.app.inject({ url: '/api/v1/agencies' });
    const local = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
    expect(local.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/agencies",status="200"\} \d+/);
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '198.51.100.7' });
    expect(remote.statusCode).toBe(404);
  });

  it('reports what each answer cache really holds, and that a publication empties the portal pages', async () => {
    const metric = async (name: string, cache: string) => {
      const body = (await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).body;
      const m = new RegExp(`^${name}\\{cache="${cache}"\\} (\\d+)$`, 'm').exec(body);
      expect(m, `${name} ${cache}`).not.toBeNull();
      return Number(m![1]);
    };
    const home = await t.app.inject({ url: '/vi/' });
    const about = await t.app.inject({ url: '/en/' });
    await t.app.inject({ url: '/vi/search?q=hue' });
    await t.app.inject({ url: '/vi/feed.xml' });
    await t.app.inject({ url: '/api/v1/published' });
    expect(await metric('ttdn_cache_entries', 'portal_pages')).toBe(2);
    // each page's body in three encodings: more than the plain bodies, less than three times them
    const plain = Buffer.byteLength(home.body) + Buffer.byteLength(about.body);
    const pages = await metric('ttdn_cache_bytes', 'portal_pages');
    expect(pages).toBeGreaterThan(plain);
    expect(pages).toBeLessThan(3 * plain);
    expect(await metric('ttdn_cache_entries', 'portal_searches')).toBe(1);
    expect(await metric('ttdn_cache_entries', 'portal_feeds')).toBe(1);
    expect(await metric('ttdn_cache_bytes', 'api_reads')).toBeGreaterThan(0);
    // a new generation (any public change) leaves the old pages behind at the next put
    await t.db.handle.db.execute(sql`UPDATE public_generation SET value = value + 1 WHERE id = 1`);
    await expect.poll(async () => (await t.app.inject({ url: '/vi/' })).headers.etag).not.toBe(home.headers.etag);
    expect(await metric('ttdn_cache_entries', 'portal_pages')).toBe(1);
    expect(await metric('ttdn_cache_bytes', 'portal_pages')).toBeLessThan(pages);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/api/v1/agencies', headers: { 'x-request-id': 'abc-12345678' } });
    expect(res.headers['x-request-id']).toBe('abc-12345678');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // only behind TLS
  });

  it("the API docs page keeps Swagger UI's own policy, which lets its script style the page and, over plain HTTP, does not upgrade requests", async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline' https:/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
  });
});
