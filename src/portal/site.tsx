// What every portal page of a language shares — its words, the agency directory, the site's name and
// origin, the languages with a URL space, the topic menu — and how a page becomes a document: its
// view inside the frame (layout.tsx), or the localized error page. The shared part changes only with
// the public generation, so it is kept per generation (made afresh without a generation source).
import type { FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Config } from '../config.js';
import type { Context } from '../core/context.js';
import { pickLocale } from '../core/i18n.js';
import { generationMemo, type GenerationSource } from './cache.js';
import type { Crumb } from './components.js';
import { agencyDirectory, siteInfo, topicMenu, type AgencyDirectory, type SiteInfo, type TopicMenu } from './data.js';
import { wordsFor, type Words } from './i18n.js';
import { Layout, type Alternate, type PageMeta } from './layout.js';
import { ErrorPage } from './pages/error/view.js';
import { languageSpaces, readerOf, type Reader } from './reader.js';
import type { Rendered } from './serve.js';
import { paths, withPage } from './urls.js';

/** What every page of one language shares. */
export interface Site {
  /** the anonymous reader's context */
  ctx: Context;
  /** the page's language (its content's) */
  language: string;
  /** the portal's own words: the language's, or English for languages without a catalogue */
  words: Words;
  info: SiteInfo;
  agencies: AgencyDirectory;
  /** the languages with a URL space, in the language switcher's order */
  languages: string[];
  topics: TopicMenu;
}

export type ErrorStatus = 404 | 410 | 500;

export type PortalSites = ReturnType<typeof portalSites>;

/** The sites of every language, for one app: their shared data kept per public generation. */
export function portalSites(config: Config, generation: GenerationSource | null) {
  const perGeneration = generationMemo(generation);
  const languages = languageSpaces(config, perGeneration);

  async function loadSite(reader: Reader, language: string): Promise<Site> {
    const { ctx } = reader;
    const words = wordsFor(language);
    const agencies = await perGeneration(`agencies:${words.lang}`, () => agencyDirectory(ctx, words));
    const open = await languages.list(ctx);
    const topics = await perGeneration(`menu:${language}`, () => topicMenu(ctx, words, language));
    return { ctx, language, words, info: siteInfo(ctx, words, agencies.operator, reader.origin), agencies, languages: open, topics };
  }

  /** 404, 410 or 500 in the language asked, else (not a configured language) the reader's; never indexed. */
  async function renderErrorPage(req: FastifyRequest, language: string, status: ErrorStatus, elsewhere: Alternate[] = []): Promise<Rendered> {
    const lang = config.contentLanguages.includes(language) ? language : pickLocale(req.headers['accept-language'], 'vi');
    const site = await loadSite(readerOf(config, req), lang);
    const { words } = site;
    const meta: PageMeta = {
      title: words.t(status === 404 ? 'notFoundTitle' : status === 410 ? 'goneTitle' : 'errorTitle'),
      canonical: `${site.info.origin}${req.url}`,
      alternates: inEveryLanguage(site, paths.home),
      noindex: true,
    };
    return { status, body: renderDocument(site, meta, undefined, <ErrorPage status={status} language={lang} words={words} elsewhere={elsewhere} />) };
  }

  return { isOpen: languages.isOpen, loadSite, renderErrorPage };
}

/** A whole HTML document from its root element. */
export function htmlDocument(root: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(root)}`;
}

/** A page's view inside the portal's frame; `current` marks the menu entry the page is. */
export function renderDocument(site: Site, meta: PageMeta, current: string | undefined, view: ReactElement): string {
  const topics = site.topics.menu.map((m) => ({ slug: m.slug, name: m.name }));
  return htmlDocument(
    <Layout language={site.language} words={site.words} meta={meta} site={site.info} topics={topics} current={current}>
      {view}
    </Layout>,
  );
}

/** An absolute address on this site. */
export const absolute = (site: Site, path: string) => `${site.info.origin}${path}`;

/** The same page in every language with a URL space (hreflang alternates). */
export const inEveryLanguage = (site: Site, pathIn: (language: string) => string): Alternate[] =>
  site.languages.map((l) => ({ language: l, href: absolute(site, pathIn(l)) }));

/** Where every breadcrumb trail starts. */
export const homeCrumb = (site: Site): Crumb => ({ name: site.words.t('home'), href: paths.home(site.language) });

/** rel=prev and rel=next of a page of a listing. */
export const prevNext = (site: Site, path: string, page: number, pages: number) => ({
  prev: page > 1 ? absolute(site, withPage(path, page - 1)) : undefined,
  next: page < pages ? absolute(site, withPage(path, page + 1)) : undefined,
});
