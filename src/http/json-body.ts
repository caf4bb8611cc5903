// JSON bodies: refuse invalid UTF-8 (instead of silently replacing bytes), refuse prototype
// poisoning and NUL characters (PostgreSQL text cannot hold them), and normalise every string to
// Unicode NFC on the way in. Query strings and path parameters are refused NUL the same way.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../core/errors.js';
import { isApiRequest } from './rate-limit.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** NFC strings, a NUL anywhere (value or key) refused naming where it is (`title`, `items/2/url`); the path is built only when a NUL may be there. */
function nfc(value: unknown, path: string | null): unknown {
  if (typeof value === 'string') {
    if (path !== null && value.includes('\0')) throw Invalid.field(path || '(body)', 'field_format');
    return value.normalize('NFC');
  }
  const at = (key: string | number) => (path === null ? null : path ? `${path}/${key}` : String(key));
  if (Array.isArray(value)) return value.map((v, i) => nfc(v, at(i)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = nfc(k, path) as string;
      out[key] = nfc(v, at(key));
    }
    return out;
  }
  return value;
}

/** Query strings and path parameters of the API: a NUL is refused (400 naming the parameter) before any use case sees it. */
export function registerNulRefusal(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (!isApiRequest(req.url)) return;
    for (const source of [req.query, req.params]) {
      if (!source || typeof source !== 'object') continue;
      for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
        if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.includes('\0'))) throw Invalid.field(name, 'field_format');
      }
    }
  });
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
    try {
      // JSON can carry a NUL only escaped: without "\\u0000" in the text there is none to look for
      done(null, nfc(parsed, text.includes('\\u0000') ? '' : null));
    } catch (e) {
      done(e as Error, undefined);
    }
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
    for (const [k, v] of new URLSearchParams(text)) {
      if (k.includes('\0') || v.includes('\0')) return done(Invalid.field(k.replaceAll('\0', ''), 'field_format'), undefined);
      out[k] = v.normalize('NFC');
    }
    done(null, out);
  });
}
