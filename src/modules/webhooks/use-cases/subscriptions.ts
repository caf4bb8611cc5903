// Registering, reading, changing, rotating and removing webhook subscriptions; a test ping.
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from '../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { subscriptionScope, webhookPolicy } from '../policy.js';
import { presentDelivery, presentSubscription } from '../present.js';
import * as repo from '../repo.js';
import { postSigned, type SendResult } from '../sender.js';
import { newWebhookSecret } from '../signature.js';
import { isPublicAddress } from '../target.js';

export const WEBHOOK_EVENTS = ['published', 'updated', 'unpublished', 'deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const MAX_URL_LENGTH = 2000;
export const DISPATCHER_CURSOR = 'webhooks';

export interface SubscriptionInput {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

/** http(s) only, no credentials in the URL, at most 2,000 characters (SSRF: docs/webhooks.md). */
function checkUrl(ctx: Context, url: string): string {
  if (url.length > MAX_URL_LENGTH) throw Invalid.field('url', 'field_too_long', { max: MAX_URL_LENGTH });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw Invalid.field('url', 'field_format');
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || !u.hostname) throw Invalid.field('url', 'field_format');
  // names are checked again at each delivery, against what they resolve to then (target.ts)
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0 || /^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host);
  if (literal && !ctx.config.webhooks.allowPrivateTargets && !(isIP(host) && isPublicAddress(host))) throw Invalid.field('url', 'webhook_target_private');
  return u.toString();
}

function checkEvents(events: string[]): WebhookEvent[] {
  if (!events.length) throw Invalid.field('events', 'field_required');
  if (events.some((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e))) throw Invalid.field('events', 'field_enum');
  return [...new Set(events)] as WebhookEvent[];
}

async function visible(ctx: Context, id: string, action: 'read' | 'manage'): Promise<repo.SubscriptionRow> {
  const row = await repo.subscriptionById(ctx.db, id);
  if (!row || !webhookPolicy.read(ctx.actor, row)) throw new NotFound();
  if (action === 'manage' && !webhookPolicy.manage(ctx.actor, row)) throw new Forbidden();
  return row;
}

export async function createSubscription(ctx: Context, input: SubscriptionInput) {
  const a = ctx.actor;
  if (!webhookPolicy.create(a) || (a.kind !== 'client' && a.kind !== 'user')) throw new Forbidden();
  const url = checkUrl(ctx, input.url);
  const events = checkEvents(input.events);
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  return withTransaction(ctx, async (tx) => {
    // the dispatcher starts at the stream's head when the first subscription appears
    await repo.lockCursor(tx.db, DISPATCHER_CURSOR, now);
    const row = await repo.insertSubscription(tx.db, {
      clientId: a.kind === 'client' ? a.clientId : null,
      userId: a.kind === 'user' ? a.userId : null,
      agencyId: a.agencyId,
      url,
      events,
      secret,
      description: input.description ?? '',
      scopes: [...a.scopes],
      createdAt: now,
      updatedAt: now,
    });
    await recordAuditEvent(tx, { action: 'webhook.create', targetType: 'webhook_subscription', targetId: row.id, data: { url, events } });
    return { ...presentSubscription(row), secret };
  });
}

export async function listSubscriptions(ctx: Context, input: { after?: string; limit?: number }) {
  const limit = input.limit ?? 50;
  const rows = await repo.listSubscriptions(ctx.db, subscriptionScope(ctx.actor), input.after ?? null, limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(presentSubscription), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

export async function getSubscription(ctx: Context, id: string) {
  return presentSubscription(await visible(ctx, id, 'read'));
}

export async function updateSubscription(ctx: Context, id: string, patch: { url?: string; events?: WebhookEvent[]; description?: string; active?: boolean }) {
  const url = patch.url === undefined ? undefined : checkUrl(ctx, patch.url);
  const events = patch.events === undefined ? undefined : checkEvents(patch.events);
  return withTransaction(ctx, async (tx) => {
    const before = await visible(tx, id, 'manage');
    const row = await repo.updateSubscription(tx.db, id, {
      ...(url !== undefined ? { url } : {}),
      ...(events !== undefined ? { events } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.active !== undefined ? { active: patch.active, disabledReason: null } : {}),
      updatedAt: ctx.clock.now(),
    });
    await recordAuditEvent(tx, {
      action: 'webhook.update',
      targetType: 'webhook_subscription',
      targetId: id,
      data: { before: { url: before.url, events: before.events, active: before.active }, after: { url: row.url, events: row.events, active: row.active } },
    });
    return presentSubscription(row);
  });
}

export async function rotateSubscriptionSecret(ctx: Context, id: string) {
  const secret = newWebhookSecret();
  return withTransaction(ctx, async (tx) => {
    await visible(tx, id, 'manage');
    const row = await repo.updateSubscription(tx.db, id, { secret, updatedAt: ctx.clock.now() });
    await recordAuditEvent(tx, { action: 'webhook.rotate_secret', targetType: 'webhook_subscription', targetId: id });
    return { ...presentSubscription(row), secret };
  });
}

export async function deleteSubscription(ctx: Context, id: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const row = await visible(tx, id, 'manage');
    await repo.deleteSubscription(tx.db, id);
    await recordAuditEvent(tx, { action: 'webhook.delete', targetType: 'webhook_subscription', targetId: id, data: { url: row.url, events: row.events } });
  });
}

export async function listDeliveries(ctx: Context, id: string, input: { before?: number; limit?: number }) {
  await visible(ctx, id, 'read');
  const limit = input.limit ?? 50;
  const rows = await repo.listDeliveries(ctx.db, id, input.before ?? null, limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(presentDelivery), nextCursor: rows.length > limit ? page[page.length - 1].changeSeq : null };
}

/**
 * Puts a finished delivery (failed or delivered) back in the queue for a fresh series of attempts,
 * with the same id and body (receivers deduplicating on Webhook-Id see the same event). The owner
 * only; refused while the subscription is paused or disabled, or while the delivery is pending.
 */
export async function redeliver(ctx: Context, id: string, deliveryId: string) {
  return withTransaction(ctx, async (tx) => {
    const sub = await visible(tx, id, 'manage');
    const delivery = await repo.deliveryOf(tx.db, id, deliveryId);
    if (!delivery) throw new NotFound();
    if (!sub.active) throw new Conflict('webhook_paused');
    const row = await repo.requeueDelivery(tx.db, deliveryId, ctx.clock.now());
    if (!row) throw new Conflict('webhook_delivery_pending');
    await recordAuditEvent(tx, {
      action: 'webhook.redeliver',
      targetType: 'webhook_subscription',
      targetId: id,
      data: { deliveryId, changeSeq: delivery.changeSeq, previousStatus: delivery.status, previousAttempts: delivery.attempts },
    });
    return presentDelivery(row);
  });
}

/** Sends a signed `ping` now and answers what the receiver said (not retried, not logged as a delivery). */
export async function pingSubscription(ctx: Context, id: string): Promise<SendResult & { id: string }> {
  const row = await visible(ctx, id, 'manage');
  const deliveryId = randomUUID();
  const now = ctx.clock.now();
  const body = JSON.stringify({ type: 'ping', event: 'ping', subscriptionId: row.id, at: now.toISOString() });
  return { id: deliveryId, ...(await postSigned(row.url, row.secret, deliveryId, body, now, { allowPrivate: ctx.config.webhooks.allowPrivateTargets })) };
}
