// Search: a plain GET form (works without JavaScript), results with highlighted snippets,
// facets as links, corrected queries. Matching ignores diacritics ("hue" finds "Huế").
import { Pager, SearchBox } from '../../components.js';
import { formatDate } from '../../format.js';
import type { Words } from '../../i18n.js';
import { paths } from '../../urls.js';

export interface SearchHit {
  itemId: string;
  kind: string;
  titleHtml: string;
  snippetHtml: string | null;
  summary: string;
  publishedAt: string | null;
  agencyName: string;
}

export interface FacetGroup {
  label: string;
  options: Array<{ label: string; count: number; href: string; selected: boolean }>;
}

export interface SearchProps {
  language: string;
  words: Words;
  q: string;
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  facets: FacetGroup[];
  suggestions: Array<{ q: string; href: string }>;
  path: string;
  filtered: boolean;
}

export function SearchPage({ language, words, q, hits, total, page, pages, facets, suggestions, path, filtered }: SearchProps) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <>
      <h1 lang={chrome}>{words.t('search')}</h1>
      <SearchBox language={language} words={words} q={q} />
      {q ? (
        <p role="status" lang={chrome}>
          {words.t(total === 1 ? 'resultOne' : 'results', { n: total, q })}
        </p>
      ) : null}
      {suggestions.length ? (
        <p lang={chrome}>
          {words.t('didYouMean')}{' '}
          {suggestions.map((s, i) => (
            <span key={s.q}>
              {i ? ', ' : ''}
              <a href={s.href}>{s.q}</a>
            </span>
          ))}
        </p>
      ) : null}
      {facets.length ? (
        <div className="facets" lang={chrome}>
          {facets.map((f) => (
            <section key={f.label} aria-label={f.label}>
              <h2>{f.label}</h2>
              <ul>
                {f.options.map((o) => (
                  <li key={o.href}>
                    <a href={o.href} aria-current={o.selected ? 'true' : undefined}>
                      {o.selected ? <strong>{o.label}</strong> : o.label}
                    </a>{' '}
                    ({o.count})
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {filtered ? (
            <p>
              <a href={paths.search(language, q)}>{words.t('clearFilters')}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {q && !hits.length ? <p lang={chrome}>{words.t('noResults')}</p> : null}
      <ol className="results" style={{ listStyle: 'none', padding: 0 }}>
        {hits.map((h) => (
          <li key={h.itemId} className="result">
            <span className="kind" lang={chrome}>
              {words.kinds[h.kind] ?? h.kind}
            </span>
            <h2 style={{ margin: '.2rem 0' }}>
              <a href={paths.item(language, h.itemId)} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
            </h2>
            {h.snippetHtml ? <p dangerouslySetInnerHTML={{ __html: h.snippetHtml }} /> : <p>{h.summary}</p>}
            <p className="meta">
              {h.publishedAt ? formatDate(new Date(h.publishedAt), language) : ''}
              {h.agencyName ? ` · ${h.agencyName}` : ''}
            </p>
          </li>
        ))}
      </ol>
      <Pager path={path} page={page} pages={pages} words={words} language={language} />
    </>
  );
}
