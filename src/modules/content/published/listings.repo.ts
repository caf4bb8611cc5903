// Queries for readers outside the agencies (portal, feeds, sitemap): published versions only,
// filtered to the visibilities the reader may see, from the columns mirroring the published
// revision (pub_*), never the working copy.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import { highlights, items, itemVersions, revisions, topics } from '../tables.js';

export interface PublishedFilter {
  visibilities: string[];
  language?: string;
  kind?: string;
  kinds?: string[];
  topicId?: string;
  agencyId?: string;
  /** published since (feeds, sitemaps) */
  since?: Date;
}

export const publishedCard = {
  versionId: itemVersions.id,
  itemId: itemVersions.itemId,
  language: itemVersions.language,
  isSource: itemVersions.isSource,
  kind: itemVersions.kind,
  agencyId: itemVersions.agencyId,
  title: sql<string>`${itemVersions.pubTitle}`,
  summary: sql<string>`${itemVersions.pubSummary}`,
  visibility: sql<string>`${itemVersions.pubVisibility}`,
  topicIds: sql<string[]>`coalesce(${itemVersions.pubTopicIds}, ARRAY[]::uuid[])`,
  mediaIds: sql<string[]>`coalesce(${itemVersions.pubMediaIds}, ARRAY[]::uuid[])`,
  activityDate: itemVersions.pubActivityDate,
  publishedAt: sql<Date>`${itemVersions.publishedAt}`,
  firstPublishedAt: itemVersions.firstPublishedAt,
  contentHash: itemVersions.contentHash,
};

export interface PublishedCard {
  versionId: string;
  itemId: string;
  language: string;
  isSource: boolean;
  kind: string;
  agencyId: string;
  title: string;
  summary: string;
  visibility: string;
  topicIds: string[];
  mediaIds: string[];
  activityDate: string | null;
  publishedAt: Date;
  firstPublishedAt: Date | null;
  contentHash: string | null;
}

