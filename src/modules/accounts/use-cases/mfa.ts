// TOTP second factor: enrolment with QR code and recovery codes, verification, reset by an admin.
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Role } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { generateRecoveryCode, safeEqual, sha256Hex } from '../../../core/crypto.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { accountsPolicy, MFA_REQUIRED_ROLES } from '../policy.js';
import * as repo from '../repo.js';

const ISSUER = 'TTDN Huế';
const RECOVERY_CODES = 10;

function totpFor(user: repo.UserRow, secret: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: user.email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

function selfUser(ctx: Context): string {
  if (ctx.actor.kind !== 'user' || ctx.actor.via !== 'session') throw new Forbidden();
  return ctx.actor.userId;
}

/** Starts enrolment: a new secret kept pending until a code from the app confirms it. */
export async function startMfaEnrolment(ctx: Context) {
  const userId = selfUser(ctx);
  return withTransaction(ctx, async (tx) => {
    const user = (await repo.findUser(tx.db, userId))!;
    if (user.mfaEnabledAt) throw new Conflict('mfa_already_enabled');
    const secret = new Secret({ size: 20 }).base32;
    await repo.updateUser(tx.db, user.id, { mfaPendingSecret: secret, updatedAt: ctx.clock.now() });
    await recordAuditEvent(tx, { action: 'user.mfa_enrol_start', targetType: 'user', targetId: user.id });
    const uri = totpFor(user, secret).toString();
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { secret, otpauthUri: uri, qrSvg };
  });
}

/** Confirms enrolment with a current code; returns the recovery codes, shown once. */
export async function confirmMfaEnrolment(ctx: Context, input: { code: string }) {
  const userId = selfUser(ctx);
  return withTransaction(ctx, async (tx) => {
    const user = (await repo.findUser(tx.db, userId))!;
    if (user.mfaEnabledAt) throw new Conflict('mfa_already_enabled');
    if (!user.mfaPendingSecret) throw new Conflict('mfa_not_started');
    const counter = matchTotp(user, user.mfaPendingSecret, input.code, ctx.clock.now());
    if (counter === null) throw Invalid.field('code', 'mfa_code_wrong');
    const codes = Array.from({ length: RECOVERY_CODES }, generateRecoveryCode);
    await repo.updateUser(tx.db, user.id, {
      mfaSecret: user.mfaPendingSecret,
      mfaPendingSecret: null,
      mfaEnabledAt: ctx.clock.now(),
      mfaLastCounter: counter,
      recoveryCodeHashes: codes.map((c) => sha256Hex(c)),
      updatedAt: ctx.clock.now(),
    });
    // The session that enrolled has just proven the factor.
    if (ctx.actor.kind === 'user' && ctx.actor.sessionId) await repo.updateSession(tx.db, ctx.actor.sessionId, { mfaVerified: true });
    await recordAuditEvent(tx, { action: 'user.mfa_enable', targetType: 'user', targetId: user.id });
    return { recoveryCodes: codes };
  });
}

function matchTotp(user: repo.UserRow, secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(user, secret).validate({ token: clean, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 30_000) + delta;
}

/**
 * Checks a TOTP code (refusing a replayed one) or consumes a recovery code.
 * Runs inside the caller's transaction; returns how the user passed, or null.
 */
export async function checkTotpOrRecovery(ctx: Context, user: repo.UserRow, code: string): Promise<'totp' | 'recovery' | null> {
  if (!user.mfaSecret) return null;
  const counter = matchTotp(user, user.mfaSecret, code, ctx.clock.now());
  if (counter !== null) {
    if (user.mfaLastCounter !== null && counter <= user.mfaLastCounter) return null;
    await repo.updateUser(ctx.db, user.id, { mfaLastCounter: counter, failedLogins: 0, lastFailedLoginAt: null });
    return 'totp';
  }
  const hash = sha256Hex(code.trim().toLowerCase());
  const remaining = user.recoveryCodeHashes.filter((h) => !safeEqual(h, hash));
  if (remaining.length === user.recoveryCodeHashes.length) return null;
  await repo.updateUser(ctx.db, user.id, { recoveryCodeHashes: remaining, failedLogins: 0, lastFailedLoginAt: null });
  return 'recovery';
}

/** Turns off one's own second factor, where the role does not require it. */
export async function disableOwnMfa(ctx: Context) {
  const userId = selfUser(ctx);
  await withTransaction(ctx, async (tx) => {
    const user = (await repo.findUser(tx.db, userId))!;
    if (MFA_REQUIRED_ROLES.includes(user.role as Role)) throw new Forbidden('mfa_cannot_disable');
    await repo.updateUser(tx.db, user.id, { mfaSecret: null, mfaEnabledAt: null, mfaLastCounter: null, recoveryCodeHashes: [], updatedAt: ctx.clock.now() });
    await recordAuditEvent(tx, { action: 'user.mfa_disable', targetType: 'user', targetId: user.id });
  });
}

/** An admin clears someone's second factor (lost phone); they enrol again at next sign-in. */
export async function resetUserMfa(ctx: Context, userId: string) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  await withTransaction(ctx, async (tx) => {
    const user = await repo.findUser(tx.db, userId);
    if (!user) throw new NotFound();
    await repo.updateUser(tx.db, user.id, {
      mfaSecret: null,
      mfaPendingSecret: null,
      mfaEnabledAt: null,
      mfaLastCounter: null,
      recoveryCodeHashes: [],
      updatedAt: ctx.clock.now(),
    });
    await repo.revokeSessions(tx.db, { userId: user.id }, ctx.clock.now(), 'mfa_reset');
    await recordAuditEvent(tx, { action: 'user.mfa_reset', agencyId: user.agencyId, targetType: 'user', targetId: user.id });
  });
}
