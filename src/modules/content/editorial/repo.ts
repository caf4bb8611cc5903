// Queries of the content area.
import { and, asc, desc, eq, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { appraisals, imports, items, itemVersions, revisions, topics } from '../tables.js';

export type TopicRow = typeof topics.$inferSelect;
export type ItemRow = typeof items.$inferSelect;
export type VersionRow = typeof itemVersions.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type AppraisalRow = typeof appraisals.$inferSelect;
type VersionInsert = Omit<typeof itemVersions.$inferInsert, 'search' | 'pubSearch'>;
type VersionPatch = Partial<VersionInsert>;

// ---------- taxonomy ----------
export async function insertTopic(db: Database, row: typeof topics.$inferInsert) {
  const [r] = await db.insert(topics).values(row).returning();
  return r;
}
export async function updateTopic(db: Database, id: string, version: number, patch: Partial<typeof topics.$inferInsert>) {
  const [r] = await db
    .update(topics)
    .set({ ...patch, version: sql`${topics.version} + 1` })
    .where(and(eq(topics.id, id), eq(topics.version, version)))
    .returning();
  return r ?? null;
}
export async function findTopic(db: Database, id: string) {
  const [r] = await db.select().from(topics).where(eq(topics.id, id));
  return r ?? null;
}
export async function findTopicBySlug(db: Database, slug: string) {
  const [r] = await db.select().from(topics).where(eq(topics.slug, slug));
  return r ?? null;
}
export async function listTopics(db: Database, includeArchived: boolean) {
  return db
    .select()
    .from(topics)
    .where(includeArchived ? undefined : sql`${topics.archivedAt} IS NULL`)
    .orderBy(asc(topics.position), asc(topics.nameVi));
}
export async function topicsExist(db: Database, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(inArray(topics.id, ids), sql`${topics.archivedAt} IS NULL`));
  return rows.map((r) => r.id);
}