function where(f: PublishedFilter): SQL {
  // online = a published revision is online (pub_visibility set), whatever the working state (a version edited after publication is a draft again)
  const w: SQL[] = [inArray(itemVersions.pubVisibility, f.visibilities.length ? f.visibilities : ['-'])];
  if (f.language) w.push(eq(itemVersions.language, f.language));
  if (f.kind) w.push(eq(itemVersions.kind, f.kind));
  if (f.kinds?.length) w.push(inArray(itemVersions.kind, f.kinds));
  if (f.agencyId) w.push(eq(itemVersions.agencyId, f.agencyId));
  if (f.topicId) w.push(sql`${itemVersions.pubTopicIds} @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.since) w.push(sql`${itemVersions.publishedAt} >= ${f.since}`);
  return and(...w)!;
}

/** Newest first by publication time. */
export async function listPublished(db: Database, f: PublishedFilter, offset: number, limit: number): Promise<PublishedCard[]> {
  return db
    .select(publishedCard)
    .from(itemVersions)
    .where(where(f))
    .orderBy(desc(itemVersions.publishedAt), desc(itemVersions.id))
    .offset(offset)
    .limit(limit) as unknown as Promise<PublishedCard[]>;
}

export async function countPublished(db: Database, f: PublishedFilter): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(itemVersions).where(where(f));
  return Number(r.n);
}

/** Languages that have at least one published version the reader may see, with counts. */
export async function publishedLanguages(db: Database, visibilities: string[]): Promise<Array<{ language: string; n: number }>> {
  return db
    .select({ language: itemVersions.language, n: sql<number>`count(*)::int` })
    .from(itemVersions)
    .where(where({ visibilities }))
    .groupBy(itemVersions.language)
    .orderBy(asc(itemVersions.language));
}

/** Counts per topic (published, readable, one language): the home page and topic menus. */
export async function countsByTopic(db: Database, f: PublishedFilter): Promise<Array<{ topicId: string; n: number }>> {
  return rowsOf<{ topicId: string; n: number }>(
    await db.execute(
      sql`SELECT t AS "topicId", count(*)::int AS n FROM item_versions, unnest(item_versions.pub_topic_ids) AS t WHERE ${where(f)} GROUP BY t`,
    ),
  );
}

export interface DocumentFilter {
  visibilities: string[];
  language: string;
  documentType?: string;
  issuer?: string;
  year?: number;
  number?: string;
}

export interface DocumentRow extends PublishedCard {
  document: { number?: string; issuingBody?: string; issueDate?: string; effectiveDate?: string; signer?: string; documentType?: string; fileId?: string };
}

const likeArg = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Published documents in one language with their document facts (kept on the source version's
 * published revision), filterable by type, issuer, year and number; newest issue date first.
 */
export async function listDocuments(db: Database, f: DocumentFilter, offset: number, limit: number): Promise<{ rows: DocumentRow[]; total: number }> {
  const doc = sql`r.snapshot->'metadata'->'document'`;
  const conds: SQL[] = [
    sql`v.pub_visibility IS NOT NULL`,
    sql`v.kind = 'document'`,
    sql`v.language = ${f.language}`,
    sql`v.pub_visibility IN (${sql.join((f.visibilities.length ? f.visibilities : ['-']).map((x) => sql`${x}`), sql`, `)})`,
  ];
  if (f.documentType) conds.push(sql`${doc}->>'documentType' = ${f.documentType}`);
  if (f.issuer) conds.push(sql`public.f_unaccent(lower(${doc}->>'issuingBody')) LIKE public.f_unaccent(lower(${likeArg(f.issuer)}))`);
  if (f.number) conds.push(sql`lower(${doc}->>'number') LIKE lower(${likeArg(f.number)})`);
  if (f.year) conds.push(sql`left(${doc}->>'issueDate', 4) = ${String(f.year)}`);
  const from = sql`FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id WHERE ${sql.join(conds, sql` AND `)}`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT v.id AS "versionId", v.item_id AS "itemId", v.language, v.is_source AS "isSource", v.kind, v.agency_id AS "agencyId", v.pub_title AS title, v.pub_summary AS summary,
      v.pub_visibility AS visibility, coalesce(v.pub_topic_ids, ARRAY[]::uuid[]) AS "topicIds", coalesce(v.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds", v.pub_activity_date AS "activityDate",
      v.published_at AS "publishedAt", v.first_published_at AS "firstPublishedAt", v.content_hash AS "contentHash", ${doc} AS document
      ${from} ORDER BY ${doc}->>'issueDate' DESC NULLS LAST, v.published_at DESC OFFSET ${offset} LIMIT ${limit}`),
  );
  // a page that is not full (and not past the end) tells the total: no count needed
  const total =
    rows.length < limit && (rows.length > 0 || offset === 0) ? offset + rows.length : Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n ${from}`))[0].n);
  return { rows: rows.map((r) => ({ ...(r as unknown as DocumentRow), publishedAt: new Date(r.publishedAt as string), document: (r.document ?? {}) as DocumentRow['document'] })), total };
}

/** Distinct years and issuers of published documents (for the library's filters). */
export async function documentFacets(db: Database, visibilities: string[], language: string): Promise<{ years: string[]; issuers: string[] }> {
  const rows = rowsOf<{ year: string | null; issuer: string | null }>(
    await db.execute(sql`SELECT DISTINCT left(r.snapshot->'metadata'->'document'->>'issueDate', 4) AS year, r.snapshot->'metadata'->'document'->>'issuingBody' AS issuer
      FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id
      WHERE v.pub_visibility IS NOT NULL AND v.kind = 'document' AND v.language = ${language} AND v.pub_visibility IN (${sql.join((visibilities.length ? visibilities : ['-']).map((x) => sql`${x}`), sql`, `)})
      LIMIT 500`),
  );
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is string => Boolean(y)))].sort().reverse();
  const issuers = [...new Set(rows.map((r) => r.issuer).filter((y): y is string => Boolean(y)))].sort((a, b) => a.localeCompare(b, 'vi'));
  return { years, issuers };
}

/** Highlighted items in order. */
export async function highlightedItemIds(db: Database): Promise<string[]> {
  const rows = await db.select({ itemId: highlights.itemId }).from(highlights).orderBy(asc(highlights.position));
  return rows.map((r) => r.itemId);
}

export async function replaceHighlights(db: Database, itemIds: string[], createdBy: string, at: Date) {
  await db.delete(highlights);
  if (itemIds.length) await db.insert(highlights).values(itemIds.map((itemId, position) => ({ itemId, position, createdBy, createdAt: at })));
}

/** The highlighted items' published cards in one language, in the highlights' order (one query). */
export async function highlightedCards(db: Database, f: { visibilities: string[]; language: string }): Promise<PublishedCard[]> {
  return db
    .select(publishedCard)
    .from(highlights)
    .innerJoin(itemVersions, eq(itemVersions.itemId, highlights.itemId))
    .where(where({ visibilities: f.visibilities, language: f.language }))
    .orderBy(asc(highlights.position)) as unknown as Promise<PublishedCard[]>;
}

/** Topics not archived, in the taxonomy's order, each with its count of readable published versions in one language (one query). */
export async function topicsWithCounts(db: Database, f: PublishedFilter): Promise<Array<{ id: string; slug: string; nameVi: string; nameEn: string; count: number }>> {
  const rows = rowsOf<{ id: string; slug: string; nameVi: string; nameEn: string; count: number }>(
    await db.execute(sql`SELECT t.id, t.slug, t.name_vi AS "nameVi", t.name_en AS "nameEn", coalesce(c.n, 0)::int AS count
      FROM ${topics} t LEFT JOIN (SELECT tp, count(*) AS n FROM item_versions, unnest(item_versions.pub_topic_ids) AS tp WHERE ${where(f)} GROUP BY tp) c ON c.tp = t.id
      WHERE t.archived_at IS NULL ORDER BY t.position ASC, t.name_vi ASC`),
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** One section of a page made of several lists: the newest `limit` cards matching `filter`. */
export interface SectionQuery {
  key: string;
  filter: Omit<PublishedFilter, 'visibilities'>;
  limit: number;
}

// the card's columns for hand-written statements, named as PublishedCard
const CARD_COLUMNS = sql`item_versions.id AS "versionId", item_versions.item_id AS "itemId", item_versions.language, item_versions.is_source AS "isSource", item_versions.kind,
  item_versions.agency_id AS "agencyId", item_versions.pub_title AS title, item_versions.pub_summary AS summary, item_versions.pub_visibility AS visibility,
  coalesce(item_versions.pub_topic_ids, ARRAY[]::uuid[]) AS "topicIds", coalesce(item_versions.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds",
  item_versions.pub_activity_date::text AS "activityDate", item_versions.published_at AS "publishedAt", item_versions.first_published_at AS "firstPublishedAt",
  item_versions.content_hash AS "contentHash"`;

function cardOf(r: Record<string, unknown>): PublishedCard {
  return {
    versionId: r.versionId as string,
    itemId: r.itemId as string,
    language: r.language as string,
    isSource: Boolean(r.isSource),
    kind: r.kind as string,
    agencyId: r.agencyId as string,
    title: r.title as string,
    summary: r.summary as string,
    visibility: r.visibility as string,
    topicIds: (r.topicIds as string[] | null) ?? [],
    mediaIds: (r.mediaIds as string[] | null) ?? [],
    activityDate: (r.activityDate as string | null) ?? null,
    publishedAt: new Date(r.publishedAt as string),
    firstPublishedAt: r.firstPublishedAt ? new Date(r.firstPublishedAt as string) : null,
    contentHash: (r.contentHash as string | null) ?? null,
  };
}

/**
 * Several lists of newest cards in one statement (a page's sections: latest, photos and videos, the
 * latest of each topic), each in the order `listPublished` gives: a map from section key to cards.
 */
export async function publishedSections(db: Database, visibilities: string[], sections: SectionQuery[]): Promise<Map<string, PublishedCard[]>> {
  const out = new Map<string, PublishedCard[]>(sections.map((s) => [s.key, []]));
  if (!sections.length) return out;
  const parts = sections.map(
    (s, i) => sql`(SELECT ${i}::int AS section, ${CARD_COLUMNS} FROM item_versions WHERE ${where({ ...s.filter, visibilities })}
      ORDER BY item_versions.published_at DESC, item_versions.id DESC LIMIT ${s.limit})`,
  );
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) x ORDER BY section, "publishedAt" DESC, "versionId" DESC`));
  for (const r of rows) out.get(sections[Number(r.section)].key)!.push(cardOf(r));
  return out;
}

