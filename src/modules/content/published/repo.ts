// The published read model's queries: the one place that decides what is online and readable. Every
// reader outside the agencies' working copies — the open API, the portal, feeds, sitemaps, the
// changes stream, webhooks and the national export — reads published content through these rows.
// "Online" is `pub_visibility IS NOT NULL` (a published revision is online), whatever the working
// state: a version edited after publication stays online until its new revision is approved.
// Readable is `scopeCondition` of the reader's `PublishedScope` (policy.ts), the same rule as
// `contentPolicy.readPublished`.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { PublishedScope } from '../policy.js';
import { ALL_TOPICS } from '../tables.js';

/** `column` holds a visibility readable within the scope (false when the scope reads nothing). */
export function scopeCondition(scope: PublishedScope, column: SQL, agencyColumn: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.visibilities.length)
    parts.push(
      sql`${column} IN (${sql.join(
        scope.visibilities.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (scope.internal === 'all') parts.push(sql`${column} = 'internal'`);
  else if (scope.internal) parts.push(sql`(${column} = 'internal' AND ${agencyColumn} = ${scope.internal}::uuid)`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

/** Versions online and readable within the scope (`v` is the item_versions alias). */
const readable = (scope: PublishedScope) => scopeCondition(scope, sql`v.pub_visibility`, sql`v.agency_id`);

/** A version online as lists show it: the columns mirroring its published revision (pub_*), never the working copy. */
export interface PublishedCardRow {
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
  firstPublishedAt: Date;
  contentHash: string | null;
}

// the card's columns, named as PublishedCardRow, of the item_versions alias `v`
const CARD_COLUMNS = sql`v.id AS "versionId", v.item_id AS "itemId", v.language, v.is_source AS "isSource", v.kind, v.agency_id AS "agencyId",
  v.pub_title AS title, v.pub_summary AS summary, v.pub_visibility AS visibility,
  coalesce(v.pub_topic_ids, ARRAY[]::uuid[]) AS "topicIds", coalesce(v.pub_media_ids, ARRAY[]::uuid[]) AS "mediaIds",
  v.pub_activity_date::text AS "activityDate", v.published_at AS "publishedAt", v.first_published_at AS "firstPublishedAt", v.content_hash AS "contentHash"`;

function cardOf(r: Record<string, unknown>): PublishedCardRow {
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
    firstPublishedAt: new Date(r.firstPublishedAt as string),
    contentHash: (r.contentHash as string | null) ?? null,
  };
}

const ids = (values: string[]) =>
  sql.join(
    [...new Set(values)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );

// ----- lists of cards

export interface CardFilter {
  scope: PublishedScope;
  language?: string;
  kind?: string;
  kinds?: string[];
  topicId?: string;
  agencyId?: string;
  /** published_at >= (feeds, sitemaps, `updatedSince`) */
  updatedSince?: Date;
  /** first_published_at within [from, before) — bounds already resolved to instants */
  publishedFrom?: Date;
  publishedBefore?: Date;
  activityFrom?: string;
  activityTo?: string;
}

/** The filter's language, kinds and agency, on a table aliased `alias` (item_versions and published_counts name them alike). */
function dimensionConditions(f: CardFilter, alias: 'v' | 'c'): SQL[] {
  const t = sql.raw(alias);
  const w: SQL[] = [];
  if (f.language) w.push(sql`${t}.language = ${f.language}`);
  if (f.kind) w.push(sql`${t}.kind = ${f.kind}`);
  if (f.kinds?.length)
    w.push(
      sql`${t}.kind IN (${sql.join(
        f.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  if (f.agencyId) w.push(sql`${t}.agency_id = ${f.agencyId}::uuid`);
  return w;
}

function cardConditions(f: CardFilter): SQL[] {
  const w: SQL[] = [readable(f.scope), ...dimensionConditions(f, 'v')];
  if (f.topicId) w.push(sql`v.pub_topic_ids @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.updatedSince) w.push(sql`v.published_at >= ${f.updatedSince.toISOString()}::timestamptz`);
  if (f.publishedFrom) w.push(sql`v.first_published_at >= ${f.publishedFrom.toISOString()}::timestamptz`);
  if (f.publishedBefore) w.push(sql`v.first_published_at < ${f.publishedBefore.toISOString()}::timestamptz`);
  if (f.activityFrom) w.push(sql`v.pub_activity_date >= ${f.activityFrom}::date`);
  if (f.activityTo) w.push(sql`v.pub_activity_date <= ${f.activityTo}::date`);
  return w;
}
const cardWhere = (f: CardFilter) => sql.join(cardConditions(f), sql` AND `);

export type PublishedSort = '-published' | 'published' | '-updated';

/** The column each sort walks: `published` is the first publication, `updated` when the current published form went online. */
const SORT_COLUMN: Record<PublishedSort, SQL> = {
  '-published': sql`v.first_published_at`,
  published: sql`v.first_published_at`,
  '-updated': sql`v.published_at`,
};

/** Where a keyset page starts: the sort column as UTC ISO text to the microsecond (a JS Date keeps milliseconds), and the version id. */
export interface ListKey {
  at: string;
  id: string;
}

export type KeyedCardRow = PublishedCardRow & { key: ListKey };

const utcText = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A keyset page of cards in a sort (the open API's lists, the national export), however deep (no OFFSET). */
export async function cardsAfter(db: Database, f: CardFilter, sort: PublishedSort, after: ListKey | null, limit: number): Promise<KeyedCardRow[]> {
  const col = SORT_COLUMN[sort];
  const desc = sort.startsWith('-');
  const w = cardConditions(f);
  if (after)
    w.push(desc ? sql`(${col}, v.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql`(${col}, v.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  const order = desc ? sql`${col} DESC, v.id DESC` : sql`${col} ASC, v.id ASC`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`SELECT ${CARD_COLUMNS}, ${utcText(col)} AS "keyAt" FROM item_versions v WHERE ${sql.join(w, sql` AND `)} ORDER BY ${order} LIMIT ${limit}`,
    ),
  );
  return rows.map((r) => ({ ...cardOf(r), key: { at: r.keyAt as string, id: r.versionId as string } }));
}

/** A numbered page of cards, newest publication first (the portal's listings and feeds). */
export async function cardsPage(db: Database, f: CardFilter, offset: number, limit: number): Promise<PublishedCardRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`SELECT ${CARD_COLUMNS} FROM item_versions v WHERE ${cardWhere(f)} ORDER BY v.published_at DESC, v.id DESC OFFSET ${offset} LIMIT ${limit}`,
    ),
  );
  return rows.map(cardOf);
}

export async function countCards(db: Database, f: CardFilter): Promise<number> {
  const kept = keptCountConditions(f);
  const [r] = rowsOf<{ n: number }>(
    await db.execute(
      kept
        ? sql`SELECT coalesce(sum(c.versions), 0)::int AS n FROM published_counts c WHERE ${sql.join(kept, sql` AND `)}`
        : sql`SELECT count(*)::int AS n FROM item_versions v WHERE ${cardWhere(f)}`,
    ),
  );
  return Number(r.n);
}

/**
 * The filter as conditions on the kept counts (`published_counts`, `c`), which answer every filter
 * without dates in a sum over a few rows; null when the filter has dates (then versions are counted).
 */
function keptCountConditions(f: CardFilter): SQL[] | null {
  if (f.updatedSince || f.publishedFrom || f.publishedBefore || f.activityFrom || f.activityTo) return null;
  return [publishedCountsIn(f.scope), sql`c.topic_id = ${f.topicId ?? ALL_TOPICS}::uuid`, ...dimensionConditions(f, 'c')];
}

/** The kept counts (`published_counts` aliased `c`) of versions readable within the scope. */
export const publishedCountsIn = (scope: PublishedScope) => scopeCondition(scope, sql`c.visibility`, sql`c.agency_id`);

/** One section of a page made of several lists: the newest `limit` cards matching `filter`. */
export interface SectionQuery {
  key: string;
  filter: Omit<CardFilter, 'scope'>;
  limit: number;
}

/**
 * Several lists of newest cards in one statement (a page's sections: latest, photos and videos, the
 * latest of each topic), each in the order `cardsPage` gives: a map from section key to cards.
 */
export async function cardSections(db: Database, scope: PublishedScope, sections: SectionQuery[]): Promise<Map<string, PublishedCardRow[]>> {
  const out = new Map<string, PublishedCardRow[]>(sections.map((s) => [s.key, []]));
  if (!sections.length) return out;
  const parts = sections.map(
    (s, i) => sql`(SELECT ${i}::int AS section, ${CARD_COLUMNS} FROM item_versions v WHERE ${cardWhere({ ...s.filter, scope })}
      ORDER BY v.published_at DESC, v.id DESC LIMIT ${s.limit})`,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) x ORDER BY section, "publishedAt" DESC, "versionId" DESC`),
  );
  for (const r of rows) out.get(sections[Number(r.section)].key)!.push(cardOf(r));
  return out;
}

/** The highlighted items' cards in one language, in the highlights' order (one query). */
export async function highlightedCards(db: Database, scope: PublishedScope, language: string): Promise<PublishedCardRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT ${CARD_COLUMNS} FROM highlights h JOIN item_versions v ON v.item_id = h.item_id
      WHERE ${cardWhere({ scope, language })} ORDER BY h.position ASC`),
  );
  return rows.map(cardOf);
}

// ----- cards with one fact of their item's published metadata (documents, clarifications)

/** A card with one field of its item's published metadata (kept on the source version's published revision). */
export type CardWithFact<T> = PublishedCardRow & { fact: T };

interface FactQuery {
  scope: PublishedScope;
  kind: 'document' | 'clarification';
  language: string;
  /** conditions on `fact` (the metadata field, jsonb) */
  conditions: (fact: SQL) => SQL[];
  order: (fact: SQL) => SQL;
}

const FACT_FIELD = { document: 'document', clarification: 'claim' } as const;

/** A page of one kind's cards with their metadata fact, and the total (counted only when the page does not tell it). */
export async function cardsWithFact<T>(db: Database, q: FactQuery, offset: number, limit: number): Promise<{ rows: Array<CardWithFact<T>>; total: number }> {
  const fact = sql`r.snapshot->'metadata'->${sql.raw(`'${FACT_FIELD[q.kind]}'`)}`;
  const conds = [readable(q.scope), sql`v.kind = ${q.kind}`, sql`v.language = ${q.language}`, ...q.conditions(fact)];
  const from = sql`FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id WHERE ${sql.join(conds, sql` AND `)}`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT ${CARD_COLUMNS}, ${fact} AS fact ${from} ORDER BY ${q.order(fact)} OFFSET ${offset} LIMIT ${limit}`),
  );
  // a page that is not full (and not past the end) tells the total: no count needed
  const total =
    rows.length < limit && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n ${from}`))[0].n);
  return { rows: rows.map((r) => ({ ...cardOf(r), fact: (r.fact ?? {}) as T })), total };
}

/** Distinct years and issuers of published documents (for the library's filters). */
export async function documentFacets(db: Database, scope: PublishedScope, language: string): Promise<Array<{ year: string | null; issuer: string | null }>> {
  return rowsOf<{ year: string | null; issuer: string | null }>(
    await db.execute(sql`SELECT DISTINCT left(r.snapshot->'metadata'->'document'->>'issueDate', 4) AS year, r.snapshot->'metadata'->'document'->>'issuingBody' AS issuer
      FROM item_versions v JOIN item_versions s ON s.item_id = v.item_id AND s.is_source JOIN revisions r ON r.id = s.published_revision_id
      WHERE ${readable(scope)} AND v.kind = 'document' AND v.language = ${language}
      LIMIT 500`),
  );
}

// ----- published forms

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
  title: string;
  summary: string;
  body: string;
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
  return formsWhere(db, sql`v.id IN (${ids(versionIds)})`);
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
  return rows.map((r) => {
    const text = r.text as { title: string; summary: string; body: string };
    return {
      versionId: r.versionId as string,
      itemId: r.itemId as string,
      agencyId: r.agencyId as string,
      kind: r.kind as string,
      language: r.language as string,
      isSource: Boolean(r.isSource),
      sourceLanguage: r.sourceLanguage as string,
      visibility: r.visibility as string,
      title: text.title,
      summary: text.summary,
      body: text.body,
      metadata: r.metadata as Record<string, unknown>,
      revision: Number(r.revision),
      publishedAt: new Date(r.publishedAt as string),
      firstPublishedAt: new Date(r.firstPublishedAt as string),
      contentHash: r.contentHash as string,
      online: (typeof r.online === 'string' ? JSON.parse(r.online) : r.online) as PublishedFormRow['online'],
    };
  });
}

/** What an item's versions are, online or not, to tell a withdrawn page (410) from one never published (404). */
export async function versionsStatus(
  db: Database,
  itemId: string,
): Promise<Array<{ language: string; agencyId: string; visibility: string; pubVisibility: string | null; everPublished: boolean }>> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT v.language, v.agency_id AS "agencyId", v.visibility, v.pub_visibility AS "pubVisibility", v.first_published_at IS NOT NULL AS "everPublished"
      FROM item_versions v WHERE v.item_id = ${itemId}::uuid ORDER BY v.is_source DESC, v.language ASC`),
  );
  return rows.map((r) => ({
    language: r.language as string,
    agencyId: r.agencyId as string,
    visibility: r.visibility as string,
    pubVisibility: (r.pubVisibility as string | null) ?? null,
    everPublished: Boolean(r.everPublished),
  }));
}

/** Names of topics by id (archived ones too: a published item may still carry one). */
export async function topicNames(db: Database, topicIds: string[]): Promise<Array<{ id: string; nameVi: string; nameEn: string }>> {
  if (!topicIds.length) return [];
  return rowsOf(await db.execute(sql`SELECT id, name_vi AS "nameVi", name_en AS "nameEn" FROM topics WHERE id IN (${ids(topicIds)})`));
}

export interface MediaFileRow {
  id: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  visibility: string;
}

/** Live media records by id (deleted ones are absent); order not kept. Read by SQL, not through the media area (docs/decisions.md). */
export async function mediaFiles(db: Database, mediaIds: string[]): Promise<MediaFileRow[]> {
  if (!mediaIds.length) return [];
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT id, kind, mime, size, sha256, visibility FROM media WHERE deleted_at IS NULL AND id IN (${ids(mediaIds)})`),
  );
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as string,
    mime: r.mime as string,
    size: Number(r.size),
    sha256: r.sha256 as string,
    visibility: r.visibility as string,
  }));
}
