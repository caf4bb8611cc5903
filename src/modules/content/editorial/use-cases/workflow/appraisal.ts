// The appraiser's decisions (Art. 6.4): return to the author with a comment, or approve with the
// checklist — published at once, or at `publishAt`. Each decision is kept as an appraisal record.
import type { Context } from '../../../../../core/context.js';
import { Invalid, type FieldError } from '../../../../../core/errors.js';
import { t } from '../../../../../core/i18n.js';
import type { AppraisalChecklist } from '../../../tables.js';
import * as repo from '../../repo.js';
import { withTransitionGuard } from './guard.js';
import { notifyAuthor } from './notify.js';
import { putOnline } from './online.js';

export interface ReturnInput {
  /** what the author must change; required */
  comment: string;
}

export interface ApproveInput {
  /** the Art. 6.4 checklist: every item must be confirmed */
  checklist: Partial<AppraisalChecklist>;
  comment?: string;
  /**
   * Publish at this time instead of now. Scheduling stays an option of the approval rather than a
   * use case of its own: it is the same decision, and a time already past means now.
   */
  publishAt?: Date | null;
}

const CHECKS: Array<keyof AppraisalChecklist> = ['copyright', 'accuracy', 'noHarm', 'noStateSecrets'];

export function returnToAuthor(ctx: Context, versionId: string, input: ReturnInput) {
  return withTransitionGuard(ctx, versionId, 'return', async ({ tx, version, now, audit }) => {
    if (!input.comment.trim()) throw Invalid.field('comment', 'field_required');
    await recordAppraisal(tx, version, 'return', input);
    const returned = await repo.updateVersion(tx.db, version.id, { state: 'returned', updatedAt: now });
    await notifyAuthor(tx, version, 'item.returned', { vi: `Bị trả lại: ${version.title}`, en: `Returned: ${version.title}` }, { comment: input.comment });
    await audit({ comment: input.comment });
    return returned;
  });
}

export function approve(ctx: Context, versionId: string, input: ApproveInput) {
  return withTransitionGuard(ctx, versionId, 'approve', async ({ tx, now, audit, ...loaded }) => {
    const { version, source } = loaded;
    const unchecked: FieldError[] = CHECKS.filter((c) => input.checklist[c] !== true).map((c) => ({
      field: `checklist/${c}`,
      code: 'checklist_incomplete',
      message: t('checklist_incomplete'),
    }));
    if (unchecked.length) throw new Invalid(unchecked);
    await recordAppraisal(tx, version, 'approve', input);
    const publishAt = input.publishAt && input.publishAt > now ? input.publishAt : null;
    const approved = await repo.updateVersion(tx.db, version.id, { state: 'approved', scheduledAt: publishAt, updatedAt: now });
    const decision = { publishAt: publishAt?.toISOString() ?? null };
    await audit(decision);
    await notifyAuthor(tx, version, 'item.approved', { vi: `Đã duyệt: ${version.title}`, en: `Approved: ${version.title}` }, decision);
    // Publish at once unless scheduled; a translation whose source is not online waits, approved.
    if (!publishAt && (version.isSource || source.publishedRevisionId)) return putOnline(tx, { ...loaded, version: approved });
    return approved;
  });
}

async function recordAppraisal(
  ctx: Context,
  version: repo.VersionRow,
  decision: 'approve' | 'return',
  input: { checklist?: Partial<AppraisalChecklist>; comment?: string },
) {
  await repo.insertAppraisal(ctx.db, {
    itemVersionId: version.id,
    revisionId: version.workingRevisionId!,
    decision,
    checklist: { copyright: false, accuracy: false, noHarm: false, noStateSecrets: false, ...input.checklist },
    comment: input.comment?.trim() ?? '',
    appraiserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    appraiserLabel: ctx.actor.label,
    createdAt: ctx.clock.now(),
  });
}
