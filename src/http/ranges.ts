// HTTP byte ranges (RFC 9110 §14): one range per request, which is what video players and
// download managers send. Several ranges are answered with the whole file.
import type { FastifyReply } from 'fastify';

export type ParsedRange = { start: number; end: number } | 'unsatisfiable' | null;

/** The range asked for, 'unsatisfiable' (416), or null for the whole file (no header, If-Range mismatch, several ranges). */
export function parseRange(header: string | undefined, size: number, ifRange?: string | string[], etag?: string): ParsedRange {
  if (!header) return null;
  if (ifRange !== undefined && ifRange !== etag) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') ? null : 'unsatisfiable';
  const [, a, b] = m;
  if (a === '' && b === '') return 'unsatisfiable';
  let start: number;
  let end: number;
  if (a === '') {
    // suffix: the last b bytes
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(size - n, 0);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return 'unsatisfiable';
  }
  if (!Number.isSafeInteger(start) || start >= size) return 'unsatisfiable';
  return { start, end };
}

export function sendBytes(
  reply: FastifyReply,
  o: { stream: NodeJS.ReadableStream | null; size: number; range: { start: number; end: number } | null; contentType: string; head: boolean },
) {
  reply.header('content-type', o.contentType);
  if (o.range) {
    reply
      .code(206)
      .header('content-range', `bytes ${o.range.start}-${o.range.end}/${o.size}`)
      .header('content-length', o.range.end - o.range.start + 1);
  } else reply.code(200).header('content-length', o.size);
  if (o.head || !o.stream) return reply.send();
  return reply.send(o.stream);
}