// ---------- items, versions, revisions ----------
export async function insertItem(db: Database, row: typeof items.$inferInsert) {
  const [r] = await db.insert(items).values(row).returning();
  return r;
}
export async function findItem(db: Database, id: string) {
  const [r] = await db.select().from(items).where(eq(items.id, id));
  return r ?? null;
}
export async function touchItem(db: Database, id: string, at: Date) {
  await db.update(items).set({ updatedAt: at }).where(eq(items.id, id));
}
export async function insertVersion(db: Database, row: VersionInsert) {
  const [r] = await db.insert(itemVersions).values(row).returning();
  return r;
}
export async function findVersion(db: Database, id: string, forUpdate = false) {
  const q = db.select().from(itemVersions).where(eq(itemVersions.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r ?? null;
}
export async function findVersionByItemLanguage(db: Database, itemId: string, language: string) {
  const [r] = await db
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.language, language)));
  return r ?? null;
}
export async function versionsOfItem(db: Database, itemId: string) {
  return db.select().from(itemVersions).where(eq(itemVersions.itemId, itemId)).orderBy(desc(itemVersions.isSource), asc(itemVersions.language));
}
export async function updateVersion(db: Database, id: string, patch: VersionPatch) {
  const [r] = await db
    .update(itemVersions)
    .set({ ...patch, version: sql`${itemVersions.version} + 1` })
    .where(eq(itemVersions.id, id))
    .returning();
  return r;
}
export async function insertRevision(db: Database, row: typeof revisions.$inferInsert) {
  const [r] = await db.insert(revisions).values(row).returning();
  return r;
}
export async function findRevision(db: Database, id: string) {
  const [r] = await db.select().from(revisions).where(eq(revisions.id, id));
  return r ?? null;
}
export async function revisionsOfVersion(db: Database, versionId: string) {
  return db.select().from(revisions).where(eq(revisions.itemVersionId, versionId)).orderBy(desc(revisions.number));
}
export async function maxRevisionNumber(db: Database, versionId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${revisions.number}), 0)::int` })
    .from(revisions)
    .where(eq(revisions.itemVersionId, versionId));
  return Number(r.n);
}
export async function insertAppraisal(db: Database, row: typeof appraisals.$inferInsert) {
  const [r] = await db.insert(appraisals).values(row).returning();
  return r;
}
export async function appraisalsOfVersion(db: Database, versionId: string) {
  return db.select().from(appraisals).where(eq(appraisals.itemVersionId, versionId)).orderBy(desc(appraisals.createdAt));
}
/** Last approved revision of a version, for the appraisal diff. */
export async function lastApprovedRevisionId(db: Database, versionId: string): Promise<string | null> {
  const [r] = await db
    .select({ id: appraisals.revisionId })
    .from(appraisals)
    .where(and(eq(appraisals.itemVersionId, versionId), eq(appraisals.decision, 'approve')))
    .orderBy(desc(appraisals.createdAt))
    .limit(1);
  return r?.id ?? null;
}

// ---------- lists ----------
export interface VersionListFilter {
  /** row filter from the policy: which agencies' working copies; 'all' or one agency id */
  workingScope: 'all' | string;
  agencyId?: string;
  kind?: string;
  state?: string;
  language?: string;
  topicId?: string;
  q?: string;
  /** keyset: (updatedAt, id) of the last row of the previous page */
  after?: { updatedAt: Date; id: string };
  limit: number;
}

export const listColumns = {
  id: itemVersions.id,
  itemId: itemVersions.itemId,
  language: itemVersions.language,
  isSource: itemVersions.isSource,
  state: itemVersions.state,
  agencyId: itemVersions.agencyId,
  kind: itemVersions.kind,
  visibility: itemVersions.visibility,
  title: itemVersions.title,
  activityDate: itemVersions.activityDate,
  submittedAt: itemVersions.submittedAt,
  scheduledAt: itemVersions.scheduledAt,
  publishedAt: itemVersions.publishedAt,
  online: sql<boolean>`${itemVersions.publishedRevisionId} IS NOT NULL`,
  updatedAt: itemVersions.updatedAt,
};
export interface VersionListRow {
  id: string;
  itemId: string;
  language: string;
  isSource: boolean;
  state: string;
  agencyId: string;
  kind: string;
  visibility: string;
  title: string;
  activityDate: string | null;
  submittedAt: Date | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  online: boolean;
  updatedAt: Date;
}

export async function listWorkingVersions(db: Database, f: VersionListFilter): Promise<VersionListRow[]> {
  const where: SQL[] = [];
  if (f.workingScope !== 'all') where.push(eq(itemVersions.agencyId, f.workingScope));
  if (f.agencyId) where.push(eq(itemVersions.agencyId, f.agencyId));
  if (f.kind) where.push(eq(itemVersions.kind, f.kind));
  if (f.state) where.push(eq(itemVersions.state, f.state));
  if (f.language) where.push(eq(itemVersions.language, f.language));
  if (f.topicId) where.push(sql`${itemVersions.topicIds} @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.q) where.push(sql`${itemVersions.search} @@ websearch_to_tsquery('simple', public.f_unaccent(${f.q}))`);
  if (f.after) {
    where.push(or(lt(itemVersions.updatedAt, f.after.updatedAt), and(eq(itemVersions.updatedAt, f.after.updatedAt), lt(itemVersions.id, f.after.id)))!);
  }
  return db
    .select(listColumns)
    .from(itemVersions)
    .where(and(...where))
    .orderBy(desc(itemVersions.updatedAt), desc(itemVersions.id))
    .limit(f.limit) as Promise<VersionListRow[]>;
}

/** Appraisal queue: submitted versions, longest waiting first. */
export async function listSubmitted(db: Database, limit: number): Promise<VersionListRow[]> {
  return db
    .select(listColumns)
    .from(itemVersions)
    .where(eq(itemVersions.state, 'submitted'))
    .orderBy(asc(itemVersions.submittedAt), asc(itemVersions.id))
    .limit(limit) as Promise<VersionListRow[]>;
}

