// Notifications: written in the same transaction as the change they announce; read by their owner.
// When SMTP is configured, the job runner e-mails them (this table is the outbox).
import type { Context } from '../../core/context.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import type { Text } from '../../core/i18n.js';
import * as repo from './repo.js';
import { withTransaction } from '../../db/transaction.js';
import * as accounts from '../accounts/service.js';

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
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: n.kind,
      titleVi: n.title.vi,
      titleEn: n.title.en,
      link: n.link ?? null,
      data: n.data ?? {},
      createdAt: now,
    })),
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

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Sends the e-mail copies of recent notifications (the notifications table is the outbox: rows are
 * written with the change, sent after commit). Each is tried once; a failure is recorded on the row.
 */
export async function sendNotificationEmails(ctx: Context, mailer: Mailer, opts: { baseUrl: string; limit?: number }) {
  const since = new Date(ctx.clock.now().getTime() - 7 * 86_400_000);
  let sent = 0;
  let failed = 0;
  await withTransaction(ctx, async (tx) => {
    const rows = await repo.claimUnsent(tx.db, since, opts.limit ?? 100);
    const emails = await accounts.emailsOf(tx, [...new Set(rows.map((r) => r.userId))]);
    for (const n of rows) {
      const user = emails.get(n.userId);
      if (!user) {
        await repo.markEmailed(tx.db, n.id, ctx.clock.now(), 'no active account');
        continue;
      }
      const title = user.locale === 'en' ? n.titleEn : n.titleVi;
      const link = n.link ? `${opts.baseUrl}${n.link}` : opts.baseUrl;
      try {
        await mailer.send({ to: user.email, subject: `[TTDN] ${title}`, text: `${title}\n\n${link}\n\n— TTDN` });
        await repo.markEmailed(tx.db, n.id, ctx.clock.now(), null);
        sent++;
      } catch (e) {
        await repo.markEmailed(tx.db, n.id, ctx.clock.now(), (e as Error).message.slice(0, 500));
        failed++;
      }
    }
  });
  return { sent, failed };
}
