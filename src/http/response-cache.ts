// Answers of public reads kept per generation of what the public sees (db/public-generation.ts):
// every change a published read could show bumps the generation in its transaction, so an entry
// of the current generation is the answer the handler would give now. A route opts in with
// `cachedRead(cache, keyOf)`: keyOf names what the answer depends on (who may read what — the
// reader's published scope, never their identity — the URL, the format) or returns null to pass.
// Authentication, the rate limit and usage accounting still run on every request; only the
// handler, its queries and the serialisation are skipped. Bounded by entries and bytes (LRU).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GenerationSource } from '../db/public-generation.js';
import { weakEtag } from './etag.js';
import { itemsReadOf, setItemsRead } from './usage.js';

export interface CachedAnswer {
  body: string;
  type: string;
  /** weak ETag over the body, computed once (etag.ts conditionalGet uses it) */
  etag: string;
  /** items the answer holds, for usage accounting of later hits */
  items: number | undefined;
}

export interface ResponseCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** larger answers are not kept */
  maxEntryBytes: number;
}

export interface ResponseCache {
  readonly generation: GenerationSource | null;
  get(generation: number, key: string): CachedAnswer | undefined;
  put(generation: number, key: string, answer: CachedAnswer): void;
  /** entries and bytes held (tests, monitoring) */
  size(): { entries: number; bytes: number };
}

export function createResponseCache(generation: GenerationSource | null, limits: ResponseCacheLimits): ResponseCache {
  let entries = new Map<string, CachedAnswer>();
  let held = -1;
  let bytes = 0;
  const cost = (key: string, a: CachedAnswer) => key.length + a.body.length + 64;
  return {
    generation,
    get(gen, key) {
      if (gen !== held) return undefined;
      const hit = entries.get(key);
      if (hit) {
        // least recently used goes first
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    put(gen, key, answer) {
      if (gen < held) return; // an answer computed before a change this process already knows of
      if (gen > held) {
        entries = new Map();
        bytes = 0;
        held = gen;
      }
      const c = cost(key, answer);
      if (c > limits.maxEntryBytes) return;
      const old = entries.get(key);
      if (old) {
        bytes -= cost(key, old);
        entries.delete(key);
      }
      entries.set(key, answer);
      bytes += c;
      for (const [k, a] of entries) {
        if (entries.size <= limits.maxEntries && bytes <= limits.maxBytes) break;
        entries.delete(k);
        bytes -= cost(k, a);
      }
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}

const pending = new WeakMap<FastifyRequest, { generation: number; key: string }>();

/**
 * Route hooks of a cached read: `onRequest` answers from the cache (after the app's own onRequest
 * hooks: authentication and the rate limit), `onSend` keeps a 200 answer. Put `onSend` before any
 * hook that may turn the answer into a 304 (etag.ts conditionalGet, which takes the ETag set here).
 */
export function cachedRead(cache: ResponseCache, keyOf: (req: FastifyRequest) => string | null) {
  // callback-style hooks: a hit is the hot path of the public API, where a promise per hook is measurable
  const answer = (req: FastifyRequest, reply: FastifyReply, key: string, generation: number, done: () => void) => {
    const hit = cache.get(generation, key);
    if (!hit) {
      pending.set(req, { generation, key });
      reply.header('x-cache', 'miss');
      return done();
    }
    if (hit.items !== undefined) setItemsRead(req, hit.items);
    reply.header('x-cache', 'hit').header('etag', hit.etag).type(hit.type);
    reply.send(hit.body); // answered: `done` is not called
  };
  return {
    onRequest: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const source = cache.generation;
      if (!source || (req.method !== 'GET' && req.method !== 'HEAD')) return done();
      const key = keyOf(req);
      if (key === null) return done();
      const generation = source.settled();
      if (typeof generation === 'number') return answer(req, reply, key, generation, done);
      generation.then(
        (g) => {
          try {
            answer(req, reply, key, g, done);
          } catch (e) {
            done(e as Error); // never an unhandled rejection
          }
        },
        (e: Error) => done(e),
      );
    },
    onSend: (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
      const at = pending.get(req);
      if (at && reply.statusCode === 200 && typeof payload === 'string') {
        const etag = weakEtag(payload);
        reply.header('etag', etag);
        cache.put(at.generation, at.key, {
          body: payload,
          type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          etag,
          items: itemsReadOf(req),
        });
      }
      done(null, payload);
    },
  };
}
