// Conditional GET for API reads: a weak ETag over the exact body sent, If-None-Match → 304, and
// the cache policy of public reads (anonymous answers may be shared by caches; others may not).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function weakEtag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match matches (weak comparison, RFC 9110 §13.1.2): `*` or any listed tag with the same opaque value. */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  const want = strip(etag);
  return (Array.isArray(header) ? header.join(',') : header).split(',').some((t) => t.trim() === '*' || strip(t) === want);
}

/**
 * Sends a serialised body with its ETag and Cache-Control (`public, max-age=60` for anonymous
 * readers, `private, no-cache` otherwise), or 304 when the client already has it.
 */
export function sendCacheable(req: FastifyRequest, reply: FastifyReply, body: string, contentType: string, vary = 'Authorization, Cookie') {
  const etag = weakEtag(body);
  reply
    .header('etag', etag)
    .header('cache-control', req.ctx.actor.kind === 'anonymous' ? 'public, max-age=60' : 'private, no-cache')
    .header('vary', vary);
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.header('content-type', contentType).send(body);
}
