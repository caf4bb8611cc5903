// Queries of the cases area: the only place with SQL for cases.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { caseAssignments, caseAttachments, caseCounters, caseEvents, caseReminders, caseResponses, cases, caseSightings } from './tables.js';
import { ACTIVE_STATUSES } from './model.js';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
export type SightingRow = typeof caseSightings.$inferSelect;
export type AssignmentRow = typeof caseAssignments.$inferSelect;
export type ResponseRow = typeof caseResponses.$inferSelect;
export type AttachmentRow = typeof caseAttachments.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;
export type CaseScope = 'all' | { agencyId: string };

/** The next number of the year's case references, atomically (two processes never get the same). */
export async function nextReferenceNumber(db: Database, year: number): Promise<number> {
  const [r] = await db
    .insert(caseCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: caseCounters.year, set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last });
  return r.last;
}

export async function insertCase(db: Database, row: CaseInsert): Promise<CaseRow> {
  const [r] = await db.insert(cases).values(row).returning();
  return r;
}

export async function findCase(db: Database, id: string, forUpdate = false): Promise<CaseRow | null> {
  const q = db.select().from(cases).where(eq(cases.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

export async function updateCase(db: Database, id: string, patch: Partial<CaseInsert>): Promise<CaseRow> {
  const [r] = await db.update(cases).set(patch).where(eq(cases.id, id)).returning();
  return r;
}

export function sightingsOf(db: Database, caseId: string): Promise<SightingRow[]> {
  return db.select().from(caseSightings).where(eq(caseSightings.caseId, caseId)).orderBy(asc(caseSightings.createdAt), asc(caseSightings.id));
}

/** Inserts a sighting unless the case already has its URL: null when it is a duplicate. */
export async function insertSighting(db: Database, row: typeof caseSightings.$inferInsert): Promise<SightingRow | null> {
  const [r] = await db.insert(caseSightings).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export function assignmentsOf(db: Database, caseIds: string[]): Promise<AssignmentRow[]> {
  if (!caseIds.length) return Promise.resolve([]);
  return db.select().from(caseAssignments).where(inArray(caseAssignments.caseId, caseIds)).orderBy(asc(caseAssignments.notifiedAt), asc(caseAssignments.id));
}

export async function findAssignment(db: Database, caseId: string, agencyId: string): Promise<AssignmentRow | null> {
  const [r] = await db
    .select()
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.agencyId, agencyId)));
  return r ?? null;
}

export async function insertAssignment(db: Database, row: typeof caseAssignments.$inferInsert): Promise<AssignmentRow | null> {
  const [r] = await db.insert(caseAssignments).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function updateAssignment(db: Database, id: string, patch: Partial<typeof caseAssignments.$inferInsert>): Promise<AssignmentRow> {
  const [r] = await db.update(caseAssignments).set(patch).where(eq(caseAssignments.id, id)).returning();
  return r;
}

export function responsesOf(db: Database, caseId: string): Promise<ResponseRow[]> {
  return db.select().from(caseResponses).where(eq(caseResponses.caseId, caseId)).orderBy(asc(caseResponses.date), asc(caseResponses.createdAt));
}

export async function insertResponse(db: Database, row: typeof caseResponses.$inferInsert): Promise<ResponseRow> {
  const [r] = await db.insert(caseResponses).values(row).returning();
  return r;
}

export function attachmentsOf(db: Database, caseId: string): Promise<AttachmentRow[]> {
  return db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId)).orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
}

export async function insertAttachment(db: Database, row: typeof caseAttachments.$inferInsert): Promise<AttachmentRow> {
  const [r] = await db.insert(caseAttachments).values(row).returning();
  return r;
}

export async function deleteAttachment(db: Database, id: string): Promise<void> {
  await db.delete(caseAttachments).where(eq(caseAttachments.id, id));
}

export function eventsOf(db: Database, caseId: string): Promise<EventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.occurredAt), asc(caseEvents.at));
}

export async function insertEvent(db: Database, row: typeof caseEvents.$inferInsert): Promise<void> {
  await db.insert(caseEvents).values(row);
}

function scopeFilter(scope: CaseScope): SQL | undefined {
  if (scope === 'all') return undefined;
  return or(
    eq(cases.openedByAgencyId, scope.agencyId),
    sql`EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${cases.id} AND ${caseAssignments.agencyId} = ${scope.agencyId})`,
  );
}

