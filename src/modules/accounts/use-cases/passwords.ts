// Changing one's password and an admin's reset (which forces a change at next sign-in).
import type { Context } from '../../../core/context.js';
import { generatePassword } from '../../../core/crypto.js';
import { Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { assertStrongPassword, hashPassword, verifyPassword } from '../passwords.js';
import { accountsPolicy } from '../policy.js';
import * as repo from '../repo.js';

export async function changeOwnPassword(ctx: Context, input: { currentPassword: string; newPassword: string }) {
  if (ctx.actor.kind !== 'user' || ctx.actor.via !== 'session') throw new Forbidden();
  const userId = ctx.actor.userId;
  const sessionId = ctx.actor.sessionId;
  const user = (await repo.findUser(ctx.db, userId))!;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await withTransaction(ctx, (tx) =>
      recordAuditEvent(tx, { action: 'user.password_change', outcome: 'failure', targetType: 'user', targetId: user.id, data: { reason: 'wrong_current' } }),
    );
    throw Invalid.field('currentPassword', 'password_wrong');
  }
  if (input.newPassword === input.currentPassword) throw Invalid.field('newPassword', 'password_reused');
  assertStrongPassword(input.newPassword, [user.email, user.username, user.displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await repo.updateUser(tx.db, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now });
    // Other sessions may belong to whoever knew the old password.
    const revoked = await repo.revokeSessions(tx.db, { userId: user.id, exceptId: sessionId }, now, 'password_changed');
    await recordAuditEvent(tx, { action: 'user.password_change', targetType: 'user', targetId: user.id, data: { otherSessionsRevoked: revoked } });
  });
}

/**
 * Sets a new password for someone: generated (returned once) or given; the user must change it
 * at next sign-in, and all their sessions end. Used by admins (API) and operators (CLI).
 */
export async function resetUserPassword(ctx: Context, userId: string, input: { password?: string } = {}) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  const user = await repo.findUser(ctx.db, userId);
  if (!user) throw new NotFound();
  const password = input.password ?? generatePassword();
  if (input.password) assertStrongPassword(input.password, [user.email, user.username, user.displayName], 'password');
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await repo.updateUser(tx.db, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: true, updatedAt: now });
    await repo.revokeSessions(tx.db, { userId: user.id }, now, 'password_reset');
    await recordAuditEvent(tx, { action: 'user.password_reset', agencyId: user.agencyId, targetType: 'user', targetId: user.id });
  });
  return { password };
}
