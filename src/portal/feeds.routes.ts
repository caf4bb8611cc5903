// Feeds (RSS, Atom, JSON Feed) per language, topic and agency; the sitemap (an index beyond one
// file, planned per generation and rendered file by file); robots.txt. Read as an anonymous
// reader, cached like the portal's pages: per generation of public content, ETag/304, brotli/gzip
// bodies. Registered next to the portal's routes: these static addresses win over its `/:lang/*`
// catch-all (find-my-way prefers static segments).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { createPageCache, generationMemo, type GenerationSource } from './cache.js';
import { FEED_TYPES, feedShared, loadFeed, renderFeed, type FeedScope } from './feeds.js';
import { languageSpaces, originOf, readerOf } from './reader.js';
import { createServe, type Rendered } from './serve.js';
import { planSitemap, renderIndex, renderSitemapPage, SITEMAP_TYPE, type SitemapLimits, type SitemapPlan } from './sitemap.js';
import { feedFile, paths, type FeedFormat } from './urls.js';
import type { CacheSizes } from '../core/cache-sizes.js';

const NOT_FOUND: Rendered = { status: 404, body: 'Not found\n', type: 'text/plain; charset=utf-8' };
const FAILED: Rendered = { status: 500, body: 'Internal server error\n', type: 'text/plain; charset=utf-8' };
const HIDDEN = { schema: { hide: true } };

export async function feedRoutes(
  app: FastifyInstance,
  opts: { config: Config; generation?: GenerationSource | null; sitemapLimits?: SitemapLimits; cacheSizes?: CacheSizes },
) {
  const { config } = opts;
  const generation = opts.generation ?? null;
  // feeds and sitemaps have their own cache, so they neither evict pages nor are evicted by them
  const feedCache = createPageCache(300);
  opts.cacheSizes?.set('portal_feeds', feedCache.size);
  const serveAnswer = createServe({
    config,
    generation,
    cache: feedCache,
    keyOf: (origin, name) => `${origin} ${name}`,
    failureLog: 'portal feed failed',
  });
  const serve = (req: FastifyRequest, reply: FastifyReply, name: string, render: () => Promise<Rendered>) =>
    serveAnswer(req, reply, { key: name, render, failure: async () => FAILED });

  // What every feed of a language shares (agencies, topics, open languages) changes only with the
  // public generation: kept per generation (not at all without a generation source).
  const perGeneration = generationMemo(generation);
  const languages = languageSpaces(config, perGeneration);

  // ----- feeds
  const feed = (format: FeedFormat, scope: FeedScope['kind']) => async (req: FastifyRequest, reply: FastifyReply) => {
    const { lang, slug = '' } = req.params as { lang: string; slug?: string };
    return serve(req, reply, `feed ${lang} ${scope} ${slug} ${format}`, async () => {
      const { ctx, origin } = readerOf(config, req);
      if (!(await languages.isOpen(ctx, lang))) return NOT_FOUND;
      const shared = await perGeneration(`feed:${lang}`, () => feedShared(ctx, lang));
      const found = await loadFeed(ctx, origin, lang, scope === 'all' ? { kind: 'all' } : { kind: scope, slug }, shared);
      if (!found) return NOT_FOUND;
      return { status: 200, body: renderFeed(found, format, ctx.clock.now()), type: FEED_TYPES[format] };
    });
  };
  for (const format of ['rss', 'atom', 'json'] as const) {
    const file = feedFile(format);
    app.get(`/:lang/${file}`, HIDDEN, feed(format, 'all'));
    app.get(`/:lang/topics/:slug/${file}`, HIDDEN, feed(format, 'topic'));
    app.get(`/:lang/agencies/:slug/${file}`, HIDDEN, feed(format, 'agency'));
  }

  // ----- sitemap: planned once per generation (and origin) — where each file starts and ends —
  // then each file rendered from its range when asked (and cached like the pages)
  let planned: { key: string; plan: Promise<SitemapPlan> } | null = null;
  const sitemapPlan = (req: FastifyRequest): Promise<SitemapPlan> => {
    const { ctx, origin } = readerOf(config, req);
    const key = `${generation?.current() ?? 0} ${origin}`;
    if (!generation || planned?.key !== key) {
      const entry = { key, plan: planSitemap(ctx, origin, opts.sitemapLimits) };
      planned = entry;
      entry.plan.catch(() => {
        if (planned === entry) planned = null;
      });
    }
    return planned!.plan;
  };
  const sitemapFile = async (req: FastifyRequest, plan: SitemapPlan, n: number): Promise<Rendered> => {
    const { ctx, origin } = readerOf(config, req);
    const body = await renderSitemapPage(ctx, origin, plan, n, opts.sitemapLimits);
    return body === null ? NOT_FOUND : { status: 200, body, type: SITEMAP_TYPE };
  };
  app.get(paths.sitemap(), HIDDEN, async (req, reply) =>
    serve(req, reply, 'sitemap', async () => {
      const plan = await sitemapPlan(req);
      if (plan.pages.length === 1) return sitemapFile(req, plan, 1);
      const { origin } = readerOf(config, req);
      return {
        status: 200,
        body: renderIndex(plan.pages.map((p, i) => ({ loc: `${origin}${paths.sitemapPage(i + 1)}`, lastmod: p.lastmod }))),
        type: SITEMAP_TYPE,
      };
    }),
  );
  app.get('/sitemaps/:file', HIDDEN, async (req, reply) => {
    const { file } = req.params as { file: string };
    const n = /^items-([1-9]\d{0,5})\.xml$/.exec(file)?.[1];
    if (!n) return serve(req, reply, 'sitemap-none', async () => NOT_FOUND);
    return serve(req, reply, `sitemap ${n}`, async () => sitemapFile(req, await sitemapPlan(req), Number(n)));
  });

  // ----- robots.txt: the portal and the public images are for crawlers; the back office and the API are not
  app.get(paths.robots(), HIDDEN, async (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          'Allow: /',
          'Allow: /api/v1/media/',
          'Disallow: /admin/',
          'Disallow: /api/',
          '',
          `Sitemap: ${originOf(config, req)}${paths.sitemap()}`,
          '',
        ].join('\n'),
      ),
  );
}
