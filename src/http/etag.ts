// Conditional GET for API reads: a weak ETag over the exact body sent, If-None-Match → 304, and
// the cache policy of public reads (anonymous answers may be shared by caches; others may not).
// An onSend hook, so handlers return objects as usual (serialised by their response schema, seen
// by preSerialization hooks) and the tag covers the bytes that leave.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function weakEtag(body: string | Buffer): string {
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
 * Route-level onSend hook for 200 answers: ETag, Cache-Control (`public, max-age=60` for anonymous
 * readers, `private, no-cache` otherwise) and Vary; 304 with no body when the client has it already.
 */
export function conditionalGet(vary = 'Authorization, Cookie') {
  // callback-style: it runs on every cached read, where a promise per hook is measurable
  return (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return done(null, payload);
    // a cached answer (response-cache.ts) comes with its tag
    const etag = (reply.getHeader('etag') as string | undefined) ?? weakEtag(payload);
    reply
      .header('etag', etag)
      .header('cache-control', req.ctx.actor.kind === 'anonymous' ? 'public, max-age=60' : 'private, no-cache')
      .header('vary', vary);
    if (!etagMatches(req.headers['if-none-match'], etag)) return done(null, payload);
    reply.code(304).removeHeader('content-type');
    done(null, null);
  };
}
