// Sign-in, second-factor check, sign-out, and turning a cookie or bearer token into an actor.
import { ROLE_SCOPES, type Actor, type Role, type Scope } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { randomToken, sha256Hex } from '../../../core/crypto.js';
import { Forbidden, RateLimited, Unauthenticated } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { MFA_REQUIRED_ROLES } from '../policy.js';
import { dummyPasswordHash, verifyPassword } from '../passwords.js';
import * as repo from '../repo.js';
import { checkTotpOrRecovery } from './mfa.js';

export type PendingStep = 'mfa' | 'password_change' | 'mfa_enrolment' | null;

export function pendingStep(user: repo.UserRow, session: { mfaVerified: boolean }): PendingStep {
  if (user.mfaEnabledAt && !session.mfaVerified) return 'mfa';
  if (user.mustChangePassword) return 'password_change';
  if (!user.mfaEnabledAt && MFA_REQUIRED_ROLES.includes(user.role as Role)) return 'mfa_enrolment';
  return null;
}

export function isLocked(user: repo.UserRow, now: Date, lockMinutes: number): boolean {
  return !!user.lockedAt && now.getTime() < user.lockedAt.getTime() + lockMinutes * 60_000;
}

/** Delay the next attempt on an account after repeated failures: 2, 4, 8 … 60 s. */
function slowDownSeconds(failures: number, slowAfter: number): number {
  if (failures < slowAfter) return 0;
  return Math.min(60, 2 ** (failures - slowAfter + 1));
}

export interface SignInResult {
  token: string;
  session: repo.SessionRow;
  user: repo.UserRow;
  pending: PendingStep;
}

export async function signIn(ctx: Context, input: { login: string; password: string }): Promise<SignInResult> {
  const now = ctx.clock.now();
  const cfg = ctx.config.login;
  const ipKey = `ip:${ctx.ip ?? 'unknown'}`;
  const attempted = { type: 'anonymous', id: null, label: input.login.slice(0, 200) };

  const ipThrottle = await repo.findThrottle(ctx.db, ipKey);
  if (ipThrottle?.blockedUntil && ipThrottle.blockedUntil > now) {
    const wait = Math.ceil((ipThrottle.blockedUntil.getTime() - now.getTime()) / 1000);
    await withTransaction(ctx, (tx) =>
      recordAuditEvent(tx, { action: 'auth.sign_in', outcome: 'failure', actor: attempted, agencyId: null, data: { reason: 'ip_blocked' } }),
    );
    throw new RateLimited(wait, 'ip_blocked');
  }

  const user = await repo.findUserByLogin(ctx.db, input.login);
  const who = user ? { type: 'user', id: user.id, label: user.username } : attempted;
  /** The audit event of a refused sign-in to an account that exists (locked, slowed down, disabled). */
  const refuseKnownUser = (reason: 'locked' | 'slowed' | 'disabled') =>
    withTransaction(ctx, (tx) =>
      recordAuditEvent(tx, {
        action: 'auth.sign_in',
        outcome: 'failure',
        actor: who,
        agencyId: user!.agencyId,
        targetType: 'user',
        targetId: user!.id,
        data: { reason },
      }),
    );

  if (user && isLocked(user, now, cfg.lockMinutes)) {
    await refuseKnownUser('locked');
    throw new Forbidden('account_locked');
  }
  if (user && user.lastFailedLoginAt) {
    const wait = slowDownSeconds(user.failedLogins, cfg.slowAfterFailures);
    const readyAt = user.lastFailedLoginAt.getTime() + wait * 1000;
    if (readyAt > now.getTime()) {
      const seconds = Math.ceil((readyAt - now.getTime()) / 1000);
      await refuseKnownUser('slowed');
      throw new RateLimited(seconds, 'login_slowed', { seconds });
    }
  }

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await withTransaction(ctx, async (tx) => {
      const windowStart = new Date(now.getTime() - cfg.lockMinutes * 60_000);
      const fresh = ipThrottle && ipThrottle.firstFailureAt > windowStart;
      const failures = fresh ? ipThrottle.failures + 1 : 1;
      await repo.saveThrottle(tx.db, {
        key: ipKey,
        failures,
        firstFailureAt: fresh ? ipThrottle.firstFailureAt : now,
        lastFailureAt: now,
        blockedUntil: failures >= cfg.maxIpFailures ? new Date(now.getTime() + cfg.lockMinutes * 60_000) : null,
      });
      let locked = false;
      if (user) {
        const failed = user.failedLogins + 1;
        locked = failed >= cfg.maxAccountFailures;
        await repo.updateUser(tx.db, user.id, {
          failedLogins: failed,
          lastFailedLoginAt: now,
          ...(locked ? { lockedAt: now } : {}),
        });
      }
      await recordAuditEvent(tx, {
        action: 'auth.sign_in',
        outcome: 'failure',
        actor: who,
        agencyId: user?.agencyId ?? null,
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        data: { reason: user ? 'wrong_password' : 'unknown_account', ipFailures: failures, ...(locked ? { locked: true } : {}) },
      });
      if (locked) {
        await recordAuditEvent(tx, {
          action: 'user.lock',
          actor: who,
          agencyId: user!.agencyId,
          targetType: 'user',
          targetId: user!.id,
          data: { reason: 'too_many_failures' },
        });
      }
    });
    throw new Unauthenticated('login_failed');
  }
  if (user.disabledAt) {
    await refuseKnownUser('disabled');
    throw new Forbidden('account_disabled');
  }

  return withTransaction(ctx, async (tx) => {
    const token = randomToken(32);
    const session = await repo.insertSession(tx.db, {
      id: sha256Hex(token),
      userId: user.id,
      csrfToken: randomToken(24),
      mfaVerified: false,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.session.absoluteHours * 3_600_000),
    });
    const updated = (await repo.updateUser(tx.db, user.id, { failedLogins: 0, lastFailedLoginAt: null, lockedAt: null, lastLoginAt: now }))!;
    const pending = pendingStep(updated, session);
    await recordAuditEvent(tx, {
      action: 'auth.sign_in',
      actor: who,
      agencyId: user.agencyId,
      targetType: 'user',
      targetId: user.id,
      data: { pending, session: session.id.slice(0, 12) },
    });
    return { token, session, user: updated, pending };
  });
}