/** A published version's text and its item's published metadata (that of the source language, as `publishedPage` reads it). */
export interface PublishedText {
  versionId: string;
  text: { title: string; summary: string; body: string };
  metadata: Record<string, unknown> | null;
}

/** Texts and metadata of the given versions, those still published for these visibilities (one query). */
export async function publishedTexts(db: Database, versionIds: string[], visibilities: string[]): Promise<PublishedText[]> {
  if (!versionIds.length) return [];
  const source = alias(itemVersions, 'source');
  const sourceRevision = alias(revisions, 'source_revision');
  return db
    .select({
      versionId: itemVersions.id,
      text: sql<PublishedText['text']>`${revisions.snapshot}->'text'`,
      metadata: sql<PublishedText['metadata']>`CASE WHEN ${source.id} IS NULL THEN ${revisions.snapshot}->'metadata' ELSE ${sourceRevision.snapshot}->'metadata' END`,
    })
    .from(itemVersions)
    .innerJoin(revisions, eq(revisions.id, itemVersions.publishedRevisionId))
    .leftJoin(source, and(eq(source.itemId, itemVersions.itemId), eq(source.isSource, true)))
    .leftJoin(sourceRevision, eq(sourceRevision.id, source.publishedRevisionId))
    .where(and(where({ visibilities }), inArray(itemVersions.id, versionIds)));
}

