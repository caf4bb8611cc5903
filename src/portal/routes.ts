// The public portal: server-rendered pages (React to HTML, no client JavaScript), one URL space per
// language (/vi/…, /en/…, and every other language with published content). The route table below
// is the whole portal, in registration order: each page a route module (pages/<page>/page.tsx),
// served the same way — as an anonymous reader, cached per generation of public content, answered
// with ETag/304 and precompressed bodies (serve.ts); a few addresses stay special (assets, the
// language redirects, the 404 catch-alls).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Config } from '../config.js';
import { pickLocale } from '../core/i18n.js';
import { ASSETS } from './assets.js';
import { createPageCache, type GenerationSource, type PageCache } from './cache.js';
import type { Params, PortalPage, Query } from './page.js';
import { agenciesPage } from './pages/agencies/page.js';
import { clarificationsPage } from './pages/clarifications/page.js';
import { documentsPage } from './pages/documents/page.js';
import { homePage } from './pages/home/page.js';
import { itemPage } from './pages/item/page.js';
import { itemCopyPage } from './pages/item/print.js';
import { listingPage } from './pages/listing/page.js';
import { photoPage } from './pages/photo/page.js';
import { profilePage } from './pages/profile/page.js';
import { searchPage } from './pages/search/page.js';
import { readerOf } from './reader.js';
import { createServe, type Rendered } from './serve.js';
import { portalSites, renderDocument } from './site.js';
import { paths } from './urls.js';
import type { CacheSizes } from '../core/cache-sizes.js';

export type { GenerationSource } from './cache.js';

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7a1f1f"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="15" font-weight="700" fill="#fff" text-anchor="middle">TT</text></svg>`;
/** when even the error page cannot be rendered */
const BARE_500: Rendered = { status: 500, body: '<!doctype html><title>500</title><h1>500</h1>' };

export async function portalRoutes(app: FastifyInstance, opts: { config: Config; generation?: GenerationSource | null; cacheSizes?: CacheSizes }) {
  const { config } = opts;
  const generation = opts.generation ?? null;
  const sites = portalSites(config, generation);
  const pageCache = createPageCache(config.portalCache.pages);
  const searchCache = createPageCache(config.portalCache.searches);
  opts.cacheSizes?.set('portal_pages', pageCache.size);
  opts.cacheSizes?.set('portal_searches', searchCache.size);
  const serveFrom = (cache: PageCache) =>
    createServe({ config, generation, cache, keyOf: (origin, key) => `${origin}${key}`, failureLog: 'portal page failed' });
  const serve = serveFrom(pageCache);
  // searches have a cache of their own: their space is unbounded, so a flood of distinct queries
  // evicts other searches, never the pages everyone reads
  const serveSearch = serveFrom(searchCache);
  const failure = (req: FastifyRequest, language: string) => () => sites.renderErrorPage(req, language, 500).catch(() => BARE_500);

  /** A route module as a handler: refused addresses, the language's site, load, then meta and view in the frame. */
  const pageRoute =
    <Input, Data>(page: PortalPage<Input, Data>, serveWith = serve): RouteHandlerMethod =>
    async (req, reply) => {
      const params = req.params as Params;
      const { lang } = params;
      const { key, input } = page.address(params, req.query as Query);
      return serveWith(req, reply, {
        key,
        headers: page.headers && ((status) => page.headers!(params, status)),
        failure: failure(req, lang),
        render: async () => {
          const reader = readerOf(config, req);
          const inSpace = page.languages === 'open' ? await sites.isOpen(reader.ctx, lang) : config.contentLanguages.includes(lang);
          if (input === null || !inSpace) return sites.renderErrorPage(req, page.languages === 'open' ? lang : 'vi', 404);
          const site = await sites.loadSite(reader, lang);
          const outcome = await page.load(site, input);
          if (outcome.status !== 200) return sites.renderErrorPage(req, lang, outcome.status, outcome.elsewhere);
          const { data } = outcome;
          return {
            status: 200,
            body: 'document' in page ? page.document(site, data) : renderDocument(site, page.meta(site, data), page.current?.(data), page.view(site, data)),
          };
        },
      });
    };

  /** The portal's 404, one cached page per language. */
  const notFoundPage = (req: FastifyRequest, reply: FastifyReply, lang: string) =>
    serve(req, reply, { key: `404:${lang}`, render: () => sites.renderErrorPage(req, lang, 404), failure: failure(req, lang) });

  // anything else outside the API and the admin app: the portal's 404, in the reader's language
  const notFound = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (/^\/(api|admin)(\/|$)/.test(path) || !/text\/html/.test(String(req.headers.accept ?? ''))) return reply.callNotFound();
    return notFoundPage(req, reply, pickLocale(req.headers['accept-language'], 'vi'));
  };

  const routes: Array<[string, RouteHandlerMethod]> = [
    ['/favicon.svg', async (_req, reply) => reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON)],
    ['/favicon.ico', async (_req, reply) => reply.redirect('/favicon.svg', 301)],
    [
      '/assets/:file',
      async (req, reply) => {
        const asset = ASSETS.get(`/assets/${(req.params as { file: string }).file}`);
        if (!asset) return reply.code(404).type('text/plain').send('not found');
        return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
      },
    ],
    // `/` → the reader's language
    [
      '/',
      async (req, reply) =>
        reply
          .header('vary', 'Accept-Language')
          .header('cache-control', 'no-cache')
          .redirect(paths.home(pickLocale(req.headers['accept-language'], 'vi')), 302),
    ],
    ['/:lang/', pageRoute(homePage)],
    [
      '/:lang',
      async (req, reply) => {
        const { lang } = req.params as Params;
        if (!config.contentLanguages.includes(lang)) return notFound(req, reply);
        return reply.redirect(paths.home(lang), 301);
      },
    ],
    ['/:lang/items/:id', pageRoute(itemPage)],
    ['/:lang/items/:id/photos/:n', pageRoute(photoPage)],
    ['/:lang/items/:id/print', pageRoute(itemCopyPage('print'))],
    ['/:lang/items/:id/download', pageRoute(itemCopyPage('download'))],
    ['/:lang/topics/:slug', pageRoute(listingPage('topic'))],
    ['/:lang/kinds/:slug', pageRoute(listingPage('kind'))],
    ['/:lang/agencies/:slug', pageRoute(listingPage('agency'))],
    ['/:lang/agencies', pageRoute(agenciesPage)],
    ['/:lang/clarifications', pageRoute(clarificationsPage)],
    ['/:lang/profile', pageRoute(profilePage)],
    ['/:lang/documents', pageRoute(documentsPage)],
    ['/:lang/search', pageRoute(searchPage, serveSearch)],
    ['/*', notFound],
    // anything else under a language: the portal's 404
    [
      '/:lang/*',
      async (req, reply) => {
        const { lang } = req.params as Params;
        if (!config.contentLanguages.includes(lang)) return reply.callNotFound();
        return notFoundPage(req, reply, lang);
      },
    ],
  ];
  for (const [url, handler] of routes) app.get(url, { schema: { hide: true } }, handler);
}
