// The public generation (db/public-generation.ts) as the app sees it: watched for the whole app,
// refreshed after this process's own writes, and keying the answer cache of public API reads.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../../db/client.js';
import { watchPublicGeneration, type GenerationSource } from '../../db/public-generation.js';
import { createResponseCache } from '../response-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The generation of public content; the portal's and the feeds' caches are kept per generation. */
    publicGeneration: GenerationSource;
  }
}

interface PublicGenerationOptions {
  config: Config;
  database: DatabaseHandle;
  /** false: public API reads are answered by their handler every time (benchmarks of the uncached path) */
  apiCache?: boolean;
}

async function publicGeneration(app: FastifyInstance, { config, database, apiCache }: PublicGenerationOptions) {
  const generation = await watchPublicGeneration(database, (e) => app.log.warn({ err: e }, 'public generation listener'));
  app.addHook('onClose', async () => generation.close());
  // After a write in this process, learn the new generation before the response leaves, so the writer's
  // next public page, feed or API read is fresh (a root hook: one inside the portal's plugin only sees its own routes).
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done(null, payload);
    generation.refresh().then(
      () => done(null, payload),
      () => done(null, payload),
    );
  });
  app.decorate('publicGeneration', generation);
  const cacheLimits = { ...config.apiCache, maxEntryBytes: Math.min(4 * 1024 * 1024, config.apiCache.maxBytes) };
  app.decorate('apiCache', createResponseCache(apiCache === false || config.apiCache.maxBytes === 0 ? null : generation, cacheLimits));
}

/** Not encapsulated: the refresh hook must follow writes of every route, and the read routes use `app.apiCache`. */
export default fp(publicGeneration, { name: 'public-generation' });
