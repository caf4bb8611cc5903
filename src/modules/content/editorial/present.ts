// Rows -> API shapes for content.
import type { Actor } from '../../../core/actor.js';
import { contentPolicy } from '../policy.js';
import type { AppraisalRow, RevisionRow, TopicRow, VersionListRow, VersionRow } from './repo.js';
import { TRANSITIONS, TRANSITION_NAMES, type State } from './workflow.js';
import type { ItemMetadata, VersionText } from '../model.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentTopic(r: TopicRow) {
  return {
    id: r.id,
    slug: r.slug,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    descriptionVi: r.descriptionVi,
    descriptionEn: r.descriptionEn,
    parentId: r.parentId,
    position: r.position,
    archived: !!r.archivedAt,
    version: r.version,
  };
}

export function presentListRow(r: VersionListRow) {
  return { ...r, submittedAt: iso(r.submittedAt), scheduledAt: iso(r.scheduledAt), publishedAt: iso(r.publishedAt), updatedAt: iso(r.updatedAt)! };
}

/** Transitions the actor may take now, for the UI's buttons (the server checks again). */
export function allowedTransitions(actor: Actor, v: VersionRow) {
  return TRANSITION_NAMES.filter(
    (n) =>
      (TRANSITIONS[n].from as readonly State[]).includes(v.state as State) &&
      contentPolicy.take(actor, TRANSITIONS[n].by, v) &&
      (n !== 'unpublish' || !!v.publishedRevisionId) &&
      (n !== 'archive' || !v.publishedRevisionId),
  );
}

export function presentRevisionRef(r: RevisionRow) {
  return {
    id: r.id,
    number: r.number,
    createdBy: r.createdByLabel,
    createdAt: iso(r.createdAt)!,
    note: r.note,
    hash: r.contentHash,
    basedOnRevisionId: r.basedOnRevisionId,
  };
}

export function presentAppraisal(a: AppraisalRow) {
  return {
    id: a.id,
    revisionId: a.revisionId,
    decision: a.decision,
    checklist: a.checklist,
    comment: a.comment,
    appraiser: a.appraiserLabel,
    createdAt: iso(a.createdAt)!,
  };
}

export function presentVersionSummary(v: VersionRow) {
  return { id: v.id, language: v.language, isSource: v.isSource, state: v.state, online: !!v.publishedRevisionId };
}

export function presentWorking(
  actor: Actor,
  d: {
    version: VersionRow;
    item: { id: string; agencyId: string; kind: string; sourceLanguage: string };
    revision: RevisionRow;
    text: VersionText;
    metadata: ItemMetadata;
    versions: VersionRow[];
    appraisals: AppraisalRow[];
  },
) {
  const v = d.version;
  return {
    id: v.id,
    itemId: d.item.id,
    agencyId: d.item.agencyId,
    kind: d.item.kind,
    sourceLanguage: d.item.sourceLanguage,
    language: v.language,
    isSource: v.isSource,
    state: v.state,
    online: !!v.publishedRevisionId,
    publishedRevisionId: v.publishedRevisionId,
    contentHash: v.contentHash,
    scheduledAt: iso(v.scheduledAt),
    submittedAt: iso(v.submittedAt),
    publishedAt: iso(v.publishedAt),
    firstPublishedAt: iso(v.firstPublishedAt),
    updatedAt: iso(v.updatedAt)!,
    revision: presentRevisionRef(d.revision),
    text: d.text,
    metadata: d.metadata,
    versions: d.versions.map(presentVersionSummary),
    appraisals: d.appraisals.map(presentAppraisal),
    allowedTransitions: allowedTransitions(actor, v),
    canEdit: contentPolicy.edit(actor, v) && ['draft', 'returned', 'approved', 'published', 'unpublished'].includes(v.state),
  };
}
