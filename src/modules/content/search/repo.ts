// Full-text search SQL (PostgreSQL FTS over an unaccent wrapper; see ../../../docs/search.md).
// One statement per search: the capped candidate set (the newest CANDIDATES matches) is computed
// once, ranked (title A > summary B > body C), and the page, the facets and the total all come
// from it; text and snippets are read for the page's rows only. How the candidates are found
// (search.plan.ts) is chosen from a cheap estimate of the matches (search_words).
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/transaction.js';
import type { PublishedScope } from '../policy.js';
import { scopeCondition } from '../published/repo.js';
import type { QueryStats, SearchPlan } from './plan.js';

export const CANDIDATES = 1000;
export const PHRASE_SCAN = 2000;

export interface SearchFilter {
  /** published: the public view (pub_* columns); working: staff view of working copies */
  view: 'published' | 'working';
  /** published view: who may read a published version (policy.ts publishedScope) */
  scope: PublishedScope;
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
  /** candidates ranked and counted: CANDIDATES (smaller in tests) */
  cap?: number;
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
  published_at: Date | string | null;
  activity_date: string | null;
  rank: number | null;
  title_hl: string | null;
  snippet: string | null;
  /** the first and last characters of the text the snippet was cut from (to mark cuts with …) */
  edges: [string, string] | null;
}

export interface FacetRow {
  facet: 'kind' | 'language' | 'agency' | 'topic' | 'year';
  value: string;
  count: number;
}

export interface SearchResultRows {
  rows: SearchRow[];
  /** candidates (at most CANDIDATES) */
  total: number;
  facets: FacetRow[];
}

const col = (view: SearchFilter['view']) =>
  view === 'published'
    ? {
        title: sql.raw('v.pub_title'),
        summary: sql.raw('v.pub_summary'),
        body: sql.raw('v.pub_body_text'),
        vec: sql.raw('v.pub_search'),
        topics: sql.raw('v.pub_topic_ids'),
        date: sql.raw('v.pub_activity_date'),
        order: sql.raw('v.published_at'),
      }
    : {
        title: sql.raw('v.title'),
        summary: sql.raw('v.summary'),
        body: sql.raw('v.body_text'),
        vec: sql.raw('v.search'),
        topics: sql.raw('v.topic_ids'),
        date: sql.raw('v.activity_date'),
        order: sql.raw('v.updated_at'),
      };

