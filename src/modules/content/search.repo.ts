// Full-text search SQL (PostgreSQL FTS over an unaccent wrapper; see ../../../docs/search.md).
// Ranking is capped: the newest CANDIDATES matches are ranked (title A > summary B > body C),
// facets are counted within the same capped set — the calibration showed that ranking every
// match of a common Vietnamese syllable costs seconds at 1M rows.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';

export const CANDIDATES = 1000;
export const PHRASE_SCAN = 2000;

export interface SearchFilter {
  /** published: the public view (pub_* columns); working: staff view of working copies */
  view: 'published' | 'working';
  /** published view: visibilities readable by everyone of this actor */
  visibilities: string[];
  /** published view: internal items of this agency are readable too ('all' for DIC/IOC) */
  internalAgency: 'all' | string | null;
  /** working view: row filter */
  workingScope: 'all' | string | null;
  q?: string;
  kind?: string;
  language?: string;
  agencyId?: string;
  topicId?: string;
  year?: number;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  item_id: string;
  language: string;
  kind: string;
  agency_id: string;
  state: string;
  title: string;
  summary: string;
  published_at: Date | null;
  activity_date: string | null;
  rank: number | null;
  title_hl: string | null;
  snippet: string | null;
}

const col = (view: SearchFilter['view']) =>
  view === 'published'
    ? { title: sql.raw('v.pub_title'), summary: sql.raw('v.pub_summary'), body: sql.raw('v.pub_body_text'), vec: sql.raw('v.pub_search'), topics: sql.raw('v.pub_topic_ids'), date: sql.raw('v.pub_activity_date'), order: sql.raw('v.published_at') }
    : { title: sql.raw('v.title'), summary: sql.raw('v.summary'), body: sql.raw('v.body_text'), vec: sql.raw('v.search'), topics: sql.raw('v.topic_ids'), date: sql.raw('v.activity_date'), order: sql.raw('v.updated_at') };

