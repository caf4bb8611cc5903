// Opening and documenting a case: open (DIC, or an agency about its own field), edit the dossier,
// add sightings of the same false information, evidence and situation updates; precedent search.
import type { Context } from '../../../core/context.js';
import { toLocalDate } from '../../../core/clock.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import * as accounts from '../../accounts/service.js';
import * as content from '../../content/service.js';
import * as media from '../../media/service.js';
import { notifyUsers } from '../../notifications/service.js';
import { foldText, urlKey } from '../model.js';
import { casePolicy, isDic, readableCases } from '../policy.js';
import * as repo from '../repo.js';
import type { Dossier } from '../tables.js';
import { assertActive, assertNoSecrets, assertVersion, loadCase, record, refreshSearchText, who } from './internal.js';
import { getCase } from './reading.js';

export interface SightingInput {
  url: string;
  platform?: string;
  language?: string;
  seenAt?: string;
  reach?: number;
  note?: string;
}

export interface CaseFields {
  title?: string;
  falseText?: string;
  severity?: string;
  topicIds?: string[];
  languages?: string[];
  claimant?: string;
  rating?: string | null;
  firstSeenAt?: string | null;
  reach?: number | null;
  dossier?: Dossier;
}

export interface OpenCaseInput extends CaseFields {
  title: string;
  falseText: string;
  sightings?: SightingInput[];
}

const DOSSIER_KEYS = ['situation', 'impact', 'facts', 'legalGrounds', 'messaging'] as const;

function fieldTexts(f: CaseFields): Array<[string, string | null | undefined]> {
  return [
    ['title', f.title],
    ['falseText', f.falseText],
    ['claimant', f.claimant],
    ...DOSSIER_KEYS.map((k) => [`dossier/${k}`, f.dossier?.[k]] as [string, string | undefined]),
  ];
}

function sightingTexts(s: SightingInput, i: number | null): Array<[string, string | undefined]> {
  const p = i === null ? '' : `sightings/${i}/`;
  return [
    [`${p}url`, s.url],
    [`${p}platform`, s.platform],
    [`${p}note`, s.note],
  ];
}

async function assertTopics(ctx: Context, ids: string[] | undefined) {
  if (!ids?.length) return;
  const known = new Set((await content.listTopics(ctx, { includeArchived: true })).map((t) => t.id));
  if (ids.some((id) => !known.has(id))) throw Invalid.field('topicIds', 'topic_not_found');
}

const cleanDossier = (d: Dossier | undefined, base: Dossier = {}): Dossier => {
  const out: Dossier = { ...base };
  for (const k of DOSSIER_KEYS) if (d?.[k] !== undefined) out[k] = d[k]!.trim();
  return out;
};

function sightingRow(ctx: Context, caseId: string, s: SightingInput) {
  const w = who(ctx);
  return {
    caseId,
    url: s.url.trim(),
    urlKey: urlKey(s.url),
    platform: s.platform?.trim() ?? '',
    language: s.language ?? null,
    seenAt: s.seenAt ? new Date(s.seenAt) : null,
    reach: s.reach ?? null,
    note: s.note?.trim() ?? '',
    addedBy: w.id,
    addedByLabel: w.label,
    createdAt: ctx.clock.now(),
  };
}

export async function openCase(ctx: Context, input: OpenCaseInput) {
  if (!casePolicy.open(ctx.actor)) throw new Forbidden();
  const agencyId = ctx.actor.kind === 'user' ? ctx.actor.agencyId : null;
  if (!agencyId) throw new Forbidden();
  assertNoSecrets([...fieldTexts(input), ...(input.sightings ?? []).flatMap((s, i) => sightingTexts(s, i))]);
  const keys = (input.sightings ?? []).map((s) => urlKey(s.url));
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0) throw new Conflict('case_duplicate_sighting');
  await assertTopics(ctx, input.topicIds);
  const dic = isDic(ctx.actor);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const year = Number(toLocalDate(now).slice(0, 4));
    const n = await repo.nextReferenceNumber(tx.db, year);
    const w = who(ctx);
    const row = await repo.insertCase(tx.db, {
      reference: `VV-${year}-${String(n).padStart(4, '0')}`,
      title: input.title.trim(),
      status: 'opened',
      severity: input.severity ?? 'medium',
      topicIds: [...new Set(input.topicIds ?? [])],
      languages: [...new Set([...(input.languages ?? []), ...(input.sightings ?? []).flatMap((s) => (s.language ? [s.language] : []))])],
      falseText: input.falseText.trim(),
      claimant: input.claimant?.trim() ?? '',
      rating: input.rating ?? null,
      firstSeenAt: input.firstSeenAt ? new Date(input.firstSeenAt) : earliest(input.sightings),
      reach: input.reach ?? null,
      dossier: cleanDossier(input.dossier),
      openedByAgencyId: agencyId,
      openedBy: w.id,
      openedByLabel: w.label,
      takenUpAt: dic ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    for (const s of input.sightings ?? []) await repo.insertSighting(tx.db, sightingRow(tx, row.id, s));
    await refreshSearchText(tx, row);
    await record(tx, row, 'open', { title: row.title, severity: row.severity, sightings: input.sightings?.length ?? 0, byAgency: !dic });
    if (!dic) {
      // an agency's own case (Art. 4.2): the DIC is told so it can take it up
      await notifyUsers(tx, await accounts.activeUserIdsWithRole(tx, 'appraiser'), {
        kind: 'case.opened_by_agency',
        title: {
          vi: `Cơ quan mở hồ sơ thông tin sai lệch ${row.reference}: ${row.title}`,
          en: `An agency opened false-information case ${row.reference}: ${row.title}`,
        },
        link: `/admin/cases/${row.id}`,
        data: { caseId: row.id },
      });
    }
    return getCase(tx, row.id);
  });
}