/** Second step of sign-in: a TOTP or recovery code marks the session verified. */
export async function verifySignInSecondFactor(ctx: Context, sessionId: string, input: { code: string }) {
  return withTransaction(ctx, async (tx) => {
    const session = await repo.findSession(tx.db, sessionId);
    if (!session) throw new Unauthenticated('session_expired');
    const user = (await repo.findUser(tx.db, session.userId))!;
    const who = { type: 'user', id: user.id, label: user.username };
    const result = await checkTotpOrRecovery(tx, user, input.code);
    if (!result) {
      // Wrong codes count like wrong passwords: guessing six digits must end in a lock.
      const failed = user.failedLogins + 1;
      const locked = failed >= ctx.config.login.maxAccountFailures;
      await repo.updateUser(tx.db, user.id, { failedLogins: failed, lastFailedLoginAt: ctx.clock.now(), ...(locked ? { lockedAt: ctx.clock.now() } : {}) });
      if (locked) await repo.revokeSessions(tx.db, { userId: user.id }, ctx.clock.now(), 'locked');
      await recordAuditEvent(tx, {
        action: 'auth.mfa_verify',
        outcome: 'failure',
        actor: who,
        agencyId: user.agencyId,
        targetType: 'user',
        targetId: user.id,
        data: locked ? { locked: true } : {},
      });
      return { ok: false as const };
    }
    await repo.updateSession(tx.db, session.id, { mfaVerified: true });
    await recordAuditEvent(tx, {
      action: 'auth.mfa_verify',
      actor: who,
      agencyId: user.agencyId,
      targetType: 'user',
      targetId: user.id,
      data: { method: result },
    });
    const fresh = (await repo.findUser(tx.db, user.id))!;
    return { ok: true as const, pending: pendingStep(fresh, { mfaVerified: true }) };
  });
}

export async function signOut(ctx: Context, sessionId: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const n = await repo.revokeSessions(tx.db, { id: sessionId }, ctx.clock.now(), 'sign_out');
    if (n) await recordAuditEvent(tx, { action: 'auth.sign_out', targetType: 'session', targetId: sessionId.slice(0, 12) });
  });
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  session: repo.SessionRow;
  user: repo.UserRow;
  pending: PendingStep;
}

/** Cookie value -> session, or null when unknown, revoked, idle too long or past its absolute expiry. */
export function resolveSession(ctx: Context, token: string): Promise<ResolvedSession | null> {
  return resolveSessionById(ctx, sha256Hex(token));
}

export async function resolveSessionById(ctx: Context, sessionId: string): Promise<ResolvedSession | null> {
  const now = ctx.clock.now();
  const found = await repo.findSessionWithUser(ctx.db, sessionId);
  if (!found) return null;
  const { session, user } = found;
  if (session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > ctx.config.session.idleMinutes * 60_000) return null;
  if (user.disabledAt) return null;
  // Touch at most once a minute: idle expiry needs no write per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await repo.updateSession(ctx.db, session.id, { lastSeenAt: now });
  }
  const role = user.role as Role;
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      agencyId: user.agencyId,
      role,
      label: user.username,
      via: 'session',
      scopes: ROLE_SCOPES[role],
      sessionId: session.id,
    },
    session,
    user,
    pending: pendingStep(user, session),
  };
}

/** Bearer token (personal token or OAuth access token) -> actor, or null. */
export async function resolveBearerToken(ctx: Context, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const hash = sha256Hex(token);
  if (token.startsWith('ttdn_pat_')) {
    const found = await repo.findPersonalTokenByHash(ctx.db, hash);
    if (!found) return null;
    const { token: t, user } = found;
    if (t.revokedAt || (t.expiresAt && t.expiresAt <= now) || user.disabledAt) return null;
    if (isLocked(user, now, ctx.config.login.lockMinutes)) return null;
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) {
      await repo.updatePersonalToken(ctx.db, t.id, { lastUsedAt: now });
    }
    const role = user.role as Role;
    const scopes = (t.scopes as Scope[]).filter((s) => ROLE_SCOPES[role].includes(s));
    return { kind: 'user', userId: user.id, agencyId: user.agencyId, role, label: user.username, via: 'token', scopes };
  }
  if (token.startsWith('ttdn_at_')) {
    const found = await repo.findAccessToken(ctx.db, hash);
    if (!found) return null;
    const { token: t, client } = found;
    if (t.expiresAt <= now || client.revokedAt || (client.expiresAt && client.expiresAt <= now)) return null;
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000) {
      await repo.updateApiClient(ctx.db, client.id, { lastUsedAt: now });
    }
    return { kind: 'client', clientId: client.id, agencyId: client.agencyId, label: `client:${client.clientId}`, scopes: t.scopes as Scope[] };
  }
  return null;
}
