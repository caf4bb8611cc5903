// Queries for readers outside the agencies (portal, feeds, sitemap): published versions only,
// filtered to the visibilities the reader may see, from the columns mirroring the published
// revision (pub_*), never the working copy.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';
import { itemVersions } from './tables.js';

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