/** Who may see what, and the filters; the query words are matched by the caller. */
function whereOf(f: SearchFilter): SQL {
  const c = col(f.view);
  const parts: SQL[] = [];
  if (f.view === 'published') {
    parts.push(sql`v.published_revision_id IS NOT NULL`);
    parts.push(scopeCondition(f.scope, sql`v.pub_visibility`, sql`v.agency_id`));
  } else {
    if (!f.workingScope) parts.push(sql`false`);
    else if (f.workingScope !== 'all') parts.push(sql`v.agency_id = ${f.workingScope}`);
  }
  if (f.kind) parts.push(sql`v.kind = ${f.kind}`);
  if (f.language) parts.push(sql`v.language = ${f.language}`);
  if (f.agencyId) parts.push(sql`v.agency_id = ${f.agencyId}`);
  if (f.topicId) parts.push(sql`${c.topics} @> ARRAY[${f.topicId}]::uuid[]`);
  if (f.year) parts.push(sql`extract(year from ${c.date}) = ${f.year}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

const tsq = (q: string) => sql`websearch_to_tsquery('simple', public.f_unaccent(${q}))`;
/** The phrase query with its word order dropped: every word, anywhere (`a <-> b` becomes `a & b`). */
const allWordsOf = (q: string) => sql`regexp_replace(${tsq(q)}::text, '<[0-9-]+>', '&', 'g')::tsquery`;

/**
 * The newest `n` rows matching `match`, light columns and `extra` — columns computed from the
 * row's tsvector `vec` (rank, phrase check) for these n rows only — by the chosen plan
 * (search.plan.ts):
 * - bitmap: the query is hidden from the planner (a sub-select), whose default estimate for an
 *   unknown tsquery is 0.5 % of rows, so it takes every match from the GIN index (ANDed with the
 *   agency index if it helps) and sorts them; never a walk reading every tsvector.
 * - window: the same within the rows newer than `since` (GIN bitmap AND date index); if fewer than
 *   n match there, the bitmap over all rows instead (the one-time filter runs only one of them).
 * - ordered: the newest `walk` rows in date order, each row's TOASTed tsvector read once into a
 *   one-element array (an array cannot hold TOAST pointers), so the match and `extra` use that
 *   copy; the match is written as a function, which no index can serve. If fewer than n match
 *   among them, the bitmap instead.
 */
function newestMatches(f: SearchFilter, match: SQL, n: number, plan: SearchPlan, extra: (vec: SQL) => SQL): SQL {
  const c = col(f.view);
  const light = sql`v.id, v.kind, v.language, v.agency_id, ${c.topics} AS topic_ids, ${c.date} AS activity_date, ${c.order} AS sort_at`;
  const out = (t: string) => sql.raw(`${t}.id, ${t}.kind, ${t}.language, ${t}.agency_id, ${t}.topic_ids, ${t}.activity_date, ${t}.sort_at`);
  const base = whereOf(f);
  // rows with the tsvector as stored (a TOAST pointer): read only for the n kept
  const fromBitmap = (since: SQL) =>
    sql`SELECT * FROM (SELECT ${light}, ${c.vec} AS vec FROM item_versions v WHERE ${base}${since} AND ${c.vec} @@ (SELECT ${match}) OFFSET 0) m
      ORDER BY m.sort_at DESC, m.id DESC LIMIT ${n}`;
  const withExtra = (rows: SQL) => sql`SELECT ${out('r')}, ${extra(sql`r.vec`)} FROM (${rows}) r`;
  const orFallback = (first: SQL) =>
    sql`WITH tried AS MATERIALIZED (${first})
      SELECT * FROM tried WHERE (SELECT count(*) FROM tried) >= ${n}
      UNION ALL
      SELECT * FROM (${withExtra(fromBitmap(sql``))}) b WHERE (SELECT count(*) FROM tried) < ${n}`;
  switch (plan.kind) {
    case 'bitmap':
      return withExtra(fromBitmap(sql``));
    case 'window':
      return orFallback(withExtra(fromBitmap(sql` AND ${c.order} >= ${plan.since}::timestamptz`)));
    case 'ordered':
      return orFallback(sql`SELECT ${out('w')}, ${extra(sql`d.a[1]`)}
        FROM (SELECT ${light}, ${c.vec} AS vec FROM item_versions v WHERE ${base} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${plan.walk}) w,
          LATERAL (SELECT ARRAY[w.vec] AS a OFFSET 0) d
        WHERE ts_match_vq(d.a[1], ${match}) ORDER BY w.sort_at DESC, w.id DESC LIMIT ${n}`);
  }
}

/**
 * The capped candidate set, ranked: the newest CANDIDATES matches. A phrase needs word positions,
 * which the index cannot check: phrases are matched among the newest PHRASE_SCAN rows holding
 * all the words.
 */
function candidates(f: SearchFilter & { q: string }, plan: SearchPlan): SQL {
  const cap = f.cap ?? CANDIDATES;
  const q = tsq(f.q);
  if (!f.q.includes('"')) return newestMatches(f, q, cap, plan, (vec) => sql`ts_rank_cd(${vec}, ${q}) AS rank`);
  const phrase = (vec: SQL) => sql`ts_match_vq(${vec}, ${q}) AS is_phrase, CASE WHEN ts_match_vq(${vec}, ${q}) THEN ts_rank_cd(${vec}, ${q}) END AS rank`;
  return sql`SELECT s.* FROM (${newestMatches(f, allWordsOf(f.q), (PHRASE_SCAN * cap) / CANDIDATES, plan, phrase)}) s
    WHERE s.is_phrase ORDER BY s.sort_at DESC, s.id DESC LIMIT ${cap}`;
}

const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';
const HEADLINE = `MaxFragments=2, MinWords=8, MaxWords=28, FragmentDelimiter=" … ", StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
const TITLE_HEADLINE = `HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
export const MARKS = { open: MARK_OPEN, close: MARK_CLOSE };

/**
 * Facet counts within the candidates `cand` (a CTE with kind, language, agency_id, topic_ids,
 * activity_date): one pass with grouping sets, and one over the topics (several per row).
 */
const FACETS = sql.raw(`SELECT coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', n)), '[]'::json) FROM (
      SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(language) = 0 THEN 'language' WHEN GROUPING(agency_id) = 0 THEN 'agency' ELSE 'year' END AS facet,
        coalesce(kind, language, agency_id::text, extract(year from activity_date)::int::text) AS value, count(*)::int AS n
      FROM cand GROUP BY GROUPING SETS ((kind), (language), (agency_id), (extract(year from activity_date)))
      UNION ALL SELECT 'topic', t::text, count(*)::int FROM cand, unnest(cand.topic_ids) t GROUP BY t) f`);

/** The page, the facets and the total of one search, in one statement. */
export async function searchAll(db: Database, f: SearchFilter, plan: SearchPlan): Promise<SearchResultRows> {
  const c = col(f.view);
  const item = (rank: SQL, titleHl: SQL, snippet: SQL, edges: SQL = sql`NULL`) =>
    sql`json_build_object('edges', ${edges}, 'id', v.id, 'item_id', v.item_id, 'language', v.language, 'kind', v.kind, 'agency_id', v.agency_id, 'state', v.state,
      'title', ${c.title}, 'summary', ${c.summary}, 'published_at', v.published_at, 'activity_date', ${c.date}, 'rank', ${rank},
      'title_hl', ${titleHl}, 'snippet', ${snippet})`;
  let statement: SQL;
  if (!f.q) {
    // Newest first; the facets count the newest CANDIDATES. Pages may go past the candidates.
    statement = sql`WITH cand AS MATERIALIZED (
        SELECT v.id, v.kind, v.language, v.agency_id, ${c.topics} AS topic_ids, ${c.date} AS activity_date
        FROM item_versions v WHERE ${whereOf(f)} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${f.cap ?? CANDIDATES}),
      page AS (SELECT v.id, ${c.order} AS sort_at FROM item_versions v WHERE ${whereOf(f)} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${f.limit} OFFSET ${f.offset})
      SELECT (SELECT count(*)::int FROM cand) AS total, (${FACETS}) AS facets,
        (SELECT coalesce(json_agg(${item(sql`NULL`, sql`NULL`, sql`NULL`)} ORDER BY p.sort_at DESC, p.id DESC), '[]'::json)
           FROM page p JOIN item_versions v ON v.id = p.id) AS items`;
  } else {
    // Ranked once, over the candidates only; text and snippets for the page only.
    const q = tsq(f.q);
    statement = sql`WITH cand AS MATERIALIZED (
        SELECT c.id, c.kind, c.language, c.agency_id, c.topic_ids, c.activity_date, c.sort_at, c.rank
        FROM (${candidates({ ...f, q: f.q }, plan)}) c),
      page AS (SELECT id, rank, sort_at FROM cand ORDER BY rank DESC, sort_at DESC, id DESC LIMIT ${f.limit} OFFSET ${f.offset})
      SELECT (SELECT count(*)::int FROM cand) AS total, (${FACETS}) AS facets,
        (SELECT coalesce(json_agg(${item(
          sql`p.rank`,
          sql`ts_headline('public.vn_unaccent', ${c.title}, ${q}, ${TITLE_HEADLINE})`,
          sql`ts_headline('public.vn_unaccent', coalesce(nullif(${c.body}, ''), ${c.summary}), ${q}, ${HEADLINE})`,
          sql`json_build_array(left(coalesce(nullif(${c.body}, ''), ${c.summary}), 40), right(coalesce(nullif(${c.body}, ''), ${c.summary}), 40))`,
        )} ORDER BY p.rank DESC, p.sort_at DESC, p.id DESC), '[]'::json)
           FROM page p JOIN item_versions v ON v.id = p.id) AS items`;
  }
  const [row] = rowsOf<{ total: number; facets: FacetRow[] | string; items: SearchRow[] | string }>(await db.execute(statement));
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    rows: json(row.items),
    total: Number(row.total),
    facets: json(row.facets)
      .filter((r) => r.value !== null)
      .map((r) => ({ facet: r.facet, value: String(r.value), count: Number(r.count) })),
  };
}

// search_words is looked up by key with `= ANY(…)`: a plain `=` may be served by the trigram
// index (pg_trgm's GiST supports equality), which reads the whole index for a short word.

/**
 * What the plan choice needs: the tsquery, and per word of the query the public published versions
 * holding it (search_words, kept by triggers), how many public published versions there are (the
 * row with the empty word), and the newest and oldest date of the view's order column.
 */
export async function queryStats(db: Database, q: string, view: SearchFilter['view']): Promise<QueryStats> {
  const order = col(view).order;
  const rows = view === 'published' ? sql`v.published_revision_id IS NOT NULL` : sql`true`;
  const [row] = rowsOf<{ tsquery: string; words: Record<string, number> | string | null; docs: number | null; newest: number | null; oldest: number | null }>(
    await db.execute(sql`SELECT ${tsq(q)}::text AS tsquery,
      (SELECT json_object_agg(w.word, w.ndoc) FROM search_words w
        WHERE w.word = ANY(tsvector_to_array(to_tsvector('simple', public.f_unaccent(${q})))) AND w.ndoc > 0) AS words,
      (SELECT w.ndoc FROM search_words w WHERE w.word = ANY('{""}'::text[])) AS docs,
      (SELECT extract(epoch from max(${order})) * 1000 FROM item_versions v WHERE ${rows})::float8 AS newest,
      (SELECT extract(epoch from min(${order})) * 1000 FROM item_versions v WHERE ${rows})::float8 AS oldest`),
  );
  const words = typeof row.words === 'string' ? (JSON.parse(row.words) as Record<string, number>) : (row.words ?? {});
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    tsquery: row.tsquery,
    ndoc: new Map(Object.entries(words).map(([k, v]) => [k, Number(v)])),
    docs: Number(row.docs ?? 0),
    newest: num(row.newest),
    oldest: num(row.oldest),
  };
}

/** Rows walked, newest first, to check a query whose words are all frequent. */
export const CHECK_WALK = 2000;

/**
 * Matches of `q` this filter's reader can see, counted up to `cap`, without a plan trap: if its
 * rarest word (`estimate`: the matches it is in) is rare, from the GIN bitmap; otherwise among
 * the newest CHECK_WALK rows only (words that are each frequent may still never meet).
 */
export async function countMatches(db: Database, f: SearchFilter, q: string, cap: number, estimate: number): Promise<number> {
  const c = col(f.view);
  const rows =
    estimate <= CHECK_WALK
      ? sql`SELECT 1 FROM item_versions v WHERE ${whereOf(f)} AND ${c.vec} @@ (SELECT ${tsq(q)}) OFFSET 0`
      : sql`SELECT 1 FROM (SELECT ${c.vec} AS vec FROM item_versions v WHERE ${whereOf(f)} ORDER BY ${c.order} DESC, v.id DESC LIMIT ${CHECK_WALK}) w
          WHERE w.vec @@ ${tsq(q)}`;
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM (${rows} LIMIT ${cap}) m`));
  return Number(row.n);
}

