// Queries of the open API's published reads (GET /published, the changes stream's inline data):
// keyset pages of the versions online that a reader may see, and their published forms in bulk.
// "Online" is `pub_visibility IS NOT NULL` (a published revision is online), whatever the working
// state: a version edited after publication stays online until its new revision is approved.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { PublishedScope } from '../policy.js';
import { publishedCard, type PublishedCard } from './listings.repo.js';
import { itemVersions } from '../tables.js';

/** `column` holds a visibility readable within the scope (false when the scope reads nothing). */
export function scopeCondition(scope: PublishedScope, column: SQL, agencyColumn: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.visibilities.length) parts.push(sql`${column} IN (${sql.join(scope.visibilities.map((v) => sql`${v}`), sql`, `)})`);
  if (scope.internal === 'all') parts.push(sql`${column} = 'internal'`);
  else if (scope.internal) parts.push(sql`(${column} = 'internal' AND ${agencyColumn} = ${scope.internal}::uuid)`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

export type PublishedSort = '-published' | 'published' | '-updated';

/** The column each sort walks: `published` is the first publication, `updated` when the current published form went online. */
const SORT_COLUMN: Record<PublishedSort, SQL> = {
  '-published': sql`item_versions.first_published_at`,
  published: sql`item_versions.first_published_at`,
  '-updated': sql`item_versions.published_at`,
};

export interface PublishedListFilter {
  scope: PublishedScope;
  kind?: string;
  topicId?: string;
  agencyId?: string;
  language?: string;
  /** published_at >= */
  updatedSince?: Date;
  /** first_published_at within [from, to) — bounds already resolved to instants */
  publishedFrom?: Date;
  publishedBefore?: Date;
  activityFrom?: string;
  activityTo?: string;
}

/** Where a keyset page starts: the sort column as UTC ISO text to the microsecond (a JS Date keeps milliseconds), and the version id. */
export interface ListKey {
  at: string;
  id: string;
}

/** A list row: the portal's card (public.repo.ts) of a version online, and where the page goes on from it. */
export type PublishedListRow = PublishedCard & { firstPublishedAt: Date; key: ListKey };

const utcText = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listPublishedPage(db: Database, f: PublishedListFilter, sort: PublishedSort, after: ListKey | null, limit: number): Promise<PublishedListRow[]> {
  const col = SORT_COLUMN[sort];
  const w: SQL[] = [scopeCondition(f.scope, sql`item_versions.pub_visibility`, sql`item_versions.agency_id`)];
  if (f.kind) w.push(sql`item_versions.kind = ${f.kind}`);
  if (f.language) w.push(sql`item_versions.language = ${f.language}`);
  if (f.agencyId) w.push(sql`item_versions.agency_id = ${f.agencyId}::uuid`);
  if (f.topicId) w.push(sql`item_versions.pub_topic_ids @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.updatedSince) w.push(sql`item_versions.published_at >= ${f.updatedSince.toISOString()}::timestamptz`);
  if (f.publishedFrom) w.push(sql`item_versions.first_published_at >= ${f.publishedFrom.toISOString()}::timestamptz`);
  if (f.publishedBefore) w.push(sql`item_versions.first_published_at < ${f.publishedBefore.toISOString()}::timestamptz`);
  if (f.activityFrom) w.push(sql`item_versions.pub_activity_date >= ${f.activityFrom}::date`);
  if (f.activityTo) w.push(sql`item_versions.pub_activity_date <= ${f.activityTo}::date`);
  const desc = sort.startsWith('-');
  if (after) w.push(desc ? sql`(${col}, item_versions.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql`(${col}, item_versions.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  const order = desc ? sql`${col} DESC, item_versions.id DESC` : sql`${col} ASC, item_versions.id ASC`;
  const rows = await db
    .select({ ...publishedCard, keyAt: sql<string>`${utcText(col)}` })
    .from(itemVersions)
    .where(sql.join(w, sql` AND `))
    .orderBy(order)
    .limit(limit);
  return rows.map(({ keyAt, ...r }) => ({ ...(r as PublishedCard), firstPublishedAt: r.firstPublishedAt as Date, key: { at: keyAt, id: r.versionId } }));
}

/** A version online with everything its published form (GET /item-versions/{id}/published) is made of. */
export interface PublishedFormRow {
  versionId: string;
  itemId: string;
  agencyId: string;
  kind: string;
  language: string;
  isSource: boolean;
  sourceLanguage: string;
  visibility: string;
  text: { title: string; summary: string; body: string };
  /** the source language's published metadata (a translation is published with its source's) */
  metadata: Record<string, unknown>;
  revision: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  contentHash: string;
  /** the item's versions online, source first then by language (this one included), to filter by the reader's scope */
  online: Array<{ id: string; language: string; visibility: string; agencyId: string }>;
}

/** Published forms of the given versions that are online (one query); order not kept. */
export async function publishedForms(db: Database, versionIds: string[]): Promise<PublishedFormRow[]> {
  if (!versionIds.length) return [];
  return formsWhere(db, sql`v.id IN (${sql.join([...new Set(versionIds)].map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** The published form of an item in a language, if online (one query). */
export async function publishedFormOf(db: Database, itemId: string, language: string): Promise<PublishedFormRow | null> {
  return (await formsWhere(db, sql`v.item_id = ${itemId}::uuid AND v.language = ${language}`))[0] ?? null;
}

async function formsWhere(db: Database, where: SQL): Promise<PublishedFormRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT v.id AS "versionId", v.item_id AS "itemId", v.agency_id AS "agencyId", v.kind, v.language, v.is_source AS "isSource",
        i.source_language AS "sourceLanguage", v.pub_visibility AS visibility, r.snapshot->'text' AS text, coalesce(sr.snapshot->'metadata', '{}'::jsonb) AS metadata,
        r.number AS revision, v.published_at AS "publishedAt", v.first_published_at AS "firstPublishedAt", v.content_hash AS "contentHash",
        (SELECT coalesce(json_agg(json_build_object('id', o.id, 'language', o.language, 'visibility', o.pub_visibility, 'agencyId', o.agency_id) ORDER BY o.is_source DESC, o.language ASC), '[]'::json)
           FROM item_versions o WHERE o.item_id = v.item_id AND o.pub_visibility IS NOT NULL) AS online
      FROM item_versions v
      JOIN items i ON i.id = v.item_id
      JOIN revisions r ON r.id = v.published_revision_id
      LEFT JOIN item_versions s ON s.item_id = v.item_id AND s.is_source
      LEFT JOIN revisions sr ON sr.id = s.published_revision_id
      WHERE ${where} AND v.pub_visibility IS NOT NULL`),
  );
  return rows.map((r) => ({
    versionId: r.versionId as string,
    itemId: r.itemId as string,
    agencyId: r.agencyId as string,
    kind: r.kind as string,
    language: r.language as string,
    isSource: Boolean(r.isSource),
    sourceLanguage: r.sourceLanguage as string,
    visibility: r.visibility as string,
    text: r.text as PublishedFormRow['text'],
    metadata: r.metadata as Record<string, unknown>,
    revision: Number(r.revision),
    publishedAt: new Date(r.publishedAt as string),
    firstPublishedAt: new Date(r.firstPublishedAt as string),
    contentHash: r.contentHash as string,
    online: (typeof r.online === 'string' ? JSON.parse(r.online) : r.online) as PublishedFormRow['online'],
  }));
}

/** Names of topics by id (archived ones too: a published item may still carry one). */
export async function topicNames(db: Database, ids: string[]): Promise<Array<{ id: string; nameVi: string; nameEn: string }>> {
  if (!ids.length) return [];
  return rowsOf(
    await db.execute(sql`SELECT id, name_vi AS "nameVi", name_en AS "nameEn" FROM topics WHERE id IN (${sql.join([...new Set(ids)].map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
}
