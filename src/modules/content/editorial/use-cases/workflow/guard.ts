// The guard every workflow use case runs under (Outline's commands): one transaction, the version
// loaded and locked, the policy (not found if the actor may not read it, forbidden if they may not
// take the transition), the from-states declared in workflow.ts (conflict), then the use case's own
// rules. It answers the version as editors see it after the change, read in the same transaction.
import type { Context } from '../../../../../core/context.js';
import { Conflict, Forbidden, NotFound } from '../../../../../core/errors.js';
import { t } from '../../../../../core/i18n.js';
import { withTransaction } from '../../../../../db/transaction.js';
import { recordAuditEvent } from '../../../../audit/service.js';
import { contentPolicy } from '../../../policy.js';
import type * as repo from '../../repo.js';
import { TRANSITIONS, type State, type TransitionName } from '../../workflow.js';
import { loadVersion, type Loaded } from '../internal.js';
import { workingViewOf, type WorkingView } from '../reading.js';

export interface Guarded extends Loaded {
  /** the transaction's context */
  tx: Context;
  now: Date;
  /** Records this transition in the audit log (from the state it was taken in, to its declared state). */
  audit(data?: Record<string, unknown>): Promise<void>;
}

export async function withTransitionGuard(
  ctx: Context,
  versionId: string,
  name: TransitionName,
  body: (g: Guarded) => Promise<repo.VersionRow>,
): Promise<WorkingView> {
  const declared = TRANSITIONS[name];
  return withTransaction(ctx, async (tx) => {
    const loaded = await loadVersion(tx.db, versionId, true);
    const { version } = loaded;
    if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
    if (!contentPolicy.take(ctx.actor, declared.by, version)) throw new Forbidden();
    if (!(declared.from as readonly State[]).includes(version.state as State)) {
      const params = { transition: name, state: version.state };
      throw new Conflict('transition_not_allowed', [{ field: 'state', code: 'transition_not_allowed', message: t('transition_not_allowed', params) }], params);
    }
    const audit = (data: Record<string, unknown> = {}) => recordTransition(tx, version, name, declared.to, data);
    const after = await body({ ...loaded, tx, now: ctx.clock.now(), audit });
    return workingViewOf(tx.db, { ...loaded, version: after });
  });
}

/**
 * The audit event of a transition of `version` (as it was before). Publishing and unpublishing
 * record their own, as they are also taken without the guard: by the scheduler, by an approval
 * that publishes at once, and on translations when their source goes offline.
 */
export function recordTransition(ctx: Context, version: repo.VersionRow, name: TransitionName, to: State, data: Record<string, unknown>) {
  return recordAuditEvent(ctx, {
    action: `item.${name}`,
    agencyId: version.agencyId,
    targetType: 'item_version',
    targetId: version.id,
    data: { from: version.state, to, language: version.language, ...data },
  });
}