export interface WordRow {
  word: string;
  ndoc: number;
}

/** The query's words as the index sees them (unaccented, lower case), with their public counts. */
export async function lexiconOf(db: Database, tokens: string[]): Promise<Array<{ token: string; word: string; ndoc: number }>> {
  if (!tokens.length) return [];
  return rowsOf<{ token: string; word: string; ndoc: number }>(
    await db.execute(sql`SELECT t.token, lower(public.f_unaccent(t.token)) AS word, coalesce(w.ndoc, 0) AS ndoc
      FROM unnest(string_to_array(${tokens.join('\n')}, E'\n')) WITH ORDINALITY AS t(token, i)
      LEFT JOIN search_words w ON w.word = ANY(ARRAY[lower(public.f_unaccent(t.token))]) AND w.word <> ''
      ORDER BY t.i`),
  ).map((r) => ({ ...r, ndoc: Number(r.ndoc) }));
}

/**
 * Known words near the given ones: the exact candidates (e.g. every word one edit away, looked up by
 * key) and, per word, the nearest few by trigram distance (GiST). Public words only (ndoc > 0).
 */
export async function nearWords(db: Database, words: string[], exact: string[], perWord: number): Promise<WordRow[]> {
  if (!words.length) return [];
  return rowsOf<WordRow>(
    await db.execute(sql`SELECT w.word, w.ndoc FROM search_words w WHERE w.word = ANY(string_to_array(${exact.join('\n')}, E'\n')) AND w.ndoc > 0 AND w.word <> ''
      UNION
      SELECT n.word, n.ndoc FROM unnest(string_to_array(${words.join('\n')}, E'\n')) AS s(word),
        LATERAL (SELECT w.word, w.ndoc FROM search_words w WHERE w.ndoc > 0 AND w.word <> '' ORDER BY w.word <-> s.word LIMIT ${perWord}) n`),
  ).map((r) => ({ word: r.word, ndoc: Number(r.ndoc) }));
}
