// Reading cases: one case with everything its page shows, and lists (the DIC's board, an agency's inbox).
import type { Context } from '../../../core/context.js';
import { toLocalDate } from '../../../core/clock.js';
import { systemActor } from '../../../core/actor.js';
import { Forbidden, Invalid } from '../../../core/errors.js';
import { CASE_STATUSES, CASE_TRANSITIONS, CASE_TRANSITION_NAMES, foldText } from '../model.js';
import { casePolicy, readableCases } from '../policy.js';
import * as accounts from '../../accounts/service.js';
import * as content from '../../content/service.js';
import * as repo from '../repo.js';
import { loadCase } from './internal.js';

/** The linked item's language versions and whether each is online. Read as a named system actor: the case's readers see its state, not its text. */
export async function clarificationState(ctx: Context, row: repo.CaseRow) {
  if (!row.clarificationVersionId) return null;
  const v = await content.getWorkingVersion({ ...ctx, actor: systemActor('system:cases') }, row.clarificationVersionId);
  return {
    itemId: v.item.id,
    versionId: v.version.id,
    versions: v.versions.map((x) => ({ versionId: x.id, language: x.language, state: x.state, online: x.pubVisibility !== null })),
  };
}

/** A case with everything its page shows, as the actor may see it; write use cases answer with it, read in their transaction. */
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;

export async function getCase(ctx: Context, id: string) {
  const { row, assignments, facts } = await loadCase(ctx, id);
  const [sightings, responses, attachments, events, reminders, clarification] = await Promise.all([
    repo.sightingsOf(ctx.db, row.id),
    repo.responsesOf(ctx.db, row.id),
    repo.attachmentsOf(ctx.db, row.id),
    repo.eventsOf(ctx.db, row.id),
    repo.remindersOf(
      ctx.db,
      assignments.map((a) => a.id),
    ),
    clarificationState(ctx, row),
  ]);
  const a = ctx.actor;
  const own = a.kind === 'user' ? a.agencyId : null;
  const allowed = {
    edit: casePolicy.edit(a, facts),
    contribute: casePolicy.contribute(a, facts),
    notify: casePolicy.run(a) && casePolicy.contribute(a, facts),
    extend: casePolicy.run(a) && casePolicy.contribute(a, facts),
    answerFor: assignments.filter((x) => casePolicy.answerFor(a, facts, x.agencyId) && casePolicy.contribute(a, facts)).map((x) => x.agencyId),
    createClarification: casePolicy.writeClarification(a, facts) && casePolicy.contribute(a, facts) && !row.clarificationItemId,
    transitions: casePolicy.run(a) ? CASE_TRANSITION_NAMES.filter((n) => (CASE_TRANSITIONS[n].from as readonly string[]).includes(row.status)) : [],
  };
  // actors are recorded by username (as in the audit log); the page names people
  const names = await accounts.displayNamesOf(ctx, [
    row.openedByLabel,
    ...sightings.map((x) => x.addedByLabel),
    ...responses.map((x) => x.createdByLabel),
    ...attachments.map((x) => x.addedByLabel),
    ...events.map((x) => x.actorLabel),
    ...assignments.flatMap((x) => [x.notifiedBy, ...x.extensions.map((e) => e.by)]),
  ]);
  return { id: row.id, row, assignments, sightings, responses, attachments, events, reminders, clarification, allowed, ownAgencyId: own, names };
}

export interface ListCasesInput {
  status?: string[];
  severity?: string;
  agencyId?: string;
  pending?: boolean;
  overdue?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export async function listCases(ctx: Context, input: ListCasesInput) {
  const scope = readableCases(ctx.actor);
  if (!scope) throw new Forbidden();
  const unknown = input.status?.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
  if (unknown) throw Invalid.field('status', 'field_format');
  const limit = Math.min(input.limit ?? 50, 200);
  const words = input.q ? foldText(input.q).split(' ').filter(Boolean).slice(0, 10) : undefined;
  const { rows, total } = await repo.listCases(ctx.db, scope, {
    status: input.status,
    severity: input.severity,
    agencyId: input.agencyId,
    pending: input.pending,
    overdueBefore: input.overdue ? toLocalDate(ctx.clock.now()) : undefined,
    words,
    limit,
    offset: input.offset ?? 0,
  });
  const assignments = await repo.assignmentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await accounts.displayNamesOf(
    ctx,
    rows.map((r) => r.openedByLabel),
  );
  return { rows: rows.map((row) => ({ row, assignments: assignments.filter((x) => x.caseId === row.id) })), total, limit, offset: input.offset ?? 0, names };
}