function earliest(sightings: SightingInput[] | undefined): Date | null {
  const times = (sightings ?? []).flatMap((s) => (s.seenAt ? [Date.parse(s.seenAt)] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

export async function updateCase(ctx: Context, id: string, version: number, patch: CaseFields) {
  assertNoSecrets(fieldTexts(patch));
  await assertTopics(ctx, patch.topicIds);
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    assertActive(row);
    if (!casePolicy.edit(ctx.actor, facts)) throw new Forbidden();
    assertVersion(row, version);
    const changes: Partial<repo.CaseInsert> = {};
    if (patch.title !== undefined) changes.title = patch.title.trim();
    if (patch.falseText !== undefined) changes.falseText = patch.falseText.trim();
    if (patch.severity !== undefined) changes.severity = patch.severity;
    if (patch.topicIds !== undefined) changes.topicIds = [...new Set(patch.topicIds)];
    if (patch.languages !== undefined) changes.languages = [...new Set(patch.languages)];
    if (patch.claimant !== undefined) changes.claimant = patch.claimant.trim();
    if (patch.rating !== undefined) changes.rating = patch.rating;
    if (patch.firstSeenAt !== undefined) changes.firstSeenAt = patch.firstSeenAt ? new Date(patch.firstSeenAt) : null;
    if (patch.reach !== undefined) changes.reach = patch.reach;
    if (patch.dossier !== undefined) changes.dossier = cleanDossier(patch.dossier, row.dossier);
    // the DIC editing an agency's case takes it up: the agency no longer edits the dossier
    const takenUpAt = row.takenUpAt ?? (isDic(ctx.actor) ? ctx.clock.now() : null);
    const saved = await repo.updateCase(tx.db, row.id, { ...changes, takenUpAt, version: row.version + 1, updatedAt: ctx.clock.now() });
    await refreshSearchText(tx, saved);
    await record(tx, saved, 'edit', { fields: Object.keys(changes), ...(takenUpAt && !row.takenUpAt ? { takenUp: true } : {}) });
    return getCase(tx, row.id);
  });
}

/** Another appearance of the same false information, grouped under the case; the same URL twice is a 409. */
export async function addSighting(ctx: Context, id: string, input: SightingInput) {
  assertNoSecrets(sightingTexts(input, null));
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.contribute(ctx.actor, facts)) {
      assertActive(row);
      throw new Forbidden();
    }
    const s = await repo.insertSighting(tx.db, sightingRow(tx, row.id, input));
    if (!s) throw new Conflict('case_duplicate_sighting', [], {});
    const firstSeenAt = s.seenAt && (!row.firstSeenAt || s.seenAt < row.firstSeenAt) ? s.seenAt : row.firstSeenAt;
    const languages = s.language && !row.languages.includes(s.language) ? [...row.languages, s.language] : row.languages;
    const saved = await repo.updateCase(tx.db, row.id, { firstSeenAt, languages, version: row.version + 1, updatedAt: ctx.clock.now() });
    await refreshSearchText(tx, saved);
    await record(tx, saved, 'sighting', { sightingId: s.id, url: s.url, platform: s.platform });
    return getCase(tx, row.id);
  });
}

export interface AttachmentInput {
  mediaId?: string;
  url?: string;
  label?: string;
  note?: string;
}

