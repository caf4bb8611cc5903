// HTTP: sign-in, second factor, password change, sign-out, the current session.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Forbidden, Invalid, Unauthenticated } from '../../core/errors.js';
import { clearSessionCookie, isLoopback, isSecureRequest, setSessionCookie } from '../../http/cookies.js';
import { errors, Ok } from '../../http/schemas.js';
import type { Config } from '../../config.js';
import * as accounts from './service.js';
import { presentSessionState, presentUser } from './present.js';
import { ChangePasswordBody, CodeBody, MfaEnrolment, RecoveryCodes, SignInBody, UpdateProfileBody } from './schemas.js';

const tags = ['auth'];

export async function authRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const stateOf = (s: accounts.ResolvedSession, now: Date) =>
    presentSessionState(s.user, s.session, s.pending, now, { idleMinutes: config.session.idleMinutes, lockMinutes: config.login.lockMinutes });

  api.post('/auth/sign-in', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Sign in with e-mail or user name and password; sets the session cookie',
      body: SignInBody,
      response: { 200: { $ref: 'SessionState' }, 400: errors[400], 401: errors[401], 403: errors[403], 429: errors[429], 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      if (!isSecureRequest(req, config) && !isLoopback(req.socket.remoteAddress)) throw new Forbidden('https_required');
      const result = await accounts.signIn(req.ctx, req.body);
      setSessionCookie(reply, req, config, result.token, config.session.absoluteHours * 3600);
      return presentSessionState(result.user, result.session, result.pending, req.ctx.clock.now(), {
        idleMinutes: config.session.idleMinutes,
        lockMinutes: config.login.lockMinutes,
      });
    },
  });

  api.post('/auth/second-factor', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'Second sign-in step: a TOTP code or a recovery code',
      body: CodeBody,
      response: { 200: { $ref: 'SessionState' }, 400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      if (!req.session) throw new Forbidden();
      const result = await accounts.verifySignInSecondFactor(req.ctx, req.session.session.id, req.body);
      if (!result.ok) throw Invalid.field('code', 'mfa_code_wrong');
      const fresh = await accounts.resolveSessionById(req.ctx, req.session.session.id);
      if (!fresh) throw new Unauthenticated('session_expired');
      return stateOf(fresh, req.ctx.clock.now());
    },
  });

  api.get('/auth/session', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'The signed-in user, the pending sign-in step and the CSRF token',
      response: { 200: { $ref: 'SessionState' }, 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      if (!req.session) throw new Unauthenticated();
      return stateOf(req.session, req.ctx.clock.now());
    },
  });

  api.post('/auth/sign-out', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'End this session',
      response: { 200: Ok, 401: errors[401], 403: errors[403], 400: errors[400], 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      if (req.session) await accounts.signOut(req.ctx, req.session.session.id);
      clearSessionCookie(reply, req, config);
      return { ok: true as const };
    },
  });

  api.post('/auth/password', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'Change your own password (required after a reset); ends your other sessions',
      body: ChangePasswordBody,
      response: { 200: { $ref: 'SessionState' }, 400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      if (!req.session || req.session.pending === 'mfa') throw new Forbidden('mfa_required');
      await accounts.changeOwnPassword(req.ctx, req.body);
      const fresh = await accounts.resolveSessionById(req.ctx, req.session.session.id);
      if (!fresh) throw new Unauthenticated('session_expired');
      return stateOf(fresh, req.ctx.clock.now());
    },
  });

  api.post('/auth/mfa/enrolment', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'Start setting up TOTP: returns the secret and a QR code',
      response: { 200: MfaEnrolment, 401: errors[401], 403: errors[403], 409: errors[409], 400: errors[400], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      assertPendingAtMost(req.session, 'mfa_enrolment');
      return accounts.startMfaEnrolment(req.ctx);
    },
  });

  api.post('/auth/mfa/confirm', {
    config: { auth: 'session', allowPending: true },
    schema: {
      tags,
      summary: 'Finish TOTP set-up with a current code; returns recovery codes once',
      body: CodeBody,
      response: { 200: RecoveryCodes, 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      assertPendingAtMost(req.session, 'mfa_enrolment');
      return accounts.confirmMfaEnrolment(req.ctx, req.body);
    },
  });

  api.delete('/auth/mfa', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'Turn off your own second factor (not allowed for roles that require it)',
      response: { 200: Ok, 401: errors[401], 403: errors[403], 400: errors[400], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await accounts.disableOwnMfa(req.ctx);
      return { ok: true as const };
    },
  });

  api.patch('/auth/profile', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'Update your display name or interface language',
      body: UpdateProfileBody,
      response: { 200: { $ref: 'User' }, 400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => presentUser(await accounts.updateOwnProfile(req.ctx, req.body), req.ctx.clock.now(), config.login.lockMinutes),
  });
}

/** Enrolment is reachable once the password step is done (or when it is the pending step). */
function assertPendingAtMost(session: accounts.ResolvedSession | null, allowed: 'mfa_enrolment') {
  if (!session) throw new Forbidden();
  if (session.pending === 'mfa') throw new Forbidden('mfa_required');
  if (session.pending === 'password_change') throw new Forbidden('password_change_required');
  void allowed;
}
