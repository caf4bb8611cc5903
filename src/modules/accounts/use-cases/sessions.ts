// Listing and revoking sessions: one's own, or anyone's for admins (IOC reads).
import type { Context } from '../../../core/context.js';
import { Forbidden, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { accountsPolicy } from '../policy.js';
import * as repo from '../repo.js';

export async function listSessions(ctx: Context, f: { userId?: string; all?: boolean }) {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system') throw new Forbidden();
  const own = ctx.actor.kind === 'user' ? ctx.actor.userId : undefined;
  const wantsOthers = f.all || (f.userId && f.userId !== own);
  if (wantsOthers && !accountsPolicy.listSessionsOfAnyone(ctx.actor)) throw new Forbidden();
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000);
  return repo.listActiveSessions(ctx.db, { userId: f.all ? undefined : (f.userId ?? own) }, now, idleSince);
}

/** Revokes a session by the public id the API shows (first 16 hex characters of its hash). */
export async function revokeSession(ctx: Context, publicId: string) {
  return withTransaction(ctx, async (tx) => {
    if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system') throw new Forbidden();
    const now = ctx.clock.now();
    const idleSince = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000);
    const target = publicId.length >= 16 ? await repo.findActiveSessionByPrefix(tx.db, publicId, now, idleSince) : null;
    // Someone else's session is invisible to those who may not list everyone's.
    const own = ctx.actor.kind === 'user' && target?.userId === ctx.actor.userId;
    if (!target || !(own || accountsPolicy.listSessionsOfAnyone(ctx.actor))) throw new NotFound();
    if (!accountsPolicy.revokeSession(ctx.actor, target)) throw new Forbidden();
    await repo.revokeSessions(tx.db, { id: target.id }, ctx.clock.now(), 'revoked');
    await recordAuditEvent(tx, { action: 'session.revoke', targetType: 'user', targetId: target.userId, data: { session: target.id.slice(0, 16) } });
  });
}

export async function revokeAllSessionsOfUser(ctx: Context, userId: string) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const user = await repo.findUser(tx.db, userId);
    if (!user) throw new NotFound();
    const n = await repo.revokeSessions(tx.db, { userId }, ctx.clock.now(), 'revoked_by_admin');
    await recordAuditEvent(tx, { action: 'session.revoke_all', agencyId: user.agencyId, targetType: 'user', targetId: userId, data: { revoked: n } });
    return n;
  });
}
