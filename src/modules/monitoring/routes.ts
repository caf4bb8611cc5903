// Liveness, readiness and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheSize, CacheSizes } from '../../core/cache-sizes.js';
import type { DatabaseHandle } from '../../db/client.js';
import { hasScope } from '../../core/actor.js';
import { NotFound } from '../../core/errors.js';
import { isLoopback } from '../../http/cookies.js';
import { checkReadiness } from './service.js';

async function monitoring(app: FastifyInstance, { handle, cacheSizes }: { handle: DatabaseHandle; cacheSizes?: CacheSizes }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // the answer caches' real size (not their budget), read at each scrape
  const sizes = () => [...(cacheSizes ?? new Map<string, () => CacheSize>()).entries()].map(([cache, size]) => ({ cache, ...size() }));
  new Gauge({
    name: 'ttdn_cache_entries',
    help: 'Entries held by each answer cache',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      for (const s of sizes()) this.set({ cache: s.cache }, s.entries);
    },
  });
  new Gauge({
    name: 'ttdn_cache_bytes',
    help: 'Bytes held by each answer cache: bodies in every encoding, and keys',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      for (const s of sizes()) this.set({ cache: s.cache }, s.bytes);
    },
  });
  const problems = new Counter({ name: 'http_problems_total', help: 'Error responses by status', labelNames: ['status'], registers: [registry] });
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) problems.inc({ status: String(reply.statusCode) });
    done();
  });

  app.get('/healthz', { schema: { hide: true }, config: { auth: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true }, config: { auth: 'public' } }, async (_req, reply) => {
    const { ready, checks } = await checkReadiness(handle);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });

  // Metrics are for the monitoring system on the machine or an admin-scoped credential, not the public.
  app.get('/metrics', { schema: { hide: true }, config: { auth: 'public' } }, async (req, reply) => {
    if (!isLoopback(req.socket.remoteAddress) && !hasScope(req.ctx.actor, 'admin')) throw new NotFound();
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

/** Not encapsulated: the timing hook must see every route of the app. */
export const monitoringRoutes = fp(monitoring, { name: 'monitoring' });
