// Search: diacritics optional, facets as links that add or remove one filter, highlighted snippets,
// "did you mean". Cached per public generation like every page, keyed by the normalised query, in
// a cache of its own (routes.ts) so that a flood of distinct queries evicts only other searches.
import * as content from '../../../modules/content/service.js';
import type { AgencyLink, TopicLink } from '../../data.js';
import { KIND_NAMES } from '../../i18n.js';
import { found, pageNumber, type FramedPage } from '../../page.js';
import { absolute, inEveryLanguage, type Site } from '../../site.js';
import { paths } from '../../urls.js';
import { SearchPage, type FacetGroup } from './view.js';

interface SearchInput {
  q: string;
  page: number;
  kind?: string;
  topic?: string;
  agency?: string;
  year?: string;
}

interface SearchData {
  q: string;
  page: number;
  kind: string | undefined;
  topic: TopicLink | undefined;
  agency: AgencyLink | undefined;
  year: number | undefined;
  /** null: nothing asked yet */
  result: Awaited<ReturnType<typeof content.searchContent>> | null;
}

/** The search address with the current query and filters, some of them changed. */
function searchHref(site: Site, d: SearchData, over: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  const all = { q: d.q || undefined, kind: d.kind, topic: d.topic?.slug, agency: d.agency?.slug, year: d.year ? String(d.year) : undefined, ...over };
  for (const [k, v] of Object.entries(all)) if (v) p.set(k, v);
  return `${paths.search(site.language)}?${p.toString()}`;
}

/** Each facet's values as links that select or deselect them. */
function facetsOf(site: Site, d: SearchData): FacetGroup[] {
  const { words, topics, agencies } = site;
  const facets: FacetGroup[] = [];
  if (!d.result) return facets;
  const result = d.result;
  const group = (
    facet: string,
    label: string,
    name: (v: string) => string | undefined,
    param: string,
    selected: string | undefined,
    toParam: (v: string) => string | undefined = (v) => v,
  ) => {
    const options = result.facets
      .filter((f) => f.facet === facet)
      .map((f) => ({
        label: name(f.value) ?? '',
        count: f.count,
        href: searchHref(site, d, { [param]: selected === toParam(f.value) ? undefined : toParam(f.value), page: undefined }),
        selected: selected === toParam(f.value),
      }))
      .filter((o) => o.label);
    if (options.length) facets.push({ label, options });
  };
  group('kind', words.t('filterKind'), (v) => words.kinds[v], 'kind', d.kind);
  group(
    'topic',
    words.t('filterTopic'),
    (v) => topics.all.get(v)?.name,
    'topic',
    d.topic?.slug,
    (v) => topics.all.get(v)?.slug,
  );
  group(
    'agency',
    words.t('filterAgency'),
    (v) => agencies.byId.get(v)?.name,
    'agency',
    d.agency?.slug,
    (v) => agencies.byId.get(v)?.slug,
  );
  group('year', words.t('filterYear'), (v) => v, 'year', d.year ? String(d.year) : undefined);
  return facets;
}

/** The words as searched and shown: Unicode NFC, runs of white space as one space, at most 200 characters. */
export function normalisedQuery(q: string | undefined): string {
  return (q ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export const searchPage: FramedPage<SearchInput, SearchData> = {
  languages: 'open',
  address: ({ lang }, query) => {
    const page = pageNumber(query);
    if (page === null) return { key: `/${lang}/search?invalid`, input: null };
    const input = { q: normalisedQuery(query.q), page, kind: query.kind, topic: query.topic, agency: query.agency, year: query.year };
    const key = new URLSearchParams(Object.entries(input).flatMap(([k, v]) => (v ? [[k, String(v)]] : [])));
    return { key: `/${lang}/search?${key.toString()}`, input };
  },
  load: async (site, input) => {
    const { q, page } = input;
    const kind = input.kind && KIND_NAMES.en[input.kind] ? input.kind : undefined;
    const topic = input.topic ? [...site.topics.all.values()].find((t) => t.slug === input.topic) : undefined;
    const agency = input.agency ? [...site.agencies.byId.values()].find((a) => a.slug === input.agency) : undefined;
    const year = input.year && /^\d{4}$/.test(input.year) ? Number(input.year) : undefined;
    const asked = q || kind || topic || agency;
    const result = asked
      ? await content.searchContent(site.ctx, {
          q: q || undefined,
          view: 'published',
          language: site.language,
          kind,
          topicId: topic?.id,
          agencyId: agency?.id,
          year,
          page,
          limit: 10,
        })
      : null;
    return found({ q, page, kind, topic, agency, year, result });
  },
  meta: (site, { q }) => ({
    title: q ? `${site.words.t('search')}: ${q}` : site.words.t('search'),
    canonical: absolute(site, paths.search(site.language)),
    alternates: inEveryLanguage(site, paths.search),
    noindex: Boolean(q),
  }),
  view: (site, d) => {
    const { language, words, agencies } = site;
    const total = d.result?.total ?? 0;
    return (
      <SearchPage
        language={language}
        words={words}
        q={d.q}
        hits={(d.result?.items ?? []).map((h) => ({
          itemId: h.itemId,
          kind: h.kind,
          titleHtml: h.titleHtml,
          snippetHtml: h.snippetHtml,
          summary: h.summary,
          publishedAt: h.publishedAt,
          agencyName: agencies.byId.get(h.agencyId)?.name ?? '',
        }))}
        total={total}
        page={d.page}
        pages={Math.max(1, Math.ceil(total / 10))}
        facets={facetsOf(site, d)}
        suggestions={(d.result?.suggestions ?? []).map((s) => ({ q: s, href: `${paths.search(language)}?q=${encodeURIComponent(s)}` }))}
        path={searchHref(site, d, { page: undefined })}
        filtered={Boolean(d.kind || d.topic || d.agency || d.year)}
      />
    );
  },
  current: () => 'search',
};
