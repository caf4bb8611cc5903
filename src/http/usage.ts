// Access accounting of the API (R5.2): every /api/v1 response is attributed to its principal
// (client:<id>, user:<id>, ip:<address>) and counted into the usage recorder's buffer — requests,
// items read, originals downloaded, writes, errors, rate-limit refusals, bytes sent.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toLocalDate } from '../core/clock.js';
import type { UsageRecorder } from '../modules/usage/recorder.js';
import type { UsageEntry } from '../modules/usage/service.js';
import { isApiRequest, requestPrincipal } from './rate-limit.js';

/**
 * Routes whose successful GET returns items (lists, language versions, published versions, the
 * changes stream). A route may also say so itself with `config.countsItemReads`.
 */
const ITEM_ROUTE = /^\/api\/v1\/(items(\/|$)|item-versions\/:id(\/published)?$|changes(\/|$))/;
const ORIGINAL_ROUTE = '/api/v1/media/:id/original';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const itemsReturned = new WeakMap<FastifyRequest, number>();

/** Items a response of this request holds (set by the count hook, or by a cached answer). */
export const itemsReadOf = (req: FastifyRequest) => itemsReturned.get(req);
export const setItemsRead = (req: FastifyRequest, n: number) => void itemsReturned.set(req, n);

function readsItems(req: FastifyRequest): boolean {
  return req.routeOptions.config?.countsItemReads ?? ITEM_ROUTE.test(req.routeOptions.url ?? '');
}

/** Items in a response body: the length of its `items` or `changes` list, otherwise one. */
function countItems(payload: unknown): number {
  if (payload && typeof payload === 'object') {
    const p = payload as { items?: unknown; changes?: unknown };
    if (Array.isArray(p.items)) return p.items.length;
    if (Array.isArray(p.changes)) return p.changes.length;
  }
  return 1;
}

function isOriginalDownload(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== 'GET' || req.routeOptions.url !== ORIGINAL_ROUTE) return false;
  // A player fetching a video in ranges downloads it once: count the range that starts at 0.
  return reply.statusCode === 200 || (reply.statusCode === 206 && /^bytes 0-/.test(String(reply.getHeader('content-range') ?? '')));
}

export function usageEntry(req: FastifyRequest, reply: FastifyReply): UsageEntry {
  const actor = req.ctx.actor;
  const status = reply.statusCode;
  const ok = status >= 200 && status < 300;
  const itemRead = req.method === 'GET' && status === 200 && readsItems(req);
  return {
    day: toLocalDate(req.ctx.clock.now()),
    principal: requestPrincipal(req),
    clientId: actor.kind === 'client' ? actor.clientId : null,
    userId: actor.kind === 'user' ? actor.userId : null,
    agencyId: actor.kind === 'client' || actor.kind === 'user' ? actor.agencyId : null,
    requests: 1,
    itemReads: itemRead ? (itemsReturned.get(req) ?? 1) : 0,
    originalDownloads: isOriginalDownload(req, reply) ? 1 : 0,
    writes: ok && !READS.has(req.method) ? 1 : 0,
    errors: status >= 400 && status !== 429 ? 1 : 0,
    rateLimited: status === 429 ? 1 : 0,
    bytesOut: Number(reply.getHeader('content-length')) || 0,
  };
}

/** Counts the items of a successful GET; attached only to the routes that may read items. */
async function countItemsHook(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (req.method === 'GET' && reply.statusCode === 200 && isApiRequest(req.url) && readsItems(req)) itemsReturned.set(req, countItems(payload));
  return payload;
}

export function registerUsageAccounting(app: FastifyInstance, recorder: UsageRecorder) {
  // Per route rather than global: portal pages and other API routes never run it. Called before the
  // routes are registered, so it sees every route (the hook is inherited by the plugins below).
  app.addHook('onRoute', (route) => {
    if (!(route.config?.countsItemReads ?? ITEM_ROUTE.test(route.url ?? ''))) return;
    const held = route.preSerialization;
    route.preSerialization = held ? [...(Array.isArray(held) ? held : [held]), countItemsHook] : [countItemsHook];
  });
  app.addHook('onResponse', (req, reply, done) => {
    if (isApiRequest(req.url) && req.ctx) recorder.add(usageEntry(req, reply));
    done();
  });
  recorder.start();
  app.addHook('onClose', async () => recorder.stop());
}
