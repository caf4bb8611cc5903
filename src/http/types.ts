// What the HTTP layer adds to Fastify's request and route config.
import type { Scope } from '../core/actor.js';
import type { Context } from '../core/context.js';
import type { ResolvedSession } from '../modules/accounts/service.js';
import type { ResponseCache } from './response-cache.js';
import type { UsageRecorder } from '../modules/usage/recorder.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** API usage counters not yet written (tests flush them with `app.usageRecorder.flush()`). */
    usageRecorder: UsageRecorder;
    /** Answers of public reads per public generation (http/response-cache.ts), used by the read routes. */
    apiCache: ResponseCache;
  }
  interface FastifyRequest {
    ctx: Context;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /**
     * public: no credential needed; required (default under /api/v1): any signed-in actor;
     * user: a person (session or personal token); session: a person signed in in the browser —
     * managing one's own account (sessions, tokens, profile, 2FA) is never done with a token.
     */
    auth?: 'public' | 'required' | 'user' | 'session';
    /** Scope the credential must carry. */
    scope?: Scope;
    /** Usable while a sign-in step (second factor, password change, 2FA enrolment) is pending. */
    allowPending?: boolean;
    /** Rate-limited sign-in style endpoint that must run over HTTPS unless on loopback. */
    requiresSecureTransport?: boolean;
    /** Usage accounting: a successful GET of this route counts as reading items (default: item routes, see http/usage.ts). */
    countsItemReads?: boolean;
  }
}

export {};
