// The optional Redis connection (REDIS_URL) the app processes share for rate limits. Redis being
// down must never stop the app: commands fail fast (no offline queue, 1 s timeout), callers fall
// back to their in-process state, and the client keeps reconnecting in the background.
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';

export interface SharedRedis {
  client: Redis;
  keyPrefix: string;
  /** Connected and answering: use Redis; otherwise use the in-process fallback. */
  ready(): boolean;
  close(): Promise<void>;
}

/** Connects (waiting at most `waitMs` for the first connection, never failing). null without REDIS_URL. */
export async function openRedis(config: Config, log: FastifyBaseLogger, waitMs = 1000): Promise<SharedRedis | null> {
  if (!config.redis) return null;
  const client = new Redis(config.redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Generous enough for a busy event loop (an embedded database blocks it while it works).
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  let down = false;
  client.on('error', (e: Error) => {
    // One line per outage, not one per reconnection attempt.
    if (!down) log.warn({ err: e.message }, 'Redis unavailable: rate limits are counted per process until it is back');
    down = true;
  });
  client.on('ready', () => {
    if (down) log.info('Redis reachable again: rate limits are shared');
    down = false;
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    client.once('ready', done);
    client.once('error', done);
  });
  return {
    client,
    keyPrefix: config.redis.keyPrefix,
    ready: () => client.status === 'ready',
    close: async () => {
      client.disconnect();
    },
  };
}