/** Evidence: a file of the media library (the actor must see it in the library) or a link. */
export async function addAttachment(ctx: Context, id: string, input: AttachmentInput) {
  if (!input.mediaId === !input.url) throw Invalid.field(input.mediaId ? 'url' : 'mediaId', input.mediaId ? 'field_unknown' : 'field_required');
  assertNoSecrets([
    ['url', input.url],
    ['label', input.label],
    ['note', input.note],
  ]);
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.contribute(ctx.actor, facts)) {
      assertActive(row);
      throw new Forbidden();
    }
    let fileLabel = '';
    if (input.mediaId) {
      const found = await media.getMedia(tx, input.mediaId).catch(() => null);
      if (!found?.access.library) throw Invalid.field('mediaId', 'media_not_found');
      // files are refused at upload; this re-checks what the library holds about them (older files, edited descriptions)
      const m = found.media;
      assertNoSecrets(
        [m.extractedText, m.originalName, ...Object.values(m.title ?? {}), ...Object.values(m.caption ?? {})].map((s) => ['mediaId', s] as [string, string]),
      );
      // unlabelled, a file is named by its title (or name) for every reader, also those who cannot open that library
      fileLabel = (m.title?.[ctx.locale] || Object.values(m.title ?? {}).find(Boolean) || m.originalName || '').slice(0, 300);
    }
    const w = who(ctx);
    const a = await repo.insertAttachment(tx.db, {
      caseId: row.id,
      mediaId: input.mediaId ?? null,
      url: input.url?.trim() ?? null,
      label: input.label?.trim() || fileLabel,
      note: input.note?.trim() ?? '',
      addedBy: w.id,
      addedByLabel: w.label,
      addedByAgencyId: w.agencyId,
      createdAt: ctx.clock.now(),
    });
    await repo.updateCase(tx.db, row.id, { version: row.version + 1, updatedAt: ctx.clock.now() });
    await record(tx, row, 'attachment', { attachmentId: a.id, mediaId: a.mediaId, url: a.url, label: a.label });
    return getCase(tx, row.id);
  });
}

/** A dated entry of the situation since the false information appeared (Art. 4.3a), shown in the timeline. */
export async function addSituationUpdate(ctx: Context, id: string, input: { text: string; occurredAt?: string }) {
  assertNoSecrets([['text', input.text]]);
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.contribute(ctx.actor, facts)) {
      assertActive(row);
      throw new Forbidden();
    }
    await repo.updateCase(tx.db, row.id, { version: row.version + 1, updatedAt: ctx.clock.now() });
    await record(tx, row, 'situation', {}, { text: input.text.trim(), occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined });
    return getCase(tx, row.id);
  });
}

/**
 * Precedents before opening a case: past cases the actor may read whose title, false information,
 * claimant or sighting URLs contain every word of the query (accent-free), and published
 * clarifications found by the content search.
 */
export async function findPrecedents(ctx: Context, input: { q: string; limit?: number }) {
  const scope = readableCases(ctx.actor);
  if (!scope) throw new Forbidden();
  const limit = Math.min(input.limit ?? 10, 50);
  const q = input.q.trim();
  const words = (/^https?:\/\//i.test(q) ? [foldText(urlKey(q))] : foldText(q).split(' ')).filter((w) => w.length >= 2).slice(0, 10);
  const cases = words.length ? (await repo.listCases(ctx.db, scope, { words, limit, offset: 0 })).rows : [];
  const clarifications = /^https?:\/\//i.test(q) ? { items: [] } : await content.searchContent(ctx, { q, kind: 'clarification', view: 'published', limit });
  const assignments = await repo.assignmentsOf(
    ctx.db,
    cases.map((c) => c.id),
  );
  return { cases: cases.map((row) => ({ row, assignments: assignments.filter((a) => a.caseId === row.id) })), clarifications: clarifications.items };
}

/** Removes a piece of evidence added by mistake: the DIC, or the agency that added it, while the case is worked. */
export async function removeAttachment(ctx: Context, id: string, attachmentId: string) {
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    const a = (await repo.attachmentsOf(tx.db, row.id)).find((x) => x.id === attachmentId);
    if (!a) throw new NotFound();
    assertActive(row);
    const own = ctx.actor.kind === 'user' && a.addedByAgencyId === ctx.actor.agencyId;
    if (!casePolicy.contribute(ctx.actor, facts) || !(isDic(ctx.actor) || own)) throw new Forbidden();
    await repo.deleteAttachment(tx.db, a.id);
    await repo.updateCase(tx.db, row.id, { version: row.version + 1, updatedAt: ctx.clock.now() });
    await record(tx, row, 'attachment_removed', { attachmentId: a.id, mediaId: a.mediaId, url: a.url, label: a.label });
    return getCase(tx, row.id);
  });
}
