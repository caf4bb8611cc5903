// Helpers shared by the case use cases: loading a case with the facts its policy needs, the
// state-secret check on every text, the timeline entry and audit event of each change.
import { actorAgencyId, actorId } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { recordAuditEvent } from '../../audit/service.js';
import { findSecrecyMark } from '../../content/service.js';
import { casePolicy, type CaseFacts } from '../policy.js';
import * as repo from '../repo.js';
import { ACTIVE_STATUSES, foldText, type CaseStatus } from '../model.js';

export interface LoadedCase {
  row: repo.CaseRow;
  assignments: repo.AssignmentRow[];
  facts: CaseFacts;
}

export function factsOf(row: repo.CaseRow, assignments: repo.AssignmentRow[]): CaseFacts {
  return { status: row.status, openedByAgencyId: row.openedByAgencyId, takenUpAt: row.takenUpAt, agencyIds: assignments.map((a) => a.agencyId) };
}

/** A case the actor may read (404 otherwise, whether it exists or not); locked for update inside a transaction when asked. */
export async function loadCase(ctx: Context, id: string, forUpdate = false): Promise<LoadedCase> {
  const row = await repo.findCase(ctx.db, id, forUpdate);
  if (!row) throw new NotFound();
  const assignments = await repo.assignmentsOf(ctx.db, [row.id]);
  const facts = factsOf(row, assignments);
  if (!casePolicy.read(ctx.actor, facts)) throw new NotFound();
  return { row, assignments, facts };
}

export function assertActive(row: repo.CaseRow) {
  if (!ACTIVE_STATUSES.includes(row.status as CaseStatus)) throw new Conflict('case_not_active');
}

export function assertVersion(row: repo.CaseRow, version: number | undefined) {
  if (version !== undefined && row.version !== version) throw new Conflict('stale_revision');
}

/** Art. 4.6: every text is checked before anything is stored; the field is named in the refusal. */
export function assertNoSecrets(fields: Array<[string, string | null | undefined]>) {
  for (const [field, value] of fields) {
    const hit = value ? findSecrecyMark(value) : null;
    if (hit) throw Invalid.field(field, 'state_secret_mark', { mark: hit.mark });
  }
}

export function who(ctx: Context) {
  return { id: actorId(ctx.actor) ?? 'anonymous', label: ctx.actor.label, agencyId: actorAgencyId(ctx.actor) };
}

/** Appends to the case's timeline and to the audit log, in the caller's transaction. */
export async function record(
  ctx: Context,
  row: repo.CaseRow,
  action: string,
  data: Record<string, unknown> = {},
  opts: { text?: string; occurredAt?: Date; agencyId?: string } = {},
) {
  const now = ctx.clock.now();
  await repo.insertEvent(ctx.db, {
    caseId: row.id,
    at: now,
    occurredAt: opts.occurredAt ?? now,
    kind: action,
    text: opts.text ?? '',
    data,
    actorLabel: ctx.actor.label,
    actorAgencyId: actorAgencyId(ctx.actor),
  });
  await recordAuditEvent(ctx, {
    action: `case.${action}`,
    agencyId: opts.agencyId ?? row.openedByAgencyId,
    targetType: 'case',
    targetId: row.id,
    data: { reference: row.reference, ...data },
  });
}

/** The accent-free text precedent search looks in. */
export function searchTextOf(row: Pick<repo.CaseRow, 'reference' | 'title' | 'falseText' | 'claimant'>, urls: string[]): string {
  return foldText([row.reference, row.title, row.falseText, row.claimant, ...urls].join(' \n '));
}

export async function refreshSearchText(ctx: Context, row: repo.CaseRow): Promise<void> {
  const urls = (await repo.sightingsOf(ctx.db, row.id)).flatMap((s) => [s.url, s.urlKey]);
  await repo.updateCase(ctx.db, row.id, { searchText: searchTextOf(row, urls) });
}
