// Rate limits of the API (/api/v1), per principal: an API client, a person (session or personal
// token), or the IP address of an anonymous caller, each kind with its own limit per window
// (RATE_LIMIT_*). @fastify/rate-limit counts and writes the IETF draft headers (RateLimit-Limit,
// -Remaining, -Reset); a refusal is our RateLimited error, so it is problem+json with Retry-After.
// Counters live in Redis when REDIS_URL is set (shared by all processes), in memory otherwise — and
// in memory while Redis is unreachable, so an outage degrades to per-process limits, never to none.
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Actor } from '../core/actor.js';
import { RateLimited } from '../core/errors.js';
import { errors } from './schemas.js';
import type { SharedRedis } from './redis.js';

/** client:<id> | user:<id> | ip:<address> — the same names the usage counters use. */
export function principalOf(actor: Actor, ip: string): string {
  if (actor.kind === 'client') return `client:${actor.clientId}`;
  if (actor.kind === 'user') return `user:${actor.userId}`;
  return `ip:${ip}`;
}

/** Who made a request, for the rate limit and the usage counters alike: IPv6 callers grouped by /64 (one subscriber's network). */
export function requestPrincipal(req: FastifyRequest): string {
  // asked twice per request (the limit, then the usage counters): worked out once per actor
  const known = principals.get(req);
  if (known && known.actor === req.ctx.actor) return known.principal;
  const principal = principalOf(req.ctx.actor, normalizeIP(req.ip ?? 'unknown'));
  principals.set(req, { actor: req.ctx.actor, principal });
  return principal;
}
const principals = new WeakMap<FastifyRequest, { actor: Actor; principal: string }>();

export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/v1/');
}

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/** Fixed windows in process memory, with a bound on how many keys are remembered. */
class MemoryWindows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 50_000) {}

  incr(key: string, windowMs: number): Counted {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (!w && this.windows.size >= this.maxKeys) this.evict(now);
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { current: w.count, ttl: w.resetAt - now };
  }

  private evict(now: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    // Still full (a flood of distinct callers): forget the oldest tenth.
    let drop = this.windows.size >= this.maxKeys ? Math.ceil(this.maxKeys / 10) : 0;
    for (const k of this.windows.keys()) {
      if (drop-- <= 0) break;
      this.windows.delete(k);
    }
  }
}

// INCR and set the window on the first hit; a key that somehow lost its expiry gets one again.
const WINDOW_LUA = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}`;

interface RedisWithWindow {
  ttdnRateWindow(key: string, windowMs: number): Promise<[number, number]>;
}

/** After a failed Redis command, count in memory this long before trying Redis again. */
const REDIS_PAUSE_MS = 5000;

function storeClass(redis: SharedRedis | null, onRedisError: (e: Error) => void) {
  const memory = new MemoryWindows();
  if (redis) redis.client.defineCommand('ttdnRateWindow', { numberOfKeys: 1, lua: WINDOW_LUA });
  const shared = redis?.client as unknown as RedisWithWindow | undefined;
  const fallback = (key: string, cb: Callback, windowMs: number) => cb(null, memory.incr(key, windowMs));
  // A Redis that hangs rather than refuses would slow every request by the command timeout.
  let pausedUntil = 0;
  return class ApiLimitStore {
    incr(key: string, cb: Callback, windowMs: number) {
      if (!redis?.ready() || !shared || Date.now() < pausedUntil) return fallback(key, cb, windowMs);
      shared.ttdnRateWindow(`${redis.keyPrefix}rl:${key}`, windowMs).then(
        ([current, ttl]) => cb(null, { current: Number(current), ttl: Number(ttl) }),
        (e: Error) => {
          pausedUntil = Date.now() + REDIS_PAUSE_MS;
          onRedisError(e);
          fallback(key, cb, windowMs);
        },
      );
    }
    child() {
      return this;
    }
  };
}

export type ApiRateLimit = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Registers the plugin (no route hooks of its own) and returns the check, which the authentication
 * hook runs once it knows who is calling — before refusing a bad credential, so guessing tokens is
 * limited like any anonymous traffic.
 */
export async function registerApiRateLimit(app: FastifyInstance, config: Config, redis: SharedRedis | null): Promise<ApiRateLimit> {
  const limits = config.rateLimit;
  const maxFor = (key: string) => (key.startsWith('client:') ? limits.client : key.startsWith('user:') ? limits.user : limits.anonymous);
  let lastWarning = 0;
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    timeWindow: limits.windowMs,
    store: storeClass(redis, (e) => {
      if (Date.now() - lastWarning > 60_000) app.log.warn({ err: e.message }, 'rate limit: Redis command failed, counting in memory for 5 s');
      lastWarning = Date.now();
    }) as never,
    keyGenerator: requestPrincipal,
    max: (_req, key) => maxFor(key),
    allowList: (_req, key) => maxFor(key) === 0,
    errorResponseBuilder: (_req, c) => new RateLimited(Math.max(1, Math.ceil(c.ttl / 1000))),
  });
  const check = app.rateLimit();
  return async (req, reply) => {
    await check.call(app, req as never, reply as never);
  };
}

const LIMIT_HEADERS = {
  'ratelimit-limit': { type: 'integer', description: 'Requests allowed to this caller per window (IETF draft RateLimit headers)' },
  'ratelimit-remaining': { type: 'integer', description: 'Requests left in the current window' },
  'ratelimit-reset': { type: 'integer', description: 'Seconds until the window starts again' },
};

type RouteSchema = { hide?: boolean; response?: Record<string, unknown> } & Record<string, unknown>;

/**
 * @fastify/swagger transform: every API operation may answer 429, and its successes carry the
 * RateLimit-* headers. Only the document changes; validation and serialisation keep the routes' own.
 */
export function documentRateLimits({ schema, url }: { schema: unknown; url: string }) {
  const s = schema as RouteSchema | undefined;
  if (!s?.response || s.hide || !isApiRequest(url)) return { schema: s, url };
  const response: Record<string, unknown> = {};
  for (const [code, r] of Object.entries(s.response)) {
    response[code] =
      /^2/.test(code) && r && typeof r === 'object' ? { ...r, headers: { ...LIMIT_HEADERS, ...((r as { headers?: object }).headers ?? {}) } } : r;
  }
  // Routes with a 429 of their own (sign-in's slow-down) keep its description and gain the headers.
  const refused = ((s.response['429'] as object | undefined) ?? errors[429]) as { headers?: object };
  response['429'] = {
    ...refused,
    headers: { ...LIMIT_HEADERS, 'retry-after': { type: 'integer', description: 'Seconds to wait before trying again' }, ...(refused.headers ?? {}) },
  };
  return { schema: { ...s, response }, url };
}
