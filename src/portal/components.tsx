// Pieces several portal pages share: cards, the pager, the breadcrumb trail, the search box, a file's credit.
import type { CardView, MediaView } from './data.js';
import { formatDate, isoLocal } from './format.js';
import { LICENCE_NAMES, type Words } from './i18n.js';
import { paths, withPage } from './urls.js';

export function Cards({ cards, language, words, headingLevel = 3 }: { cards: CardView[]; language: string; words: Words; headingLevel?: 2 | 3 }) {
  if (!cards.length) return <p lang={words.lang !== language ? words.lang : undefined}>{words.t('empty')}</p>;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="cards">
      {cards.map((c, i) => (
        <li key={c.itemId} className="card">
          {c.image ? <img src={c.image.src} alt={c.image.alt} width={1200} height={630} loading={i < 3 ? 'eager' : 'lazy'} decoding="async" /> : null}
          <div className="body">
            <span className="kind" lang={words.lang !== language ? words.lang : undefined}>
              {words.kinds[c.kind] ?? c.kind}
            </span>
            <H>
              <a href={paths.item(language, c.itemId)}>{c.title}</a>
            </H>
            <p>{c.summary}</p>
            <p className="meta">
              <time dateTime={isoLocal(c.publishedAt)}>{formatDate(c.publishedAt, language)}</time>
              {c.agency ? ` · ${c.agency.name}` : ''}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Pager({ path, page, pages, words, language }: { path: string; page: number; pages: number; words: Words; language: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={words.t('pagination')} lang={words.lang !== language ? words.lang : undefined}>
      {page > 1 ? (
        <a href={withPage(path, page - 1)} rel="prev">
          {words.t('prev')}
        </a>
      ) : null}
      <span aria-current="page">
        {words.t('page', { n: page })} / {pages}
      </span>
      {page < pages ? (
        <a href={withPage(path, page + 1)} rel="next">
          {words.t('next')}
        </a>
      ) : null}
    </nav>
  );
}

export interface Crumb {
  name: string;
  href?: string;
}

export function Crumbs({ trail, words, language }: { trail: Crumb[]; words: Words; language: string }) {
  return (
    <nav className="crumbs" aria-label={words.t('breadcrumb')} lang={words.lang !== language ? words.lang : undefined}>
      <ol>
        {trail.map((c, i) => (
          <li key={i}>{c.href ? <a href={c.href}>{c.name}</a> : <span aria-current="page">{c.name}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** schema.org BreadcrumbList for a trail (absolute URLs). */
export function breadcrumbLd(trail: Crumb[], origin: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, ...(c.href ? { item: `${origin}${c.href}` } : {}) })),
  };
}

export function SearchBox({ language, words, q = '' }: { language: string; words: Words; q?: string }) {
  const chrome = words.lang !== language ? words.lang : undefined;
  return (
    <form className="searchbox" role="search" action={paths.search(language)} method="get" lang={chrome}>
      <label htmlFor="q" className="skip">
        {words.t('searchLabel')}
      </label>
      <input id="q" name="q" type="search" defaultValue={q} placeholder={words.t('searchPlaceholder')} maxLength={200} />
      <button type="submit">{words.t('searchButton')}</button>
    </form>
  );
}

/** Who made a file and under what licence: "Ảnh: Lê Văn Cường · CC BY 4.0 · © Sở Du lịch". */
export function Credit({ media, words, chrome }: { media: MediaView; words: Words; chrome: string | undefined }) {
  const c = media.credit;
  const parts = [c.licence ? (LICENCE_NAMES[c.licence] ?? c.licence) : '', c.copyrightHolder ? `© ${c.copyrightHolder}` : ''].filter(Boolean);
  if (!c.authors.length && !parts.length) return null;
  return (
    <span className="credit">
      {c.authors.length ? (
        <>
          <span lang={chrome}>{words.t('photoBy')}</span> {c.authors.join(', ')}
        </>
      ) : null}
      {c.authors.length && parts.length ? ' · ' : ''}
      {parts.join(' · ')}
    </span>
  );
}
