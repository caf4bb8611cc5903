// Queries of the media library.
import { and, desc, eq, getTableColumns, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';
import { media, mediaBlobs, mediaDownloads, mediaUploads } from './tables.js';

export type MediaRow = typeof media.$inferSelect;
export type MediaInsert = typeof media.$inferInsert;
export type UploadRow = typeof mediaUploads.$inferSelect;

export async function findMedia(db: Database, id: string): Promise<MediaRow | null> {
  const [r] = await db
    .select()
    .from(media)
    .where(and(eq(media.id, id), isNull(media.deletedAt)));
  return r ?? null;
}

/** A media record without its search texts (a document's extracted text can be long): what published pages show of it. */
export type MediaShown = Omit<MediaRow, 'extractedText' | 'searchText'>;
const { extractedText: _extractedText, searchText: _searchText, ...shownColumns } = getTableColumns(media);

export async function findMediaMany(db: Database, ids: string[]): Promise<MediaShown[]> {
  if (!ids.length) return [];
  return db
    .select(shownColumns)
    .from(media)
    .where(and(inArray(media.id, ids), isNull(media.deletedAt)));
}

export async function findLiveBySha(db: Database, agencyId: string, sha256: string): Promise<MediaRow | null> {
  const [r] = await db
    .select()
    .from(media)
    .where(and(eq(media.agencyId, agencyId), eq(media.sha256, sha256), isNull(media.deletedAt)));
  return r ?? null;
}

export async function findBlob(db: Database, sha256: string) {
  const [r] = await db.select().from(mediaBlobs).where(eq(mediaBlobs.sha256, sha256));
  return r ?? null;
}

export async function insertBlob(db: Database, row: typeof mediaBlobs.$inferInsert) {
  await db
    .insert(mediaBlobs)
    .values(row)
    .onConflictDoUpdate({ target: mediaBlobs.sha256, set: { purgedAt: null } });
}

export async function insertMedia(db: Database, row: MediaInsert): Promise<MediaRow> {
  const [r] = await db.insert(media).values(row).returning();
  return r;
}

/** Optimistic update: null when the version moved on (or the media is gone). */
export async function updateMedia(db: Database, id: string, version: number | null, patch: Partial<MediaInsert>): Promise<MediaRow | null> {
  const [r] = await db
    .update(media)
    .set({ ...patch, version: sql`${media.version} + 1` })
    .where(and(eq(media.id, id), isNull(media.deletedAt), version === null ? undefined : eq(media.version, version)))
    .returning();
  return r ?? null;
}

export interface MediaFilter {
  agencyId?: string;
  kind?: string;
  q?: string;
}

/** Newest first, keyset-paged on (created_at, id). `agencies`: 'all' or the one readable agency. */
export async function listMedia(
  db: Database,
  scope: 'all' | string,
  f: MediaFilter,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<MediaRow[]> {
  const where: SQL[] = [isNull(media.deletedAt)];
  if (scope !== 'all') where.push(eq(media.agencyId, scope));
  if (f.agencyId) where.push(eq(media.agencyId, f.agencyId));
  if (f.kind) where.push(eq(media.kind, f.kind));
  if (f.q) where.push(sql`${media.searchText} LIKE ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`);
  if (after) where.push(or(lt(media.createdAt, after.createdAt), and(eq(media.createdAt, after.createdAt), lt(media.id, after.id)))!);
  return db
    .select()
    .from(media)
    .where(and(...where))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(limit);
}

/** Bytes and files of an agency's live media. */
export async function usageOf(db: Database, agencyId: string): Promise<{ usedBytes: number; files: number }> {
  const [u] = await db
    .select({ used: sql<string>`coalesce(sum(${media.size}), 0)`, files: sql<number>`count(*)::int` })
    .from(media)
    .where(and(eq(media.agencyId, agencyId), isNull(media.deletedAt)));
  return { usedBytes: Number(u?.used ?? 0), files: u?.files ?? 0 };
}

/** Claims images waiting for variants (several processes may run the job). */
export async function claimPendingVariants(db: Database, limit: number): Promise<MediaRow[]> {
  const ids = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM media WHERE variants_status = 'pending' AND deleted_at IS NULL ORDER BY updated_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    ),
  ).map((r) => r.id);
  if (!ids.length) return [];
  return db.update(media).set({ variantsStatus: 'processing' }).where(inArray(media.id, ids)).returning();
}

