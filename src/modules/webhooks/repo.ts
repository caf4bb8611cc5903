// Queries of webhooks: subscriptions, the deliveries (queue and log) and the dispatcher's cursor.
import { and, asc, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';
import type { OwnerFacts, SubscriptionScope } from './policy.js';
import { changeCursors, webhookDeliveries, webhookSubscriptions } from './tables.js';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type DeliveryInsert = typeof webhookDeliveries.$inferInsert;

export async function insertSubscription(db: Database, row: typeof webhookSubscriptions.$inferInsert): Promise<SubscriptionRow> {
  const [r] = await db.insert(webhookSubscriptions).values(row).returning();
  return r;
}

export async function subscriptionById(db: Database, id: string): Promise<SubscriptionRow | null> {
  const [r] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return r ?? null;
}

function scopeFilter(scope: SubscriptionScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope === 'none') return sql`false`;
  return 'clientId' in scope
    ? eq(webhookSubscriptions.clientId, scope.clientId)
    : and(eq(webhookSubscriptions.userId, scope.userId), sql`${webhookSubscriptions.clientId} IS NULL`);
}

/** Keyset page by id. */
export async function listSubscriptions(db: Database, scope: SubscriptionScope, after: string | null, limit: number): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(and(scopeFilter(scope), after ? gt(webhookSubscriptions.id, after) : undefined))
    .orderBy(asc(webhookSubscriptions.id))
    .limit(limit);
}

export async function updateSubscription(db: Database, id: string, patch: Partial<typeof webhookSubscriptions.$inferInsert>): Promise<SubscriptionRow> {
  const [r] = await db.update(webhookSubscriptions).set(patch).where(eq(webhookSubscriptions.id, id)).returning();
  return r;
}

export async function deleteSubscription(db: Database, id: string): Promise<void> {
  await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
}

export interface ActiveSubscription {
  id: string;
  events: string[];
  createdAt: Date;
  owner: OwnerFacts;
}