/**
 * An item and all its language versions, with the published snapshot of the one in `language` and
 * of the source version (null for the others, and when unpublished), in one query. No row: no such
 * item; an item without versions: one row whose version is null.
 */
export async function itemWithVersions(db: Database, itemId: string, language: string) {
  return db
    .select({ item: items, version: itemVersions, snapshot: revisions.snapshot })
    .from(items)
    .leftJoin(itemVersions, eq(itemVersions.itemId, items.id))
    .leftJoin(revisions, and(eq(revisions.id, itemVersions.publishedRevisionId), or(eq(itemVersions.language, language), eq(itemVersions.isSource, true))))
    .where(eq(items.id, itemId));
}

// ----- sitemap

/** Where a page of the sitemap's item versions starts or ends: newest first by publication, then id. */
export interface SitemapKey {
  /** the publication time as the database prints it (exact to the microsecond, which a JS Date is not) */
  at: string;
  id: string;
}

export interface SitemapRow {
  versionId: string;
  itemId: string;
  language: string;
  publishedAt: Date;
  mediaIds: string[];
  /** the languages of the item the reader may read (this one included) */
  languages: string[];
  key: SitemapKey;
}

/**
 * Published versions the reader may see, newest first, after `after` (exclusive) and up to `until`
 * (inclusive) when given: a keyset page, however far into the list (no OFFSET).
 */
export async function sitemapRows(db: Database, visibilities: string[], range: { after?: SitemapKey | null; until?: SitemapKey | null }, limit: number): Promise<SitemapRow[]> {
  const vis = visibilities.length ? visibilities : ['-'];
  const conds: SQL[] = [where({ visibilities: vis })];
  if (range.after) conds.push(sql`(item_versions.published_at, item_versions.id) < (${range.after.at}::timestamptz, ${range.after.id}::uuid)`);
  if (range.until) conds.push(sql`(item_versions.published_at, item_versions.id) >= (${range.until.at}::timestamptz, ${range.until.id}::uuid)`);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT item_versions.id AS "versionId", item_versions.item_id AS "itemId", item_versions.language, item_versions.published_at AS "publishedAt",
      item_versions.published_at::text AS "atKey", coalesce(item_versions.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds",
      ARRAY(SELECT o.language FROM item_versions o WHERE o.item_id = item_versions.item_id AND o.pub_visibility IS NOT NULL
        AND o.pub_visibility IN (${sql.join(vis.map((v) => sql`${v}`), sql`, `)})) AS languages
      FROM item_versions WHERE ${and(...conds)} ORDER BY item_versions.published_at DESC, item_versions.id DESC LIMIT ${limit}`),
  );
  return rows.map((r) => ({
    versionId: r.versionId as string,
    itemId: r.itemId as string,
    language: r.language as string,
    publishedAt: new Date(r.publishedAt as string),
    mediaIds: (r.mediaIds as string[] | null) ?? [],
    languages: (r.languages as string[] | null) ?? [],
    key: { at: r.atKey as string, id: r.versionId as string },
  }));
}

/** The newest publication per language, and per kind, agency and topic in each language (the listings' lastmod). */
export async function newestPerListing(db: Database, visibilities: string[]): Promise<Array<{ scope: 'language' | 'kind' | 'agency' | 'topic'; key: string; language: string; at: Date }>> {
  const f = where({ visibilities });
  const rows = rowsOf<{ scope: 'language' | 'kind' | 'agency' | 'topic'; key: string | null; language: string; at: string }>(
    await db.execute(sql`SELECT CASE WHEN GROUPING(item_versions.kind) = 0 THEN 'kind' WHEN GROUPING(item_versions.agency_id) = 0 THEN 'agency' ELSE 'language' END AS scope,
        coalesce(item_versions.kind, item_versions.agency_id::text) AS key, item_versions.language, max(item_versions.published_at) AS at
      FROM item_versions WHERE ${f} GROUP BY GROUPING SETS ((item_versions.language), (item_versions.kind, item_versions.language), (item_versions.agency_id, item_versions.language))
      UNION ALL
      SELECT 'topic', tp::text, item_versions.language, max(item_versions.published_at) FROM item_versions, unnest(item_versions.pub_topic_ids) AS tp WHERE ${f} GROUP BY tp, item_versions.language`),
  );
  return rows.map((r) => ({ scope: r.scope, key: r.key ?? '', language: r.language, at: new Date(r.at) }));
}
