// The dispatcher reads the changes stream after its cursor (locked FOR UPDATE: two processes never
// dispatch the same range) and queues one delivery per active subscription and change that the
// subscription's owner may read, as GET /api/v1/changes presents it to that owner. The sender
// claims due deliveries (FOR UPDATE SKIP LOCKED plus a lease), posts them outside any transaction,
// and records each attempt; failures are retried after 1 min, 5 min, 30 min, 2 h and 12 h, then `failed`
// (and a subscription that keeps failing is disabled: auto-disable.ts).
import { publicBaseUrl } from '../../../config.js';
import type { Context } from '../../../core/context.js';
import { withTransaction } from '../../../db/transaction.js';
import { changeReaderOf, encodeChangeCursor, readChangeRows, viewOfChange, type ChangeView } from '../../content/service.js';
import { subscriberActor } from '../policy.js';
import * as repo from '../repo.js';
import { postSigned } from '../sender.js';
import { disableIfFailing } from './auto-disable.js';
import { DISPATCHER_CURSOR } from './subscriptions.js';

const BATCH = 500;
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
const LEASE_MS = 60_000;

function baseUrl(ctx: Context): string {
  return publicBaseUrl(ctx.config);
}

/** The body of a delivery: the change as the subscriber's GET /changes shows it, with links. */
function bodyOf(ctx: Context, subscriptionId: string, c: ChangeView, seq: number) {
  const api = `${baseUrl(ctx)}/api/v1`;
  const live = c.contentHash !== null;
  return {
    type: 'change',
    subscriptionId,
    event: c.event,
    seq,
    cursor: c.cursor,
    at: c.at,
    itemId: c.itemId,
    versionId: c.versionId,
    language: c.language,
    kind: c.kind,
    agencyId: c.agencyId,
    ...(c.visibility ? { visibility: c.visibility } : {}),
    contentHash: c.contentHash,
    links: {
      changes: `${api}/changes?since=${encodeChangeCursor(seq - 1)}`,
      ...(live ? { published: `${api}/item-versions/${c.versionId}/published` } : {}),
    },
  };
}

/** One pass: queues the deliveries of up to BATCH changes per round until the stream's head. */
export async function dispatchWebhooks(ctx: Context): Promise<{ changes: number; queued: number }> {
  let total = 0;
  let queued = 0;
  for (let round = 0; round < 20; round++) {
    const r = await withTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const cursor = await repo.lockCursor(tx.db, DISPATCHER_CURSOR, now);
      // the system reader sees every change: one read fixes this round's range (cursor, end]
      const all = await readChangeRows(tx, cursor, BATCH);
      const end = all.end;
      if (end <= cursor) return { changes: 0, queued: 0, more: false };
      const range = all.rows.filter((r) => r.seq <= end);
      const rows: repo.DeliveryInsert[] = [];
      for (const s of await repo.activeSubscriptions(tx.db, now)) {
        const actor = subscriberActor(s.owner);
        if (!actor) continue;
        // the same per-reader rule as GET /api/v1/changes, evaluated as the owner over the same range
        const scope = changeReaderOf(actor);
        for (const r of range) {
          const c = viewOfChange(scope, r);
          if (!c || !s.events.includes(c.event) || new Date(c.at) < s.createdAt) continue;
          rows.push({
            subscriptionId: s.id,
            changeSeq: r.seq,
            event: c.event,
            payload: { body: bodyOf(ctx, s.id, c, r.seq), attempts: [] },
            status: 'pending',
            nextAttemptAt: now,
            createdAt: now,
          });
        }
      }
      const inserted = await repo.insertDeliveries(tx.db, rows);
      await repo.setCursor(tx.db, DISPATCHER_CURSOR, end, now);
      return { changes: range.length, queued: inserted, more: all.rows.length === BATCH };
    });
    total += r.changes;
    queued += r.queued;
    if (!r.more) break;
  }
  return { changes: total, queued };
}

/** Sends the due deliveries (up to `limit`), in parallel; records each attempt and schedules retries. */
export async function sendDueWebhooks(
  ctx: Context,
  limit = 20,
): Promise<{ sent: number; delivered: number; retrying: number; failed: number; disabled: number }> {
  const now = ctx.clock.now();
  const due = await withTransaction(ctx, (tx) => repo.claimDue(tx.db, now, new Date(now.getTime() + LEASE_MS), limit));
  const out = { sent: due.length, delivered: 0, retrying: 0, failed: 0, disabled: 0 };
  await Promise.all(
    due.map(async (d) => {
      const res = await postSigned(d.url, d.secret, d.id, JSON.stringify(d.body), now, { allowPrivate: ctx.config.webhooks.allowPrivateTargets });
      const attempt = d.attempts + 1;
      const at = ctx.clock.now();
      const retry = !res.ok && attempt <= RETRY_DELAYS_MS.length;
      const result = res.ok ? 'delivered' : retry ? 'pending' : 'failed';
      out[res.ok ? 'delivered' : retry ? 'retrying' : 'failed']++;
      const outcome = {
        at,
        status: res.status,
        error: res.error,
        result,
        nextAttemptAt: retry ? new Date(at.getTime() + RETRY_DELAYS_MS[attempt - 1]) : null,
      } as const;
      if (result !== 'failed') return repo.recordAttempt(ctx.db, d.id, outcome);
      // given up: the same transaction checks whether the subscription keeps failing (auto-disable.ts)
      await withTransaction(ctx, async (tx) => {
        await repo.recordAttempt(tx.db, d.id, outcome);
        if (await disableIfFailing(tx, d.subscriptionId)) out.disabled++;
      });
    }),
  );
  return out;
}
