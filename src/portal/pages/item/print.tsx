// The print view and the saved copy of an item: the article with its attribution, where it came
// from, and nothing else; the saved copy carries its stylesheet inside so it reads offline.
import type { ReactNode } from 'react';
import { stylesheet } from '../../assets.js';
import type { SiteInfo } from '../../data.js';
import type { Words } from '../../i18n.js';
import type { StandalonePage } from '../../page.js';
import { htmlDocument } from '../../site.js';
import { itemProps, loadItem, type ItemData } from './load.js';
import { ItemPage } from './view.js';

/** The print view (`print`) or the saved copy (`download`, an attachment): never indexed. */
export const itemCopyPage = (mode: 'print' | 'download'): StandalonePage<{ itemId: string }, ItemData> => ({
  languages: 'configured',
  address: ({ lang, id }) => ({ key: `/${lang}/items/${id}#${mode}`, input: { itemId: id } }),
  load: (site, { itemId }) => loadItem(site, itemId),
  headers: ({ lang, id }, status) => ({
    'x-robots-tag': 'noindex',
    ...(mode === 'download' && status === 200 ? { 'content-disposition': `attachment; filename="ttdn-${id}-${lang}.html"` } : {}),
  }),
  // the article and its attribution, absolute links, no menus
  document: (site, item) =>
    htmlDocument(
      <PrintDocument language={site.language} words={site.words} site={site.info} url={item.url} title={item.form.title} inlineCss={mode === 'download'}>
        <ItemPage {...itemProps(site, item)} print translations={[]} related={[]} origin={site.info.origin} />
      </PrintDocument>,
    ),
});

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