export async function countSubmitted(db: Database): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(itemVersions)
    .where(eq(itemVersions.state, 'submitted'));
  return Number(r.n);
}

/** Versions whose scheduled publication time has come, locked so two processes don't both take one. */
export async function dueScheduled(db: Database, now: Date, limit: number) {
  return db
    .select({ id: itemVersions.id })
    .from(itemVersions)
    .where(and(eq(itemVersions.state, 'approved'), isNotNull(itemVersions.scheduledAt), lte(itemVersions.scheduledAt, now)))
    .orderBy(asc(itemVersions.scheduledAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function nextScheduled(db: Database) {
  const [r] = await db
    .select({ at: sql<Date>`min(${itemVersions.scheduledAt})` })
    .from(itemVersions)
    .where(and(eq(itemVersions.state, 'approved'), isNotNull(itemVersions.scheduledAt)));
  return r?.at ? new Date(r.at) : null;
}

// ---------- freshness ----------
export interface AgencyActivityRow {
  agency_id: string;
  last_update: Date | null;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  published: number;
  unpublished: number;
  archived: number;
  online: number;
}

export async function activityByAgency(db: Database, agencyId?: string): Promise<AgencyActivityRow[]> {
  const result = await db.execute(sql`SELECT agency_id, max(updated_at) AS last_update,
      count(*) FILTER (WHERE state = 'draft')::int AS draft, count(*) FILTER (WHERE state = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE state = 'returned')::int AS returned, count(*) FILTER (WHERE state = 'approved')::int AS approved,
      count(*) FILTER (WHERE state = 'published')::int AS published, count(*) FILTER (WHERE state = 'unpublished')::int AS unpublished,
      count(*) FILTER (WHERE state = 'archived')::int AS archived, count(*) FILTER (WHERE published_revision_id IS NOT NULL)::int AS online
    FROM item_versions ${agencyId ? sql`WHERE agency_id = ${agencyId}` : sql``} GROUP BY agency_id`);
  return (result as unknown as { rows: AgencyActivityRow[] }).rows;
}

/** Published source versions lacking a version in each of the given languages. */
export async function missingTranslationCounts(db: Database, languages: string[], agencyId?: string) {
  const result = await db.execute(sql`SELECT s.agency_id, l.lang AS language, count(*)::int AS count
    FROM item_versions s CROSS JOIN unnest(${sql.raw(`ARRAY[${languages.map((l) => `'${l.replace(/[^a-z0-9-]/g, '')}'`).join(',')}]::text[]`)}) AS l(lang)
    WHERE s.is_source AND s.published_revision_id IS NOT NULL AND l.lang <> s.language ${agencyId ? sql`AND s.agency_id = ${agencyId}` : sql``}
      AND NOT EXISTS (SELECT 1 FROM item_versions t WHERE t.item_id = s.item_id AND t.language = l.lang)
    GROUP BY s.agency_id, l.lang`);
  return (result as unknown as { rows: Array<{ agency_id: string; language: string; count: number }> }).rows;
}

export async function missingTranslationList(db: Database, agencyId: string, language: string, limit: number) {
  return db
    .select(listColumns)
    .from(itemVersions)
    .where(
      and(
        eq(itemVersions.agencyId, agencyId),
        eq(itemVersions.isSource, true),
        isNotNull(itemVersions.publishedRevisionId),
        sql`${itemVersions.language} <> ${language}`,
        sql`NOT EXISTS (SELECT 1 FROM item_versions t WHERE t.item_id = ${itemVersions.itemId} AND t.language = ${language})`,
      ),
    )
    .orderBy(desc(itemVersions.publishedAt))
    .limit(limit) as Promise<VersionListRow[]>;
}

/** Working snapshots of source versions still in the editors' hands, for the completeness check. */
export async function openSourceSnapshots(db: Database, agencyId: string | undefined, limit: number) {
  return db
    .select({ agencyId: itemVersions.agencyId, kind: itemVersions.kind, snapshot: revisions.snapshot })
    .from(itemVersions)
    .innerJoin(revisions, eq(revisions.id, itemVersions.workingRevisionId))
    .where(and(eq(itemVersions.isSource, true), inArray(itemVersions.state, ['draft', 'returned']), agencyId ? eq(itemVersions.agencyId, agencyId) : undefined))
    .limit(limit);
}

// ---------- bulk import ----------
export type ImportRow = typeof imports.$inferSelect;

export async function insertImport(db: Database, row: typeof imports.$inferInsert) {
  const [r] = await db.insert(imports).values(row).returning();
  return r;
}
export async function updateImport(db: Database, id: string, patch: Partial<typeof imports.$inferInsert>) {
  await db.update(imports).set(patch).where(eq(imports.id, id));
}
export async function findImport(db: Database, id: string) {
  const [r] = await db.select().from(imports).where(eq(imports.id, id));
  return r ?? null;
}
export async function listImports(db: Database, createdBy: string | null, limit: number) {
  return db
    .select()
    .from(imports)
    .where(createdBy ? eq(imports.createdBy, createdBy) : undefined)
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}
/** Imports left running by a process that stopped. */
export async function markInterruptedImports(db: Database, at: Date) {
  await db.update(imports).set({ status: 'interrupted', finishedAt: at }).where(eq(imports.status, 'running'));
}

/** One batch of prepared items in three multi-row inserts; ids are generated by the caller. */
export async function insertBatch(
  db: Database,
  rows: { items: Array<typeof items.$inferInsert>; versions: VersionInsert[]; revisions: Array<typeof revisions.$inferInsert> },
) {
  if (!rows.items.length) return;
  await db.insert(items).values(rows.items);
  await db.insert(itemVersions).values(rows.versions);
  await db.insert(revisions).values(rows.revisions);
}

// ---------- media used by items ----------
/** Whether a published version with one of the visibilities uses the media. */
export async function mediaUsedByPublished(db: Database, mediaId: string, visibilities: string[]): Promise<boolean> {
  if (!visibilities.length) return false;
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(itemVersions)
    .where(and(sql`${itemVersions.pubMediaIds} @> ARRAY[${mediaId}]::uuid[]`, inArray(itemVersions.pubVisibility, visibilities))) // online whatever the working state
    .limit(1);
  return rows.length > 0;
}

/** Versions whose working or published revision uses the media. */
export async function versionsUsingMedia(db: Database, mediaId: string) {
  return db
    .select({
      itemId: itemVersions.itemId,
      versionId: itemVersions.id,
      language: itemVersions.language,
      state: itemVersions.state,
      title: sql<string>`coalesce(${itemVersions.pubTitle}, ${itemVersions.title})`,
      pubVisibility: itemVersions.pubVisibility,
      online: sql<boolean>`${itemVersions.publishedRevisionId} IS NOT NULL AND ${itemVersions.pubMediaIds} @> ARRAY[${mediaId}]::uuid[]`,
    })
    .from(itemVersions)
    .where(sql`${itemVersions.mediaIds} @> ARRAY[${mediaId}]::uuid[] OR ${itemVersions.pubMediaIds} @> ARRAY[${mediaId}]::uuid[]`)
    .limit(50);
}

export interface AttachedMediaFacts {
  id: string;
  agency_id: string;
  kind: string;
  visibility: string;
  alt: Record<string, string>;
  authors: string[];
  copyright_holder: string;
  licence: string | null;
}

/**
 * Facts of media files an item uses, read from the media area's table by SQL: items reference
 * media, and the media area asks content which items use a file, so importing each other's
 * services would make a cycle (see docs/decisions.md).
 */
export async function attachedMediaFacts(db: Database, ids: string[]): Promise<AttachedMediaFacts[]> {
  if (!ids.length) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const r = await db.execute(
    sql`SELECT id, agency_id, kind, visibility, alt, authors, copyright_holder, licence FROM media WHERE deleted_at IS NULL AND id IN (${list})`,
  );
  return (r as unknown as { rows: AttachedMediaFacts[] }).rows;
}