/** Active subscriptions with their owner's current facts (client scopes and state, person's role and state). */
export async function activeSubscriptions(db: Database, now: Date): Promise<ActiveSubscription[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT s.id, s.events, s.created_at AS "createdAt", coalesce(c.agency_id, u.agency_id, s.agency_id) AS "agencyId",
        s.client_id AS "clientId", c.scopes AS "clientScopes", s.scopes AS "grantedScopes",
        (c.id IS NOT NULL AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > ${now.toISOString()}::timestamptz)) AS "clientLive",
        s.user_id AS "userId", u.role AS "userRole", (u.id IS NOT NULL AND u.disabled_at IS NULL) AS "userLive"
      FROM webhook_subscriptions s
      LEFT JOIN api_clients c ON c.id = s.client_id
      LEFT JOIN users u ON u.id = s.user_id
      WHERE s.active ORDER BY s.id`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    events: r.events as string[],
    createdAt: new Date(r.createdAt as string),
    owner: {
      agencyId: r.agencyId as string,
      clientId: (r.clientId as string | null) ?? null,
      clientScopes: (r.clientScopes as string[] | null) ?? null,
      clientLive: Boolean(r.clientLive),
      userId: (r.userId as string | null) ?? null,
      userRole: (r.userRole as string | null) ?? null,
      userLive: Boolean(r.userLive),
      grantedScopes: (r.grantedScopes as string[] | null) ?? null,
    },
  }));
}

/**
 * The dispatcher's cursor, locked until the transaction ends (a second process waits, then reads the
 * advanced cursor). Created at the stream's head the first time: subscriptions get no history.
 */
export async function lockCursor(db: Database, name: string, now: Date): Promise<number> {
  await db.execute(sql`INSERT INTO change_cursors (name, seq, updated_at)
    SELECT ${name}, coalesce(max(seq), 0), ${now.toISOString()}::timestamptz FROM public_changes ON CONFLICT (name) DO NOTHING`);
  const rows = rowsOf<{ seq: string | number }>(await db.execute(sql`SELECT seq FROM change_cursors WHERE name = ${name} FOR UPDATE`));
  return Number(rows[0].seq);
}

export async function setCursor(db: Database, name: string, seq: number, now: Date): Promise<void> {
  await db.update(changeCursors).set({ seq, updatedAt: now }).where(eq(changeCursors.name, name));
}

/** Inserts deliveries; one per subscription and change (a replay inserts nothing). Returns how many were new. */
export async function insertDeliveries(db: Database, rows: DeliveryInsert[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  return inserted.length;
}

export interface DueDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  body: unknown;
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries (FOR UPDATE SKIP LOCKED) and leases them until `leaseUntil`,
 * so the HTTP request runs outside any transaction and no other process sends them meanwhile.
 */
export async function claimDue(db: Database, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`WITH due AS (
        SELECT d.id FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id
        LEFT JOIN api_clients c ON c.id = s.client_id
        LEFT JOIN users u ON u.id = s.user_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now.toISOString()}::timestamptz
          -- a paused subscription, or one whose owner is revoked or disabled, keeps its queue unsent
          AND s.active
          AND ((c.id IS NOT NULL AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > ${now.toISOString()}::timestamptz)) OR (u.id IS NOT NULL AND u.disabled_at IS NULL))
        ORDER BY d.next_attempt_at, d.id LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
      UPDATE webhook_deliveries d SET next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
      FROM due, webhook_subscriptions s WHERE d.id = due.id AND s.id = d.subscription_id
      RETURNING d.id, d.subscription_id AS "subscriptionId", s.url, s.secret, d.payload -> 'body' AS body, d.attempts`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    subscriptionId: r.subscriptionId as string,
    url: r.url as string,
    secret: r.secret as string,
    body: r.body,
    attempts: Number(r.attempts),
  }));
}

export interface AttemptOutcome {
  at: Date;
  status: number | null;
  error: string | null;
  /** pending (with nextAttemptAt) | delivered | failed */
  result: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: Date | null;
}

/** Records one attempt: the counters, the last answer, and the attempt appended to the log in payload.attempts. */
export async function recordAttempt(db: Database, id: string, o: AttemptOutcome): Promise<void> {
  const entry = JSON.stringify({ at: o.at.toISOString(), status: o.status, error: o.error });
  await db.execute(sql`UPDATE webhook_deliveries SET
      attempts = attempts + 1, last_attempt_at = ${o.at.toISOString()}::timestamptz, last_status = ${o.status}, last_error = ${o.error},
      status = ${o.result}, next_attempt_at = ${o.nextAttemptAt ? o.nextAttemptAt.toISOString() : null}::timestamptz,
      delivered_at = ${o.result === 'delivered' ? o.at.toISOString() : null}::timestamptz,
      payload = jsonb_set(payload, '{attempts}', coalesce(payload -> 'attempts', '[]'::jsonb) || jsonb_build_array(${entry}::jsonb))
    WHERE id = ${id}::uuid AND status = 'pending'`);
}

/** Keyset page of a subscription's deliveries, newest change first. */
export async function listDeliveries(db: Database, subscriptionId: string, before: number | null, limit: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), before !== null ? lt(webhookDeliveries.changeSeq, before) : undefined))
    .orderBy(desc(webhookDeliveries.changeSeq))
    .limit(limit);
}

/** One delivery of a subscription (null: none with that id in that subscription). */
export async function deliveryOf(db: Database, subscriptionId: string, id: string): Promise<DeliveryRow | null> {
  const [r] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.id, id)));
  return r ?? null;
}

/**
 * Puts a finished delivery back in the queue for a fresh series of attempts (the unique index on
 * subscription + change keeps one row per change: the row is reset, its attempt log kept).
 * Null when it is pending meanwhile.
 */
export async function requeueDelivery(db: Database, id: string, now: Date): Promise<DeliveryRow | null> {
  const [r] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastStatus: null, lastError: null, deliveredAt: null })
    .where(and(eq(webhookDeliveries.id, id), ne(webhookDeliveries.status, 'pending')))
    .returning();
  return r ?? null;
}

export interface FailureStreak {
  /** deliveries given up since the last success (or since the owner last changed the subscription) */
  failures: number;
  /** when the first of them was queued, no earlier than that last success or change; null: none */
  since: Date | null;
  lastError: string | null;
}

/**
 * The subscription's current run of failures: deliveries given up (`failed`) whose last attempt came
 * after both its last successful delivery and its last change by the owner (a resume, a new URL).
 */
export async function failureStreak(db: Database, subscriptionId: string): Promise<FailureStreak> {
  const rows = rowsOf<{ failures: string | number; since: string | Date | null; lastError: string | null }>(
    await db.execute(sql`WITH s AS (
        SELECT greatest(w.updated_at, coalesce((SELECT max(delivered_at) FROM webhook_deliveries WHERE subscription_id = w.id), '-infinity'::timestamptz)) AS reset
        FROM webhook_subscriptions w WHERE w.id = ${subscriptionId}::uuid)
      SELECT count(d.id) AS failures, greatest(min(d.created_at), min(s.reset)) AS since,
        (array_agg(coalesce(d.last_error, 'HTTP ' || d.last_status) ORDER BY d.last_attempt_at DESC))[1] AS "lastError"
      FROM s LEFT JOIN webhook_deliveries d ON d.subscription_id = ${subscriptionId}::uuid AND d.status = 'failed' AND d.last_attempt_at > s.reset`),
  );
  const r = rows[0];
  const failures = Number(r?.failures ?? 0);
  return { failures, since: failures && r.since ? new Date(r.since) : null, lastError: failures ? r.lastError : null };
}

/** Disables an active subscription; null when it was no longer active (another process did it first). */
export async function disableSubscription(db: Database, id: string, reason: string, now: Date): Promise<SubscriptionRow | null> {
  const [r] = await db
    .update(webhookSubscriptions)
    .set({ active: false, disabledReason: reason, updatedAt: now })
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.active, true)))
    .returning();
  return r ?? null;
}

/** The person to tell about a subscription: its owner, or the person who registered the owning API client. */
export async function personToNotify(db: Database, s: Pick<SubscriptionRow, 'userId' | 'clientId'>): Promise<string | null> {
  if (s.userId) return s.userId;
  if (!s.clientId) return null;
  const rows = rowsOf<{ createdBy: string | null }>(await db.execute(sql`SELECT created_by AS "createdBy" FROM api_clients WHERE id = ${s.clientId}::uuid`));
  return rows[0]?.createdBy ?? null;
}