function whereOf(f: SearchFilter): SQL {
  const c = col(f.view);
  const parts: SQL[] = [];
  if (f.view === 'published') {
    parts.push(sql`v.published_revision_id IS NOT NULL`);
    const internal =
      f.internalAgency === 'all' ? sql`v.pub_visibility = 'internal'` : f.internalAgency ? sql`(v.pub_visibility = 'internal' AND v.agency_id = ${f.internalAgency})` : sql`false`;
    parts.push(sql`(v.pub_visibility IN (${sql.join(f.visibilities.map((x) => sql`${x}`), sql`, `)}) OR ${internal})`);
  } else {
    if (!f.workingScope) parts.push(sql`false`);
    else if (f.workingScope !== 'all') parts.push(sql`v.agency_id = ${f.workingScope}`);
  }
  if (f.kind) parts.push(sql`v.kind = ${f.kind}`);
  if (f.language) parts.push(sql`v.language = ${f.language}`);
  if (f.agencyId) parts.push(sql`v.agency_id = ${f.agencyId}`);
  if (f.topicId) parts.push(sql`${c.topics} @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.year) parts.push(sql`extract(year from ${c.date}) = ${f.year}`);
  if (f.q) parts.push(sql`${c.vec} @@ websearch_to_tsquery('simple', public.f_unaccent(${f.q}))`);
  return sql.join(parts, sql` AND `);
}

/**
 * The capped candidate set: the newest CANDIDATES matches, light columns only (no body; the
 * tsvector only when ranking needs it). Ordered by an indexed column, so without a query, or with
 * a common one, the scan stops after CANDIDATES rows.
 */
function candidates(f: SearchFilter, withVector: boolean): SQL {
  const c = col(f.view);
  const cols = sql`v.id, v.kind, v.language, v.agency_id, ${c.topics} AS topic_ids, ${c.date} AS activity_date, ${c.order} AS sort_at`;
  if (f.q && f.q.includes('"')) {
    // A phrase needs word positions, which the index cannot check: every row holding all the words
    // would be read. So phrases are matched among the newest PHRASE_SCAN rows holding all the words.
    const all = { ...f, q: undefined };
    return sql`SELECT s.id, s.kind, s.language, s.agency_id, s.topic_ids, s.activity_date, s.sort_at${withVector ? sql`, s.vec` : sql``}
      FROM (SELECT ${cols}, ${c.vec} AS vec FROM item_versions v
            WHERE ${whereOf(all)} AND ${c.vec} @@ regexp_replace(websearch_to_tsquery('simple', public.f_unaccent(${f.q}))::text, '<[0-9-]+>', '&', 'g')::tsquery
            ORDER BY ${c.order} DESC, v.id DESC LIMIT ${PHRASE_SCAN}) s
      WHERE s.vec @@ websearch_to_tsquery('simple', public.f_unaccent(${f.q}))
      ORDER BY s.sort_at DESC, s.id DESC LIMIT ${CANDIDATES}`;
  }
  return sql`SELECT ${cols}${withVector ? sql`, ${c.vec} AS vec` : sql``}
    FROM item_versions v WHERE ${whereOf(f)} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${CANDIDATES}`;
}

const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';
const HEADLINE = `MaxFragments=2, MinWords=8, MaxWords=28, FragmentDelimiter=" … ", StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
const TITLE_HEADLINE = `HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
export const MARKS = { open: MARK_OPEN, close: MARK_CLOSE };

export async function searchPage(db: Database, f: SearchFilter): Promise<SearchRow[]> {
  const c = col(f.view);
  if (!f.q) {
    return rowsOf<SearchRow>(
      await db.execute(sql`SELECT v.id, v.item_id, v.language, v.kind, v.agency_id, v.state, ${c.title} AS title, ${c.summary} AS summary, v.published_at,
          ${c.date} AS activity_date, NULL::real AS rank, NULL AS title_hl, NULL AS snippet
        FROM item_versions v WHERE ${whereOf(f)} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`),
    );
  }
  // Rank the candidates (title A > summary B > body C), then fetch text and snippets for one page only.
  return rowsOf<SearchRow>(
    await db.execute(sql`WITH q AS (SELECT websearch_to_tsquery('simple', public.f_unaccent(${f.q})) AS tsq),
      ranked AS (
        SELECT c.id, c.sort_at, ts_rank_cd(c.vec, q.tsq) AS rank FROM (${candidates(f, true)}) c, q
        ORDER BY rank DESC, c.sort_at DESC, c.id DESC LIMIT ${f.limit} OFFSET ${f.offset}
      )
      SELECT v.id, v.item_id, v.language, v.kind, v.agency_id, v.state, ${c.title} AS title, ${c.summary} AS summary, v.published_at,
        ${c.date} AS activity_date, r.rank,
        ts_headline('public.vn_unaccent', ${c.title}, q.tsq, ${TITLE_HEADLINE}) AS title_hl,
        ts_headline('public.vn_unaccent', coalesce(nullif(${c.body}, ''), ${c.summary}), q.tsq, ${HEADLINE}) AS snippet
      FROM ranked r JOIN item_versions v ON v.id = r.id, q ORDER BY r.rank DESC, r.sort_at DESC, r.id DESC`),
  );
}

export interface FacetRow {
  facet: 'kind' | 'language' | 'agency' | 'topic' | 'year';
  value: string;
  count: number;
}

/** Facet counts and the total, within the capped candidate set. */
export async function searchFacets(db: Database, f: SearchFilter): Promise<{ total: number; facets: FacetRow[] }> {
  const rows = rowsOf<{ facet: string; value: string | null; count: number }>(
    await db.execute(sql`WITH c AS (${candidates(f, false)})
      SELECT 'total' AS facet, NULL AS value, count(*)::int AS count FROM c
      UNION ALL SELECT 'kind', kind, count(*)::int FROM c GROUP BY kind
      UNION ALL SELECT 'language', language, count(*)::int FROM c GROUP BY language
      UNION ALL SELECT 'agency', agency_id::text, count(*)::int FROM c GROUP BY agency_id
      UNION ALL SELECT 'topic', t::text, count(*)::int FROM c, unnest(c.topic_ids) t GROUP BY t
      UNION ALL SELECT 'year', extract(year from activity_date)::int::text, count(*)::int FROM c WHERE activity_date IS NOT NULL GROUP BY 2`),
  );
  const total = rows.find((r) => r.facet === 'total')?.count ?? 0;
  return { total: Number(total), facets: rows.filter((r) => r.facet !== 'total' && r.value !== null).map((r) => ({ facet: r.facet as FacetRow['facet'], value: r.value!, count: Number(r.count) })) };
}

/**
 * Titles close to a mistyped query (trigram word similarity on accent-free text). Matching uses the
 * trigram index on the working title; the published view returns the published title.
 */
export async function suggestTitles(db: Database, f: SearchFilter): Promise<string[]> {
  if (!f.q) return [];
  const c = col(f.view);
  const rows = rowsOf<{ title: string }>(
    await db.execute(sql`SELECT DISTINCT ${c.title} AS title, word_similarity(public.f_unaccent(${f.q}), public.f_unaccent(v.title)) AS s
      FROM item_versions v WHERE ${whereOf({ ...f, q: undefined })} AND public.f_unaccent(${f.q}) <% public.f_unaccent(v.title)
      ORDER BY s DESC LIMIT 5`),
  );
  return rows.map((r) => r.title).filter(Boolean);
}
