// Notifications: written in the same transaction as the change they announce; read by their owner.
// E-mail delivery (when SMTP is configured) is not built yet: see docs/decisions.md.
import type { Context } from '../../core/context.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import type { Text } from '../../core/i18n.js';
import * as repo from './repo.js';

export interface NotificationInput {
  kind: string;
  title: Text;
  link?: string;
  data?: Record<string, unknown>;
}

export async function notifyUsers(ctx: Context, userIds: string[], n: NotificationInput): Promise<void> {
  const now = ctx.clock.now();
  await repo.insertNotifications(
    ctx.db,
    [...new Set(userIds)].map((userId) => ({ userId, kind: n.kind, titleVi: n.title.vi, titleEn: n.title.en, link: n.link ?? null, data: n.data ?? {}, createdAt: now })),
  );
}

function self(ctx: Context): string {
  if (ctx.actor.kind !== 'user') throw new Forbidden();
  return ctx.actor.userId;
}

export async function listMyNotifications(ctx: Context, f: { unreadOnly?: boolean; limit?: number }) {
  const userId = self(ctx);
  const [items, unread] = await Promise.all([repo.listForUser(ctx.db, userId, !!f.unreadOnly, f.limit ?? 50), repo.countUnread(ctx.db, userId)]);
  return { items, unread };
}

export async function markNotificationsRead(ctx: Context, ids: string[] | 'all') {
  const userId = self(ctx);
  if (ids !== 'all') for (const id of ids) if (!(await repo.ownsNotification(ctx.db, userId, id))) throw new NotFound();
  return repo.markRead(ctx.db, userId, ids, ctx.clock.now());
}

/** Whether a notification of this kind about this agency went out since the given time. */
export function agencyNotifiedSince(ctx: Context, kind: string, agencyId: string, since: Date): Promise<boolean> {
  return repo.sentSince(ctx.db, kind, agencyId, since);
}