/** Variants left "processing" by a process that died: back to pending after a while. */
export async function releaseStaleProcessing(db: Database, before: Date) {
  await db
    .update(media)
    .set({ variantsStatus: 'pending' })
    .where(and(eq(media.variantsStatus, 'processing'), lt(media.updatedAt, before)));
}

export async function countDownload(db: Database, row: { day: string; mediaId: string; principal: string; principalAgencyId: string | null; bytes: number }) {
  await db
    .insert(mediaDownloads)
    .values({ ...row, count: 1 })
    .onConflictDoUpdate({
      target: [mediaDownloads.day, mediaDownloads.mediaId, mediaDownloads.principal],
      set: { count: sql`${mediaDownloads.count} + 1`, bytes: sql`${mediaDownloads.bytes} + ${row.bytes}` },
    });
}

export async function downloadsOf(db: Database, mediaId: string) {
  return db.select().from(mediaDownloads).where(eq(mediaDownloads.mediaId, mediaId)).orderBy(desc(mediaDownloads.day)).limit(500);
}

/** Blobs whose media were all deleted before `before` (none live): their bytes can go. */
export async function unusedBlobs(db: Database, before: Date, limit: number) {
  return rowsOf<{ sha256: string; storage_key: string }>(
    await db.execute(sql`SELECT b.sha256, b.storage_key FROM media_blobs b
      WHERE b.purged_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM media m WHERE m.sha256 = b.sha256 AND (m.deleted_at IS NULL OR m.deleted_at > ${before}))
      LIMIT ${limit}`),
  );
}

/** Marks a blob's bytes as removed, unless a new upload brought it back to life meanwhile. */
export async function markBlobPurged(db: Database, sha256: string, at: Date): Promise<boolean> {
  const r = rowsOf<{ sha256: string }>(
    await db.execute(
      sql`UPDATE media_blobs b SET purged_at = ${at} WHERE b.sha256 = ${sha256} AND NOT EXISTS (SELECT 1 FROM media m WHERE m.sha256 = b.sha256 AND m.deleted_at IS NULL) RETURNING b.sha256`,
    ),
  );
  return r.length > 0;
}

export async function deletedMediaOf(db: Database, sha256: string) {
  return db
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.sha256, sha256), sql`${media.deletedAt} IS NOT NULL`));
}

/** Updates only while the media's variants revision is still `revision` (no version bump: a job's bookkeeping). */
export async function updateMediaIf(db: Database, id: string, revision: number, patch: Partial<MediaInsert>): Promise<boolean> {
  const r = await db
    .update(media)
    .set(patch)
    .where(and(eq(media.id, id), eq(media.variantsRevision, revision)))
    .returning({ id: media.id });
  return r.length > 0;
}

// ---------- resumable uploads ----------
export async function insertUpload(db: Database, row: typeof mediaUploads.$inferInsert) {
  await db.insert(mediaUploads).values(row);
}
export async function findUpload(db: Database, id: string): Promise<UploadRow | null> {
  const [r] = await db.select().from(mediaUploads).where(eq(mediaUploads.id, id));
  return r ?? null;
}
export async function finishUpload(db: Database, id: string, mediaId: string, at: Date) {
  await db.update(mediaUploads).set({ mediaId, finishedAt: at }).where(eq(mediaUploads.id, id));
}
/** Bytes reserved by unfinished uploads of an agency (they count against the quota). */
export async function pendingUploadBytes(db: Database, agencyId: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<string>`coalesce(sum(${mediaUploads.size}), 0)` })
    .from(mediaUploads)
    .where(and(eq(mediaUploads.agencyId, agencyId), isNull(mediaUploads.finishedAt), sql`${mediaUploads.createdAt} > ${since}`));
  return Number(r?.n ?? 0);
}
export async function deleteUpload(db: Database, id: string) {
  await db.delete(mediaUploads).where(eq(mediaUploads.id, id));
}
