// JSON bodies: refuse invalid UTF-8 (instead of silently replacing bytes), refuse prototype
// poisoning, and normalise every string to Unicode NFC on the way in.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../core/errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function nfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfc);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = nfc(v);
    return out;
  }
  return value;
}

export function registerJsonBodyParser(app: FastifyInstance) {
  // Only JSON by default: other types (text/plain, forms) answer 415. A form can be sent across
  // sites without a CORS preflight, so accepting forms would open the door to login CSRF.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/problem+json'], { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      return done(Invalid.field('(body)', 'bad_encoding'), undefined);
    }
    if (text.trim() === '') return done(Invalid.field('(body)', 'bad_json'), undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' ? undefined : value));
    } catch {
      return done(Invalid.field('(body)', 'bad_json'), undefined);
    }
    done(null, nfc(parsed));
  });
}

/** application/x-www-form-urlencoded, for the OAuth token endpoint only (RFC 6749 §4.4.2). */
export function registerFormBodyParser(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      return done(Invalid.field('(body)', 'bad_encoding'), undefined);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) out[k] = v.normalize('NFC');
    done(null, out);
  });
}
