// The print view and the saved copy of an item: the article with its attribution, where it came
// from, and nothing else; the saved copy carries its stylesheet inside so it reads offline.
import type { ReactNode } from 'react';
import { stylesheet } from '../assets.js';
import type { SiteInfo } from '../data.js';
import type { Words } from '../i18n.js';

export function PrintDocument(p: { language: string; words: Words; site: SiteInfo; url: string; title: string; inlineCss: boolean; children: ReactNode }) {
  const chrome = p.words.lang !== p.language ? p.words.lang : undefined;
  return (
    <html lang={p.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} — ${p.site.name}`}</title>
        <link rel="canonical" href={p.url} />
        {p.inlineCss ? <style dangerouslySetInnerHTML={{ __html: stylesheet.body.toString('utf8') }} /> : <link rel="stylesheet" href={stylesheet.path} />}
      </head>
      <body className="print-view">
        <main className="wrap" id="main">
          <p className="meta" lang={chrome}>
            {p.site.name}
          </p>
          {p.children}
          <p className="meta" lang={chrome}>
            {p.words.t('printedFrom', { url: p.url })}
          </p>
        </main>
      </body>
    </html>
  );
}
