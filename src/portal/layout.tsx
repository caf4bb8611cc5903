// The frame of every portal page: skip link, header with the language switcher, menu, search box,
// footer. Landmarks and headings in order; the portal's own words carry their language.
import type { ReactNode } from 'react';
import { stylesheet } from './assets.js';
import { LANGUAGE_NAMES, type Words } from './i18n.js';
import { paths } from './urls.js';

export interface Alternate {
  language: string;
  href: string;
}

export interface PageMeta {
  title: string;
  description?: string;
  /** absolute canonical URL */
  canonical: string;
  alternates: Alternate[];
  image?: string;
  ogType?: 'website' | 'article';
  jsonLd?: object[];
  noindex?: boolean;
  /** rel=prev / rel=next */
  prev?: string;
  next?: string;
}

export interface LayoutProps {
  language: string;
  words: Words;
  meta: PageMeta;
  site: { name: string; operator: string; origin: string };
  topics: Array<{ slug: string; name: string }>;
  current?: string;
  children: ReactNode;
}

export function Layout({ language, words, meta, site, topics, current, children }: LayoutProps) {
  const { t, lang } = words;
  const chromeLang = lang !== language ? lang : undefined;
  const title = meta.title === site.name ? site.name : `${meta.title} — ${site.name}`;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={meta.canonical} />
        {meta.alternates.map((a) => (
          <link key={a.language} rel="alternate" hrefLang={a.language} href={a.href} />
        ))}
        {meta.prev ? <link rel="prev" href={meta.prev} /> : null}
        {meta.next ? <link rel="next" href={meta.next} /> : null}
        <link rel="alternate" type="application/rss+xml" title={`${site.name} (RSS)`} href={`${site.origin}${paths.feed(language, 'rss')}`} />
        <link rel="alternate" type="application/atom+xml" title={`${site.name} (Atom)`} href={`${site.origin}${paths.feed(language, 'atom')}`} />
        <link rel="alternate" type="application/feed+json" title={`${site.name} (JSON Feed)`} href={`${site.origin}${paths.feed(language, 'json')}`} />
        <link rel="stylesheet" href={stylesheet.path} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={meta.canonical} />
        <meta property="og:locale" content={OG_LOCALES[language] ?? language} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {meta.image ? <meta property="og:image" content={meta.image} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        {(meta.jsonLd ?? []).map((d, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(d) }} />
        ))}
      </head>
      <body>
        <a className="skip" href="#main" lang={chromeLang}>
          {t('skip')}
        </a>
        <header className="site-header">
          <div className="wrap bar">
            <a className="brand" href={paths.home(language)} lang={chromeLang}>
              {site.name}
            </a>
            <nav aria-label={t('languages')} lang={chromeLang}>
              <ul className="langs">
                {meta.alternates
                  .filter((a) => a.language !== 'x-default')
                  .map((a) => (
                    <li key={a.language}>
                      <a href={a.href} hrefLang={a.language} lang={a.language} aria-current={a.language === language ? 'true' : undefined}>
                        {LANGUAGE_NAMES[a.language] ?? a.language}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          </div>
          <nav className="menu" aria-label={t('topics')} lang={chromeLang}>
            <ul className="wrap">
              <li>
                <a href={paths.home(language)} aria-current={current === 'home' ? 'page' : undefined}>
                  {t('home')}
                </a>
              </li>
              <li>
                <a href={paths.profile(language)} aria-current={current === 'profile' ? 'page' : undefined}>
                  {t('profile')}
                </a>
              </li>
              {topics.map((tp) => (
                <li key={tp.slug}>
                  <a href={paths.topic(language, tp.slug)} aria-current={current === `topic:${tp.slug}` ? 'page' : undefined}>
                    {tp.name}
                  </a>
                </li>
              ))}
              <li>
                <a href={paths.clarifications(language)} aria-current={current === 'clarifications' ? 'page' : undefined}>
                  {t('clarifications')}
                </a>
              </li>
              <li>
                <a href={paths.documents(language)} aria-current={current === 'documents' ? 'page' : undefined}>
                  {t('documentLibrary')}
                </a>
              </li>
              <li>
                <a href={paths.agencies(language)} aria-current={current === 'agencies' ? 'page' : undefined}>
                  {t('agencies')}
                </a>
              </li>
              <li>
                <a href={paths.search(language)} aria-current={current === 'search' ? 'page' : undefined}>
                  {t('search')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer" lang={chromeLang}>
          <div className="wrap">
            <p>{t('footerOperator', { operator: site.operator })}</p>
            <ul>
              <li>
                <a href="/api/docs">{t('footerApi')}</a>
              </li>
              <li>
                <a href={paths.feed(language, 'rss')}>RSS</a>
              </li>
              <li>
                <a href="/admin/">{t('footerAdmin')}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

const OG_LOCALES: Record<string, string> = { vi: 'vi_VN', en: 'en_GB', fr: 'fr_FR', zh: 'zh_CN', ja: 'ja_JP', ko: 'ko_KR', ru: 'ru_RU', de: 'de_DE' };

/** JSON inside <script>: "<" escaped so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
