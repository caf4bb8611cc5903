// The DIC's transitions of a case (mark the clarification published, close with or without it,
// reopen with a reason) and the clarification item a case produces: a content item of kind
// 'clarification' whose claim comes from the case, appraised and published like any other.
import type { Context } from '../../../core/context.js';
import { toLocalDate } from '../../../core/clock.js';
import { Conflict, Forbidden, Invalid } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import * as content from '../../content/service.js';
import { CASE_TRANSITIONS, workingStatus, type CaseTransition } from '../model.js';
import { casePolicy } from '../policy.js';
import * as repo from '../repo.js';
import { assertActive, assertNoSecrets, assertVersion, loadCase, record } from './internal.js';
import { clarificationState, getCase } from './reading.js';

export async function transitionCase(ctx: Context, id: string, name: CaseTransition, input: { reason?: string; version?: number } = {}) {
  const def = CASE_TRANSITIONS[name];
  const reason = input.reason?.trim() ?? '';
  assertNoSecrets([['reason', reason]]);
  return withTransaction(ctx, async (tx) => {
    const { row, assignments } = await loadCase(tx, id, true);
    if (!casePolicy.run(ctx.actor)) throw new Forbidden();
    assertVersion(row, input.version);
    if (!(def.from as readonly string[]).includes(row.status)) throw new Conflict('case_transition_not_allowed', [], { action: name, status: row.status });
    if (def.reason && !reason) throw Invalid.field('reason', 'field_required');
    const now = ctx.clock.now();
    const patch: Partial<repo.CaseInsert> = { version: row.version + 1, updatedAt: now };
    if (name === 'mark-published') {
      const state = await clarificationState(tx, row);
      if (!state) throw new Conflict('case_no_clarification');
      if (!state.versions.some((v) => v.online)) throw new Conflict('case_clarification_not_published');
      patch.status = 'clarification_published';
      patch.clarificationPublishedAt = now;
    } else if (name === 'close-without-publication') {
      patch.status = 'closed_without_publication';
      patch.closedReason = reason;
      patch.closedAt = now;
    } else if (name === 'close') {
      patch.status = 'closed';
      patch.closedAt = now;
    } else {
      patch.status = workingStatus(assignments);
      patch.reopenReason = reason;
      patch.closedAt = null;
    }
    const saved = await repo.updateCase(tx.db, row.id, patch);
    await record(tx, saved, 'transition', { name, from: row.status, to: saved.status, ...(reason ? { reason } : {}) });
    return getCase(tx, row.id);
  });
}

export interface ClarificationInput {
  /** the agency the item belongs to: a notified agency or one's own; defaults to the only notified agency, else one's own */
  agencyId?: string;
  rating?: content.ClaimFields['rating'];
  /** the item's text per language: the source language (the first content language) and at least one more */
  texts: Record<string, content.VersionText>;
  /** the false information per language; the source language defaults to the case's text */
  statement?: Record<string, string>;
  metadata?: Pick<content.ItemMetadata, 'authors' | 'tags' | 'place' | 'copyrightHolder' | 'licence' | 'activityDate'> & { topicIds?: string[] };
}

/** Creates the case's clarification item (draft, source language + translations), linked to the case. */
export async function createClarification(ctx: Context, id: string, input: ClarificationInput) {
  const source = ctx.config.contentLanguages[0];
  if (!input.texts[source]) throw Invalid.field(`texts/${source}`, 'field_required');
  const others = Object.keys(input.texts).filter((l) => l !== source);
  if (!others.length) throw Invalid.field('texts', 'field_required');
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.writeClarification(ctx.actor, facts)) throw new Forbidden();
    assertActive(row);
    if (row.clarificationItemId) throw new Conflict('case_has_clarification');
    const own = ctx.actor.kind === 'user' ? ctx.actor.agencyId : undefined;
    const agencyId = input.agencyId ?? (facts.agencyIds.length === 1 ? facts.agencyIds[0] : own);
    if (!agencyId || (!facts.agencyIds.includes(agencyId) && agencyId !== own)) throw Invalid.field('agencyId', 'case_agency_not_notified');
    const rating = input.rating ?? (row.rating as content.ClaimFields['rating']) ?? undefined;
    if (!rating) throw Invalid.field('rating', 'field_required');
    const sightings = await repo.sightingsOf(tx.db, row.id);
    const claim: content.ClaimFields = {
      statement: { [source]: row.falseText, ...(input.statement ?? {}) },
      rating,
      ...(row.claimant ? { claimant: row.claimant } : {}),
      ...(row.firstSeenAt ? { firstSeen: row.firstSeenAt.toISOString().slice(0, 10) } : {}),
      appearances: sightings.map((s) => ({ url: s.url, ...(s.platform ? { platform: s.platform } : {}) })),
    };
    const m = input.metadata ?? {};
    // the item could not be submitted without a topic: say so now rather than at submission
    const topicIds = [...new Set(m.topicIds ?? row.topicIds)];
    if (!topicIds.length) throw Invalid.field('metadata/topicIds', 'field_required');
    const created = await content.createItem(tx, {
      agencyId,
      kind: 'clarification',
      sourceLanguage: source,
      text: input.texts[source],
      metadata: {
        activityDate: m.activityDate ?? toLocalDate(ctx.clock.now()),
        authors: m.authors,
        tags: m.tags,
        place: m.place,
        copyrightHolder: m.copyrightHolder,
        licence: m.licence,
        topicIds,
        source: { type: 'own' },
        visibility: 'public',
        claim,
      },
      note: `Case ${row.reference}`,
    });
    for (const language of others) await content.addTranslation(tx, created.itemId, { language, text: input.texts[language] });
    const saved = await repo.updateCase(tx.db, row.id, {
      clarificationItemId: created.itemId,
      clarificationVersionId: created.id,
      version: row.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await record(tx, saved, 'clarification', { itemId: created.itemId, versionId: created.id, agencyId, languages: [source, ...others] });
    return getCase(tx, row.id);
  });
}
