// Case rows -> API shapes. Deadlines are computed for the reader's "now" (the context clock).
import { ACTIVE_STATUSES, deadlineView, type CaseStatus } from './model.js';
import type * as repo from './repo.js';
import type { getCase } from './use-cases/reading.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const isActive = (row: repo.CaseRow) => ACTIVE_STATUSES.includes(row.status as CaseStatus);

/** A recorded actor (a username, an API client's or the system's label) as the reader sees it. */
type Names = ReadonlyMap<string, string>;
const nameIn = (names: Names) => (label: string) => names.get(label) ?? label;

export function presentSummary(row: repo.CaseRow, assignments: repo.AssignmentRow[], now: Date, names: Names = new Map()) {
  const agencies = assignments.map((a) => ({ agencyId: a.agencyId, ...deadlineView(a, now, isActive(row)) }));
  const open = agencies
    .filter((a) => !a.answered)
    .map((a) => a.dueDate)
    .sort();
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status as never,
    severity: row.severity as never,
    topicIds: row.topicIds,
    languages: row.languages,
    firstSeenAt: iso(row.firstSeenAt),
    openedByAgencyId: row.openedByAgencyId,
    openedBy: nameIn(names)(row.openedByLabel),
    takenUp: !!row.takenUpAt,
    agencies,
    nextDueDate: open[0] ?? null,
    overdueCount: agencies.filter((a) => a.overdue).length,
    clarificationItemId: row.clarificationItemId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCase(d: Awaited<ReturnType<typeof getCase>>, now: Date) {
  const { row } = d;
  const name = nameIn(d.names);
  return {
    ...presentSummary(row, d.assignments, now, d.names),
    falseText: row.falseText,
    claimant: row.claimant,
    rating: (row.rating as never) ?? null,
    reach: row.reach,
    dossier: row.dossier,
    takenUpAt: iso(row.takenUpAt),
    closedReason: row.closedReason,
    closedAt: iso(row.closedAt),
    reopenReason: row.reopenReason,
    clarification: d.clarification ? { ...d.clarification, publishedAt: iso(row.clarificationPublishedAt) } : null,
    sightings: d.sightings.map((s) => ({
      id: s.id,
      url: s.url,
      platform: s.platform,
      language: s.language,
      seenAt: iso(s.seenAt),
      reach: s.reach,
      note: s.note,
      addedBy: name(s.addedByLabel),
      createdAt: s.createdAt.toISOString(),
    })),
    assignments: d.assignments.map((a) => ({
      id: a.id,
      agencyId: a.agencyId,
      notifiedAt: a.notifiedAt.toISOString(),
      notifiedBy: name(a.notifiedBy),
      message: a.message,
      ...deadlineView(a, now, isActive(row)),
      originalDueDate: a.originalDueDate,
      extensions: a.extensions.map((e) => ({ ...e, by: name(e.by) })),
      materialReceivedAt: iso(a.materialReceivedAt),
      materialNote: a.materialNote,
      materialLinks: a.materialLinks,
      materialMediaIds: a.materialMediaIds,
      reminders: d.reminders.filter((r) => r.assignmentId === a.id).map((r) => ({ kind: r.kind as never, dueDate: r.dueDate, sentAt: r.sentAt.toISOString() })),
    })),
    responses: d.responses.map((r) => ({
      id: r.id,
      agencyId: r.agencyId,
      form: r.form as never,
      date: r.date,
      links: r.links,
      mediaIds: r.mediaIds,
      languages: r.languages,
      note: r.note,
      createdBy: name(r.createdByLabel),
      createdAt: r.createdAt.toISOString(),
    })),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      mediaId: a.mediaId,
      url: a.url,
      label: a.label,
      note: a.note,
      addedBy: name(a.addedByLabel),
      addedByAgencyId: a.addedByAgencyId,
      createdAt: a.createdAt.toISOString(),
    })),
    timeline: d.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      occurredAt: e.occurredAt.toISOString(),
      text: e.text,
      data: e.data,
      actorLabel: name(e.actorLabel),
      actorAgencyId: e.actorAgencyId,
    })),
    allowed: d.allowed,
  };
}