export interface CaseListFilter {
  status?: string[];
  severity?: string;
  /** cases this agency was notified on */
  agencyId?: string;
  /** cases with an unanswered assignment (of `agencyId` when given) */
  pending?: boolean;
  /** cases with an unanswered assignment whose due date is before this local date */
  overdueBefore?: string;
  /** accent-free words, all of which must appear in the case's search text */
  words?: string[];
  limit: number;
  offset: number;
}

export async function listCases(db: Database, scope: CaseScope, f: CaseListFilter): Promise<{ rows: CaseRow[]; total: number }> {
  const owing = (extra: SQL) =>
    sql`EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${cases.id} AND ${caseAssignments.materialReceivedAt} IS NULL ${f.agencyId ? sql`AND ${caseAssignments.agencyId} = ${f.agencyId}` : sql``} ${extra})`;
  const where = and(
    scopeFilter(scope),
    f.status?.length ? inArray(cases.status, f.status) : undefined,
    f.severity ? eq(cases.severity, f.severity) : undefined,
    f.agencyId && !f.pending && !f.overdueBefore
      ? sql`EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${cases.id} AND ${caseAssignments.agencyId} = ${f.agencyId})`
      : undefined,
    f.pending ? owing(sql``) : undefined,
    // overdue: owed on a case still worked (a published or closed case owes nothing any more)
    f.overdueBefore ? and(inArray(cases.status, [...ACTIVE_STATUSES]), owing(sql`AND ${caseAssignments.dueDate} < ${f.overdueBefore}`)) : undefined,
    ...(f.words ?? []).map((w) => sql`${cases.searchText} LIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
  );
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(cases).where(where).orderBy(desc(cases.updatedAt), desc(cases.id)).limit(f.limit).offset(f.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(where),
  ]);
  return { rows, total: n };
}

export interface ReminderCandidate {
  assignment: AssignmentRow;
  caseId: string;
  reference: string;
  title: string;
}

/** Unanswered assignments of cases still worked whose due date is at most `until` (a local date). */
export async function unansweredDueBy(db: Database, until: string): Promise<ReminderCandidate[]> {
  const rows = await db
    .select({ assignment: caseAssignments, caseId: cases.id, reference: cases.reference, title: cases.title })
    .from(caseAssignments)
    .innerJoin(cases, eq(cases.id, caseAssignments.caseId))
    .where(and(isNull(caseAssignments.materialReceivedAt), lte(caseAssignments.dueDate, until), inArray(cases.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(caseAssignments.dueDate), asc(caseAssignments.id));
  return rows;
}

/** Claims the right to send a reminder: true for exactly one caller per (assignment, kind, due date). */
export async function claimReminder(db: Database, row: typeof caseReminders.$inferInsert): Promise<boolean> {
  const r = await db.insert(caseReminders).values(row).onConflictDoNothing().returning({ kind: caseReminders.kind });
  return r.length === 1;
}

export function remindersOf(db: Database, assignmentIds: string[]) {
  if (!assignmentIds.length) return Promise.resolve([]);
  return db.select().from(caseReminders).where(inArray(caseReminders.assignmentId, assignmentIds)).orderBy(asc(caseReminders.sentAt));
}

/** Assignments notified in [from, to), within the scope (figures). */
export async function assignmentsNotifiedBetween(db: Database, scope: CaseScope, from: Date, to: Date) {
  return db
    .select({ assignment: caseAssignments })
    .from(caseAssignments)
    .innerJoin(cases, eq(cases.id, caseAssignments.caseId))
    .where(
      and(
        gte(caseAssignments.notifiedAt, from),
        sql`${caseAssignments.notifiedAt} < ${to}`,
        scope === 'all' ? undefined : eq(caseAssignments.agencyId, scope.agencyId),
      ),
    );
}

/** Cases opened in [from, to), within the scope (figures). */
export function casesOpenedBetween(db: Database, scope: CaseScope, from: Date, to: Date) {
  return db
    .select({ id: cases.id, openedByAgencyId: cases.openedByAgencyId, createdAt: cases.createdAt })
    .from(cases)
    .where(and(gte(cases.createdAt, from), sql`${cases.createdAt} < ${to}`, scope === 'all' ? undefined : eq(cases.openedByAgencyId, scope.agencyId)));
}
