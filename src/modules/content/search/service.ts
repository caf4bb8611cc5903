// One search for the admin app, the portal and the API: diacritic-insensitive full text over all
// languages, phrases in quotes (websearch syntax), ranked title > summary > body, highlighted
// snippets, facets, and corrected queries for typos. What an actor may see is decided by the policy.
import type { Context } from '../../../core/context.js';
import { Forbidden, Unauthenticated } from '../../../core/errors.js';
import { escapeHtml } from '../../../core/html.js';
import type { Database } from '../../../db/client.js';
import { publishedScope, readableWorkingAgencies } from '../policy.js';
import { choosePlan, filterShare, type QueryStats, type SearchPlan } from './plan.js';
import { CANDIDATES, MARKS, PHRASE_SCAN, queryStats, searchAll, type SearchFilter } from './repo.js';
import { suggestQueries } from './spelling.js';

export interface SearchInput {
  q?: string;
  view?: 'published' | 'working';
  kind?: string;
  language?: string;
  agencyId?: string;
  topicId?: string;
  year?: number;
  page?: number;
  limit?: number;
}

/** Escapes the text and turns the database's highlight marks into <mark> elements. */
export function highlightToHtml(s: string | null): string | null {
  if (s === null) return null;
  return escapeHtml(s).split(MARKS.open).join('<mark>').split(MARKS.close).join('</mark>');
}

/** "…" where a snippet starts after the text's beginning or ends before its end. */
export function markCuts(snippet: string | null, edges: [string, string] | null): string | null {
  if (!snippet || !edges) return snippet;
  // compared without marks, runs of spaces and the punctuation ts_headline leaves off at the ends
  const flat = (s: string) =>
    s
      .split(MARKS.open)
      .join('')
      .split(MARKS.close)
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const text = flat(snippet);
  const [start, end] = edges.map(flat);
  const probe = Math.min(12, text.length);
  const head = start.startsWith(text.slice(0, probe)) ? '' : '… ';
  const tail = end.endsWith(text.slice(-probe)) ? '' : ' …';
  return `${head}${snippet.trim()}${tail}`;
}

/**
 * The plan choice needs only rough counts, so the lexicon's answer for a query is kept a minute
 * (per database): the next pages and repeated queries save a round trip.
 */
const STATS_TTL_MS = 60_000;
const STATS_MAX = 1000;
const statsCache = new WeakMap<object, Map<string, { at: number; stats: QueryStats }>>();

async function cachedStats(db: Database, q: string, view: SearchFilter['view']): Promise<QueryStats> {
  let cache = statsCache.get(db);
  if (!cache) statsCache.set(db, (cache = new Map()));
  const key = `${view}\n${q}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = await queryStats(db, q, view);
  if (cache.size >= STATS_MAX) cache.delete(cache.keys().next().value!);
  cache.delete(key);
  cache.set(key, { at: now, stats });
  return stats;
}

export async function searchContent(ctx: Context, input: SearchInput) {
  const view = input.view ?? 'published';
  const limit = Math.min(input.limit ?? 20, 100);
  const page = Math.max(1, input.page ?? 1);
  const a = ctx.actor;
  const workingScope = readableWorkingAgencies(a);
  if (view === 'working' && !workingScope) throw a.kind === 'anonymous' ? new Unauthenticated() : new Forbidden();
  const filter: SearchFilter = {
    view,
    scope: publishedScope(a),
    workingScope,
    q: input.q?.trim() || undefined,
    kind: input.kind,
    language: input.language,
    agencyId: input.agencyId,
    topicId: input.topicId,
    year: input.year,
    limit,
    offset: (page - 1) * limit,
  };
  const q = filter.q;
  // How to find the candidates depends on how many rows the words match (search.plan.ts).
  let plan: SearchPlan = { kind: 'bitmap' };
  if (q) plan = choosePlan(await cachedStats(ctx.db, q, view), q.includes('"') ? PHRASE_SCAN : CANDIDATES, filterShare(filter), Boolean(filter.agencyId));
  const { rows, total, facets } = await searchAll(ctx.db, filter, plan);
  // A quoted phrase is deliberate: suggestions are for mistyped words.
  const suggestions = q && total < 3 ? await suggestQueries(ctx.db, { ...filter, q }, total) : [];
  return {
    items: rows.map((r) => ({
      versionId: r.id,
      itemId: r.item_id,
      language: r.language,
      kind: r.kind,
      agencyId: r.agency_id,
      state: r.state,
      title: r.title,
      titleHtml: highlightToHtml(r.title_hl) ?? escapeHtml(r.title),
      summary: r.summary,
      snippetHtml: highlightToHtml(markCuts(r.snippet, r.edges)),
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      activityDate: r.activity_date,
      rank: r.rank,
    })),
    total,
    totalIsCapped: total >= CANDIDATES,
    page,
    limit,
    facets,
    suggestions,
  };
}
