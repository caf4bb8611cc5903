// The author's side of appraisal: submitting a version (required metadata, the Art. 4.6
// declaration, no state-secret marks; the appraisers are told) and withdrawing it.
import type { Context } from '../../../../../core/context.js';
import { Invalid } from '../../../../../core/errors.js';
import { missingClaimStatement, missingForSubmission, type Kind } from '../../../model.js';
import * as repo from '../../repo.js';
import { assertNoStateSecrets, missingMediaFacts, publishedMetadata, snapshotOf, workingMetadata } from '../internal.js';
import { withTransitionGuard } from './guard.js';
import { notifyAppraisers } from './notify.js';

export interface SubmitInput {
  /** the author's declaration that the content holds no state secrets (Art. 4.6); required, and true */
  declaration?: { noStateSecrets: boolean };
}

export function submitForAppraisal(ctx: Context, versionId: string, input: SubmitInput) {
  return withTransitionGuard(ctx, versionId, 'submit', async ({ tx, version, source, now, audit }) => {
    if (input.declaration?.noStateSecrets !== true) throw Invalid.field('declaration/noStateSecrets', 'declaration_required');
    const rev = (await repo.findRevision(tx.db, version.workingRevisionId!))!;
    const snap = snapshotOf(rev);
    const metadata = version.isSource ? (snap.metadata ?? {}) : null;
    const itemMetadata = metadata ?? (await publishedMetadata(tx.db, source)) ?? (await workingMetadata(tx.db, source));
    const missing = [
      ...missingForSubmission(version.kind as Kind, snap.text, metadata),
      ...missingClaimStatement(version.kind, itemMetadata, version.language),
      ...(await missingMediaFacts(tx, itemMetadata, version.language)),
    ];
    if (missing.length) throw new Invalid(missing);
    assertNoStateSecrets(snap.text, metadata);
    const submitted = await repo.updateVersion(tx.db, version.id, {
      state: 'submitted',
      submittedAt: now,
      submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      updatedAt: now,
    });
    await notifyAppraisers(tx, version);
    await audit({ revision: rev.number, declaration: true });
    return submitted;
  });
}

/** Takes a submitted version back to draft before it is appraised. */
export function withdraw(ctx: Context, versionId: string) {
  return withTransitionGuard(ctx, versionId, 'withdraw', async ({ tx, version, now, audit }) => {
    const draft = await repo.updateVersion(tx.db, version.id, { state: 'draft', submittedAt: null, updatedAt: now });
    await audit();
    return draft;
  });
}
