// Queries for readers outside the agencies (portal, feeds, sitemap): published versions only,
// filtered to the visibilities the reader may see, from the columns mirroring the published
// revision (pub_*), never the working copy.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';
import { highlights, itemVersions } from './tables.js';

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
  const w: SQL[] = [eq(itemVersions.state, 'published'), inArray(itemVersions.pubVisibility, f.visibilities.length ? f.visibilities : ['-'])];
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
    sql`v.state = 'published'`,
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
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n ${from}`));
  return { rows: rows.map((r) => ({ ...(r as unknown as DocumentRow), publishedAt: new Date(r.publishedAt as string), document: (r.document ?? {}) as DocumentRow['document'] })), total: Number(count.n) };
}

/** Distinct years and issuers of published documents (for the library's filters). */
export async function documentFacets(db: Database, visibilities: string[], language: string): Promise<{ years: string[]; issuers: string[] }> {
  const rows = rowsOf<{ year: string | null; issuer: string | null }>(
    await db.execute(sql`SELECT DISTINCT left(r.snapshot->'metadata'->'document'->>'issueDate', 4) AS year, r.snapshot->'metadata'->'document'->>'issuingBody' AS issuer
      FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id
      WHERE v.state = 'published' AND v.kind = 'document' AND v.language = ${language} AND v.pub_visibility IN (${sql.join((visibilities.length ? visibilities : ['-']).map((x) => sql`${x}`), sql`, `)})
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

/** Published cards of the given items in one language, in the given order. */
export async function publishedCardsOfItems(db: Database, itemIds: string[], f: { visibilities: string[]; language: string }): Promise<PublishedCard[]> {
  if (!itemIds.length) return [];
  const rows = (await db
    .select(publishedCard)
    .from(itemVersions)
    .where(and(where({ visibilities: f.visibilities, language: f.language }), inArray(itemVersions.itemId, itemIds)))) as unknown as PublishedCard[];
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  return itemIds.map((id) => byItem.get(id)).filter((r): r is PublishedCard => r !== undefined);
}
