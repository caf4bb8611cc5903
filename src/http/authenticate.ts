// Turns the request's credential into the context's actor, and enforces what a route declares:
// authentication, token scope, pending sign-in steps, CSRF on cookie-authenticated writes.
// Authorization proper (who may do what to which record) is decided in the areas' policy.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasScope } from '../core/actor.js';
import { Forbidden, Unauthenticated } from '../core/errors.js';
import { safeEqual } from '../core/crypto.js';
import { resolveBearerToken, resolveSession } from '../modules/accounts/service.js';
import type { Config } from '../config.js';
import { clearSessionCookie, readSessionCookie } from './cookies.js';
import { isApiRequest, type ApiRateLimit } from './rate-limit.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticationOptions {
  /** Rate limit of the API, run once the caller is known (also when their credential is refused). */
  rateLimit?: ApiRateLimit;
}

export function registerAuthentication(app: FastifyInstance, config: Config, opts: AuthenticationOptions = {}) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req, reply) => {
    const routeConfig = req.routeOptions.config ?? {};
    const auth = routeConfig.auth ?? (isApiRequest(req.url) ? 'required' : 'public');
    let refused: unknown = null;
    try {
      await identify(req, reply, config, auth);
    } catch (e) {
      refused = e;
    }
    // A refused credential counts against the caller's address like any anonymous request.
    if (opts.rateLimit && isApiRequest(req.url)) await opts.rateLimit(req, reply);
    if (refused) throw refused;
    // Browsers send Origin on cross-site writes: refuse those outright (covers sign-in, which has no session yet).
    if (!SAFE_METHODS.has(req.method)) checkOrigin(req);
    const actor = req.ctx.actor;
    if (auth !== 'public' && actor.kind === 'anonymous') throw new Unauthenticated();
    if (auth === 'user' && actor.kind !== 'user') throw new Forbidden();
    if (auth === 'session' && !(actor.kind === 'user' && actor.via === 'session')) throw new Forbidden();
    if (req.session?.pending && !routeConfig.allowPending && auth !== 'public') {
      const pending = req.session.pending;
      throw new Forbidden(pending === 'mfa' ? 'mfa_required' : pending === 'password_change' ? 'password_change_required' : 'mfa_enrolment_required');
    }
    if (routeConfig.scope && !hasScope(actor, routeConfig.scope)) {
      // A person in the browser lacks a scope only because of their role: that is plain "forbidden".
      throw actor.kind === 'user' && actor.via === 'session' ? new Forbidden() : new Forbidden('scope_missing', { scope: routeConfig.scope });
    }
  });
}

/** The request's credential -> req.ctx.actor (and req.session); throws when the credential is refused. */
async function identify(req: FastifyRequest, reply: FastifyReply, config: Config, auth: string) {
  const header = req.headers.authorization;
  if (header && (/^Bearer\s/i.test(header) || auth !== 'public')) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m ? await resolveBearerToken(req.ctx, m[1]) : null;
    if (!actor) throw new Unauthenticated('token_invalid');
    req.ctx.actor = actor;
    return;
  }
  const token = readSessionCookie(req, config);
  if (!token) return;
  const resolved = await resolveSession(req.ctx, token);
  if (resolved) {
    req.session = resolved;
    req.ctx.actor = resolved.actor;
    if (!SAFE_METHODS.has(req.method)) checkCsrfToken(req, resolved.session.csrfToken);
  } else {
    clearSessionCookie(reply, req, config);
    if (auth !== 'public') throw new Unauthenticated('session_expired');
  }
}

/** Synchronizer token on cookie-authenticated writes. */
function checkCsrfToken(req: FastifyRequest, expected: string) {
  const given = req.headers['x-csrf-token'];
  if (typeof given !== 'string' || !safeEqual(given, expected)) throw new Forbidden('csrf_failed');
}

/** A write whose Origin is another site is refused, whatever its credential. */
function checkOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new Forbidden('csrf_failed');
    }
    if (host !== req.host) throw new Forbidden('csrf_failed');
  }
}
