// Publishing an approved version (an appraiser, or the scheduler when its time comes) and taking a
// version offline (an appraiser; `ttdn content unpublish` is the emergency takedown).
import type { Context } from '../../../../../core/context.js';
import { withTransaction } from '../../../../../db/transaction.js';
import * as repo from '../../repo.js';
import { loadVersion } from '../internal.js';
import { withTransitionGuard } from './guard.js';
import { putOnline, takeOffline } from './online.js';

export function publish(ctx: Context, versionId: string) {
  return withTransitionGuard(ctx, versionId, 'publish', ({ tx, version, item, source }) => putOnline(tx, { version, item, source }));
}

export function unpublish(ctx: Context, versionId: string) {
  return withTransitionGuard(ctx, versionId, 'unpublish', ({ tx, version, item, source }) => takeOffline(tx, { version, item, source }, 'unpublish'));
}

/** Scheduled publishing: publishes every approved version whose time has come. Run by the scheduler job. */
export async function publishDue(ctx: Context, limit = 50): Promise<{ published: string[]; failed: Array<{ id: string; reason: string }> }> {
  const published: string[] = [];
  const failed: Array<{ id: string; reason: string }> = [];
  const due = await withTransaction(ctx, async (tx) => (await repo.dueScheduled(tx.db, ctx.clock.now(), limit)).map((r) => r.id));
  for (const id of due) {
    try {
      await withTransaction(ctx, async (tx) => {
        const loaded = await loadVersion(tx.db, id, true);
        if (loaded.version.state !== 'approved' || !loaded.version.scheduledAt || loaded.version.scheduledAt > ctx.clock.now()) return;
        await putOnline(tx, loaded);
      });
      published.push(id);
    } catch (e) {
      failed.push({ id, reason: (e as Error).message });
    }
  }
  return { published, failed };
}
