// Queries of notifications.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notifications } from './tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Database, rows: Array<typeof notifications.$inferInsert>) {
  if (rows.length) await db.insert(notifications).values(rows);
}

export async function listForUser(db: Database, userId: string, unreadOnly: boolean, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(n);
}

export async function markRead(db: Database, userId: string, ids: string[] | 'all', at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function ownsNotification(db: Database, userId: string, id: string): Promise<boolean> {
  const [r] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return !!r;
}

export async function sentSince(db: Database, kind: string, agencyId: string, since: Date): Promise<boolean> {
  const [r] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), sql`${notifications.data}->>'agencyId' = ${agencyId}`, sql`${notifications.createdAt} > ${since}`))
    .limit(1);
  return !!r;
}

/** Notifications not yet e-mailed, oldest first, locked for this sender. */
export async function claimUnsent(db: Database, since: Date, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(and(isNull(notifications.emailedAt), sql`${notifications.createdAt} > ${since}`))
    .orderBy(notifications.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEmailed(db: Database, id: string, at: Date, error: string | null) {
  await db.update(notifications).set({ emailedAt: at, emailError: error }).where(eq(notifications.id, id));
}
