// The archive: a version nobody needs any more leaves the lists (and, once readers had it, leaves a
// tombstone in the changes stream); restoring it makes it a draft again.
import type { Context } from '../../../../../core/context.js';
import { Conflict } from '../../../../../core/errors.js';
import { recordDeletion } from '../../../published/use-cases/changes.js';
import * as repo from '../../repo.js';
import { withTransitionGuard } from './guard.js';

export function archive(ctx: Context, versionId: string) {
  return withTransitionGuard(ctx, versionId, 'archive', async ({ tx, version, now, audit }) => {
    // Nothing may sit in the archive while still online: unpublish first (an appraiser's decision).
    if (version.publishedRevisionId) throw new Conflict('unpublish_first');
    const archived = await repo.updateVersion(tx.db, version.id, { state: 'archived', scheduledAt: null, updatedAt: now });
    await recordDeletion(tx, version); // a version readers once had: its tombstone for good
    await audit();
    return archived;
  });
}

export function restoreFromArchive(ctx: Context, versionId: string) {
  return withTransitionGuard(ctx, versionId, 'restore', async ({ tx, version, now, audit }) => {
    const draft = await repo.updateVersion(tx.db, version.id, { state: 'draft', updatedAt: now });
    await audit();
    return draft;
  });
}
