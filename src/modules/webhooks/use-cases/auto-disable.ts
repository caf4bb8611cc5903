// A subscription whose receiver keeps failing is disabled, so the queue stops growing for a dead URL
// and its owner learns of it: once `disableAfterFailures` deliveries in a row were given up (each
// after six attempts over ~15 h) and nothing has succeeded for `disableAfterHours` since the first of
// them. A success, or any change by the owner (resume, new URL), starts the count again.
import type { Context } from '../../../core/context.js';
import { recordAuditEvent } from '../../audit/service.js';
import { notifyUsers } from '../../notifications/service.js';
import * as repo from '../repo.js';

/** Stable prefix of `disabledReason` when the system disabled a subscription (the admin app translates it). */
export const DISABLED_FOR_FAILURES = 'delivery_failures';

/** Called in the transaction that recorded a delivery as given up. Returns whether it disabled the subscription. */
export async function disableIfFailing(tx: Context, subscriptionId: string): Promise<boolean> {
  const { disableAfterFailures, disableAfterHours } = tx.config.webhooks;
  if (disableAfterFailures <= 0) return false;
  const streak = await repo.failureStreak(tx.db, subscriptionId);
  const now = tx.clock.now();
  if (streak.failures < disableAfterFailures || !streak.since) return false;
  if (now.getTime() - streak.since.getTime() < disableAfterHours * 3_600_000) return false;
  const reason =
    `${DISABLED_FOR_FAILURES}: ${streak.failures} deliveries in a row given up since ${streak.since.toISOString()} (last: ${streak.lastError ?? 'no answer'})`.slice(
      0,
      500,
    );
  const row = await repo.disableSubscription(tx.db, subscriptionId, reason, now);
  if (!row) return false; // paused or disabled meanwhile
  await recordAuditEvent(tx, {
    action: 'webhook.disable',
    targetType: 'webhook_subscription',
    targetId: subscriptionId,
    agencyId: row.agencyId,
    data: { url: row.url, failures: streak.failures, since: streak.since.toISOString(), lastError: streak.lastError },
  });
  const person = await repo.personToNotify(tx.db, row);
  // the title is also an e-mail subject: a URL may be 2,000 characters
  const url = row.url.length > 80 ? `${row.url.slice(0, 79)}…` : row.url;
  if (person) {
    await notifyUsers(tx, [person], {
      kind: 'webhook_disabled',
      title: {
        vi: `Webhook tới ${url} đã bị tắt do gửi thất bại liên tục`,
        en: `The webhook to ${url} was disabled after repeated failed deliveries`,
      },
      link: '/admin/webhooks',
      data: { subscriptionId, failures: streak.failures },
    });
  }
  tx.log.warn({ subscriptionId, failures: streak.failures }, 'webhook subscription disabled after repeated failures');
  return true;
}
