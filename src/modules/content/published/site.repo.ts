// What a site of published content needs besides its cards and forms (repo.ts): topics and languages
// with what is published in them, sitemap rows and listing dates, the DIC's highlights. Same rule of
// what is online and readable as every published read (`scopeCondition`).
import { asc, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { PublishedScope } from '../policy.js';
import { ALL_TOPICS, highlights } from '../tables.js';
import { publishedCountsIn, scopeCondition } from './repo.js';

/** Versions online and readable (`item_versions` unaliased), optionally in one language. */
function online(scope: PublishedScope, language?: string): SQL {
  const w = scopeCondition(scope, sql`item_versions.pub_visibility`, sql`item_versions.agency_id`);
  return language ? sql`${w} AND item_versions.language = ${language}` : w;
}

/** Languages that have at least one published version the reader may see, with counts (from the kept counts). */
export async function publishedLanguages(db: Database, scope: PublishedScope): Promise<Array<{ language: string; n: number }>> {
  return rowsOf(
    await db.execute(sql`SELECT c.language, sum(c.versions)::int AS n FROM published_counts c WHERE ${publishedCountsIn(scope)} AND c.topic_id = ${ALL_TOPICS}::uuid
      GROUP BY c.language HAVING sum(c.versions) > 0 ORDER BY c.language ASC`),
  );
}

/** Topics not archived, in the taxonomy's order, each with its count of readable published versions in one language (one query). */
export async function topicsWithCounts(
  db: Database,
  scope: PublishedScope,
  language: string,
): Promise<Array<{ id: string; slug: string; nameVi: string; nameEn: string; count: number }>> {
  const rows = rowsOf<{ id: string; slug: string; nameVi: string; nameEn: string; count: number }>(
    await db.execute(sql`SELECT t.id, t.slug, t.name_vi AS "nameVi", t.name_en AS "nameEn", coalesce(c.n, 0)::int AS count
      FROM topics t LEFT JOIN (SELECT c.topic_id AS tp, sum(c.versions) AS n FROM published_counts c
        WHERE ${publishedCountsIn(scope)} AND c.language = ${language} AND c.topic_id <> ${ALL_TOPICS}::uuid GROUP BY c.topic_id) c ON c.tp = t.id
      WHERE t.archived_at IS NULL ORDER BY t.position ASC, t.name_vi ASC`),
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
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
export async function sitemapRows(
  db: Database,
  scope: PublishedScope,
  range: { after?: SitemapKey | null; until?: SitemapKey | null },
  limit: number,
): Promise<SitemapRow[]> {
  const conds: SQL[] = [online(scope)];
  if (range.after) conds.push(sql`(item_versions.published_at, item_versions.id) < (${range.after.at}::timestamptz, ${range.after.id}::uuid)`);
  if (range.until) conds.push(sql`(item_versions.published_at, item_versions.id) >= (${range.until.at}::timestamptz, ${range.until.id}::uuid)`);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT item_versions.id AS "versionId", item_versions.item_id AS "itemId", item_versions.language, item_versions.published_at AS "publishedAt",
      item_versions.published_at::text AS "atKey", coalesce(item_versions.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds",
      ARRAY(SELECT o.language FROM item_versions o WHERE o.item_id = item_versions.item_id AND ${scopeCondition(scope, sql`o.pub_visibility`, sql`o.agency_id`)}) AS languages
      FROM item_versions WHERE ${sql.join(conds, sql` AND `)} ORDER BY item_versions.published_at DESC, item_versions.id DESC LIMIT ${limit}`),
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
export async function newestPerListing(
  db: Database,
  scope: PublishedScope,
): Promise<Array<{ scope: 'language' | 'kind' | 'agency' | 'topic'; key: string; language: string; at: Date }>> {
  const f = online(scope);
  const rows = rowsOf<{ scope: 'language' | 'kind' | 'agency' | 'topic'; key: string | null; language: string; at: string }>(
    await db.execute(sql`SELECT CASE WHEN GROUPING(item_versions.kind) = 0 THEN 'kind' WHEN GROUPING(item_versions.agency_id) = 0 THEN 'agency' ELSE 'language' END AS scope,
        coalesce(item_versions.kind, item_versions.agency_id::text) AS key, item_versions.language, max(item_versions.published_at) AS at
      FROM item_versions WHERE ${f} GROUP BY GROUPING SETS ((item_versions.language), (item_versions.kind, item_versions.language), (item_versions.agency_id, item_versions.language))
      UNION ALL
      SELECT 'topic', tp::text, item_versions.language, max(item_versions.published_at) FROM item_versions, unnest(item_versions.pub_topic_ids) AS tp WHERE ${f} GROUP BY tp, item_versions.language`),
  );
  return rows.map((r) => ({ scope: r.scope, key: r.key ?? '', language: r.language, at: new Date(r.at) }));
}

// ----- highlights

/** Highlighted items in order. */
export async function highlightedItemIds(db: Database): Promise<string[]> {
  const rows = await db.select({ itemId: highlights.itemId }).from(highlights).orderBy(asc(highlights.position));
  return rows.map((r) => r.itemId);
}

export async function replaceHighlights(db: Database, itemIds: string[], createdBy: string, at: Date) {
  await db.delete(highlights);
  if (itemIds.length) await db.insert(highlights).values(itemIds.map((itemId, position) => ({ itemId, position, createdBy, createdAt: at })));
}
