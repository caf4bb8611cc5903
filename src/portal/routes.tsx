// The public portal: server-rendered pages (React to HTML, no client JavaScript), one URL space per
// language (/vi/…, /en/…, and every other language with published content). Pages are rendered
// as an anonymous reader — whoever is signed in — cached per generation of public content, and
// answered with ETag/304 and precompressed bodies.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Config } from '../config.js';
import { anonymous } from '../core/actor.js';
import type { Context } from '../core/context.js';
import { pickLocale } from '../core/i18n.js';
import * as content from '../modules/content/service.js';
import { ASSETS } from './assets.js';
import { createPageCache, etagOf, generationMemo, type GenerationSource } from './cache.js';
import { breadcrumbLd, type Crumb } from './components.js';
import { agencyDirectory, agencyEntries, cardViews, homeSections, mediaViews, siteInfo, topicMenu, type SiteInfo } from './data.js';
import { KIND_NAMES, wordsFor, type Words } from './i18n.js';
import { Layout, type PageMeta } from './layout.js';
import { AgencyDirectoryPage, AgencyPage } from './pages/agency.js';
import { DocumentsPage } from './pages/documents.js';
import { ErrorPage } from './pages/error.js';
import { HomePage } from './pages/home.js';
import { ItemPage } from './pages/item.js';
import { PhotoPage } from './pages/photo.js';
import { PrintDocument } from './pages/print.js';
import { ListingPage } from './pages/listing.js';
import { SearchPage, type FacetGroup } from './pages/search.js';
import { ClarificationsPage } from './pages/clarifications.js';
import { claimStatement } from './pages/claim.js';
import { ProfilePage } from './pages/profile.js';
import { articleLd, claimReviewLd, organizationLd } from './structured-data.js';
import { paths, withPage } from './urls.js';

export type { GenerationSource } from './cache.js';

interface Rendered {
  status: number;
  html: string;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#7a1f1f"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="15" font-weight="700" fill="#fff" text-anchor="middle">TT</text></svg>`;

export async function portalRoutes(app: FastifyInstance, opts: { config: Config; generation?: GenerationSource | null }) {
  const { config } = opts;
  const cache = createPageCache();
  const generation = opts.generation ?? null;
  const origin = (req: FastifyRequest) => config.publicUrl ?? `${req.protocol}://${req.headers.host ?? `${config.host}:${config.port}`}`;
  const publicCtx = (req: FastifyRequest): Context => ({ ...req.ctx, actor: anonymous });

  app.get('/favicon.svg', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/favicon.svg', 301));
  app.get('/assets/:file', { schema: { hide: true } }, async (req, reply) => {
    const asset = ASSETS.get(`/assets/${(req.params as { file: string }).file}`);
    if (!asset) return reply.code(404).type('text/plain').send('not found');
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });

  // `/` → the reader's language
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const lang = pickLocale(req.headers['accept-language'], 'vi');
    return reply.header('vary', 'Accept-Language').header('cache-control', 'no-cache').redirect(paths.home(lang), 302);
  });

  // What every page of a language needs (agencies, topics with counts, open languages) changes
  // only with the public generation: kept per generation (not at all without a generation source).
  const remember = generationMemo(generation);
  const menuOf = (ctx: Context, words: Words, lang: string) => remember(`menu:${lang}`, () => topicMenu(ctx, words, lang));

  /** Whether a language has a URL space: vi and en always, others once something is published in them. */
  async function languageOpen(ctx: Context, lang: string): Promise<boolean> {
    if (!config.contentLanguages.includes(lang)) return false;
    if (lang === 'vi' || lang === 'en') return true;
    return (await remember('languages', () => content.publishedLanguageList(ctx))).includes(lang);
  }

  async function frame(ctx: Context, language: string, words: Words, meta: PageMeta, current: string | undefined, body: ReactElement, site: SiteInfo) {
    const { menu } = await menuOf(ctx, words, language);
    const html = renderToStaticMarkup(
      <Layout language={language} words={words} meta={meta} site={site} topics={menu.map((m) => ({ slug: m.slug, name: m.name }))} current={current}>
        {body}
      </Layout>,
    );
    return `<!doctype html>${html}`;
  }

  async function basics(req: FastifyRequest, language: string) {
    const ctx = publicCtx(req);
    const words = wordsFor(language);
    const agencies = await remember(`agencies:${words.lang}`, () => agencyDirectory(ctx, words));
    const site = siteInfo(ctx, words, agencies.operator, origin(req));
    const languages = await remember('languages', () => content.publishedLanguageList(ctx));
    const open = [...new Set(['vi', 'en', ...languages])].filter((l) => config.contentLanguages.includes(l));
    return { ctx, words, agencies, site, open };
  }

  async function errorPage(req: FastifyRequest, language: string, status: 404 | 410 | 500, elsewhere: Array<{ language: string; href: string }> = []): Promise<Rendered> {
    const lang = config.contentLanguages.includes(language) ? language : pickLocale(req.headers['accept-language'], 'vi');
    const { ctx, words, site, open } = await basics(req, lang);
    const meta: PageMeta = { title: words.t(status === 404 ? 'notFoundTitle' : status === 410 ? 'goneTitle' : 'errorTitle'), canonical: `${site.origin}${req.url}`, alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.home(l)}` })), noindex: true };
    return { status, html: await frame(ctx, lang, words, meta, undefined, <ErrorPage status={status} language={lang} words={words} elsewhere={elsewhere} />, site) };
  }

  /** Answers from the cache (or 304), rendering on a miss. */
  async function serve(req: FastifyRequest, reply: FastifyReply, path: string, render: () => Promise<Rendered>, headersFor?: (status: number) => Record<string, string>) {
    // pages carry absolute links built from the origin (PUBLIC_URL, else the Host header): a page
    // rendered for one host is never served to another (no cache poisoning through Host)
    const key = `${origin(req)}${path}`;
    const gen = generation?.current() ?? 0;
    reply.header('vary', 'Accept-Encoding').header('cache-control', 'public, max-age=0, must-revalidate');
    const ifNoneMatch = req.headers['if-none-match'];
    if (generation && ifNoneMatch && ifNoneMatch === etagOf(gen, key)) return reply.code(304).header('etag', ifNoneMatch).send();
    let page = generation ? cache.get(gen, key) : undefined;
    if (!page) {
      let rendered: Rendered;
      try {
        rendered = await render();
      } catch (e) {
        req.log.error({ err: e }, 'portal page failed');
        rendered = await errorPage(req, path.split('/')[1] ?? 'vi', 500).catch(() => ({ status: 500, html: '<!doctype html><title>500</title><h1>500</h1>' }));
        return reply.code(500).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(rendered.html);
      }
      page = cache.put(gen, key, rendered.status, rendered.html);
    }
    reply.code(page.status).type('text/html; charset=utf-8').header('etag', page.etag).header('last-modified', page.lastModifiedHttp);
    for (const [k, v] of Object.entries(headersFor?.(page.status) ?? {})) reply.header(k, v);
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(page.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(page.gzip);
    return reply.send(page.html);
  }

  const pageOf = (q: unknown) => {
    const raw = (q as { page?: string }).page;
    const n = raw === undefined ? 1 : Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= content.MAX_PAGE ? n : null;
  };

  // ----- home
  app.get('/:lang/', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    return serve(req, reply, `/${lang}/`, async () => {
      const ctx0 = publicCtx(req);
      if (!(await languageOpen(ctx0, lang))) return errorPage(req, lang, 404);
      const { ctx, words, agencies, site, open } = await basics(req, lang);
      const { menu } = await menuOf(ctx, words, lang);
      const { highlights, latest, visual, byTopic } = await homeSections(ctx, agencies.byId, lang, menu);
      const meta: PageMeta = {
        title: site.name,
        description: words.t('tagline', { place: site.place }),
        canonical: `${site.origin}${paths.home(lang)}`,
        alternates: [...open.map((l) => ({ language: l, href: `${site.origin}${paths.home(l)}` })), { language: 'x-default', href: `${site.origin}/` }],
        jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: site.name, url: `${site.origin}${paths.home(lang)}`, inLanguage: lang, potentialAction: { '@type': 'SearchAction', target: `${site.origin}${paths.search(lang)}?q={q}`, 'query-input': 'required name=q' } }],
      };
      const body = <HomePage language={lang} words={words} siteName={site.name} place={site.place} highlights={highlights} latest={latest} visual={visual} byTopic={byTopic} />;
      return { status: 200, html: await frame(ctx, lang, words, meta, 'home', body, site) };
    });
  });
  app.get('/:lang', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    if (!config.contentLanguages.includes(lang)) return notFound(req, reply);
    return reply.redirect(paths.home(lang), 301);
  });

  // ----- one item: the page, its print view, and a clean HTML file to save
  const itemRoute = (mode: 'page' | 'print' | 'download') => async (req: FastifyRequest, reply: FastifyReply) => {
    const { lang, id } = req.params as { lang: string; id: string };
    const headersFor = (status: number): Record<string, string> =>
      mode === 'page' ? {} : { 'x-robots-tag': 'noindex', ...(mode === 'download' && status === 200 ? { 'content-disposition': `attachment; filename="ttdn-${id}-${lang}.html"` } : {}) };
    return serve(req, reply, `/${lang}/items/${id}#${mode}`, async () => {
      if (!config.contentLanguages.includes(lang)) return errorPage(req, 'vi', 404);
      const { ctx, words, agencies, site } = await basics(req, lang);
      const found = await content.publishedPage(ctx, id, lang);
      if (found.status === 'missing') return errorPage(req, lang, 404, (found.languages ?? []).map((l) => ({ language: l, href: paths.item(l, id) })));
      if (found.status !== 'ok') return errorPage(req, lang, 410);
      const { form } = found;
      const { all: topics } = await menuOf(ctx, words, lang);
      const itemTopics = (form.metadata.topicIds ?? []).map((t) => topics.get(t)).filter((t) => t !== undefined);
      const files = await mediaViews(ctx, [...(form.metadata.media ?? []), ...(form.metadata.document?.fileId ? [{ mediaId: form.metadata.document.fileId }] : [])], lang);
      const url = `${site.origin}${paths.item(lang, id)}`;
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, ...(itemTopics[0] ? [{ name: itemTopics[0].name, href: paths.topic(lang, itemTopics[0].slug) }] : []), { name: form.title }];
      const agency = agencies.byId.get(form.agencyId) ?? null;
      const image = files.find((f) => f.card);
      const publishedAt = new Date(form.publishedAt);
      const props = {
        itemId: id,
        language: lang,
        words,
        kind: form.kind,
        text: { title: form.title, summary: form.summary, body: form.body },
        metadata: form.metadata,
        publishedAt,
        contentHash: form.contentHash,
        agency,
        topics: itemTopics,
        media: files,
        trail,
        url,
      };
      if (mode !== 'page') {
        // print view and saved copy: the article and its attribution, absolute links, no menus
        const html = renderToStaticMarkup(<PrintDocument language={lang} words={words} site={site} url={url} title={form.title} inlineCss={mode === 'download'}>
          <ItemPage {...props} print translations={[]} related={[]} origin={site.origin} />
        </PrintDocument>);
        return { status: 200, html: `<!doctype html>${html}` };
      }
      const related = await content.relatedPublished(ctx, id, lang, form.metadata.topicIds ?? []);
      const meta: PageMeta = {
        title: form.title,
        description: form.summary,
        canonical: url,
        alternates: [{ language: lang, href: url }, ...form.translations.map((tr) => ({ language: tr.language, href: `${site.origin}${paths.item(tr.language, id)}` }))],
        image: image?.card ? `${site.origin}${image.card}` : undefined,
        ogType: 'article',
        jsonLd: [articleLd(form, lang, url, site, agency?.name ?? '', files), breadcrumbLd(trail, site.origin)],
      };
      const claim = form.kind === 'clarification' ? form.metadata.claim : undefined;
      const statement = claim ? claimStatement(claim, lang) : null;
      if (claim?.rating && statement) {
        meta.jsonLd!.push(
          claimReviewLd({
            url,
            language: lang,
            statement,
            rating: claim.rating,
            ratingName: words.ratings[claim.rating] ?? claim.rating,
            claim,
            datePublished: new Date(form.firstPublishedAt),
            author: { name: agency?.name || site.operator, url: agency ? `${site.origin}${paths.agency(lang, agency.slug)}` : null },
          }),
        );
      }
      const body = (
        <ItemPage
          {...props}
          translations={form.translations.map((tr) => ({ language: tr.language, href: paths.item(tr.language, id) }))}
          related={await cardViews(ctx, related, agencies.byId, lang)}
        />
      );
      return { status: 200, html: await frame(ctx, lang, words, meta, undefined, body, site) };
    }, headersFor);
  };
  app.get('/:lang/items/:id', { schema: { hide: true } }, itemRoute('page'));
  app.get('/:lang/items/:id/photos/:n', { schema: { hide: true } }, async (req, reply) => {
    const { lang, id, n } = req.params as { lang: string; id: string; n: string };
    return serve(req, reply, `/${lang}/items/${id}/photos/${n}`, async () => {
      if (!config.contentLanguages.includes(lang) || !/^\d{1,4}$/.test(n)) return errorPage(req, 'vi', 404);
      const { ctx, words, site } = await basics(req, lang);
      const found = await content.publishedPage(ctx, id, lang);
      if (found.status !== 'ok') return errorPage(req, lang, found.status === 'gone' ? 410 : 404);
      const { form } = found;
      const photos = (await mediaViews(ctx, form.metadata.media ?? [], lang)).filter((m) => m.kind === 'image' && m.picture);
      const index = Number(n);
      const photo = photos[index - 1];
      if (!photo) return errorPage(req, lang, 404);
      const album = paths.item(lang, id);
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, { name: form.title, href: album }, { name: words.t('photoOf', { n: index, count: photos.length }) }];
      const url = `${site.origin}${paths.photo(lang, id, index)}`;
      const meta: PageMeta = {
        title: `${form.title} (${index}/${photos.length})`,
        description: photo.caption || form.summary,
        canonical: url,
        alternates: [{ language: lang, href: url }, ...form.translations.map((tr) => ({ language: tr.language, href: `${site.origin}${paths.photo(tr.language, id, index)}` }))],
        image: photo.card ? `${site.origin}${photo.card}` : undefined,
        jsonLd: [{ '@context': 'https://schema.org', '@type': 'ImageObject', contentUrl: `${site.origin}${photo.picture!.src}`, caption: photo.caption || undefined, width: photo.picture!.width, height: photo.picture!.height }, breadcrumbLd(trail, site.origin)],
      };
      const body = (
        <PhotoPage
          language={lang}
          words={words}
          title={form.title}
          photo={photo}
          index={index}
          count={photos.length}
          prev={index > 1 ? paths.photo(lang, id, index - 1) : null}
          next={index < photos.length ? paths.photo(lang, id, index + 1) : null}
          album={album}
          trail={trail}
        />
      );
      return { status: 200, html: await frame(ctx, lang, words, meta, undefined, body, site) };
    });
  });
  app.get('/:lang/items/:id/print', { schema: { hide: true } }, itemRoute('print'));
  app.get('/:lang/items/:id/download', { schema: { hide: true } }, itemRoute('download'));

  // ----- listings: topic, kind, agency
  const listing = (kind: 'topic' | 'kind' | 'agency') => async (req: FastifyRequest, reply: FastifyReply) => {
    const { lang, slug } = req.params as { lang: string; slug: string };
    const page = pageOf(req.query);
    const key = `/${lang}/${kind}/${slug}?page=${page}`;
    return serve(req, reply, key, async () => {
      if (page === null || !(await languageOpen(publicCtx(req), lang))) return errorPage(req, lang, 404);
      const { ctx, words, agencies, site, open } = await basics(req, lang);
      const { all: topics } = await menuOf(ctx, words, lang);
      let heading: string;
      let filter: content.PublishedListInput;
      const pathFor = (l: string) => (kind === 'topic' ? paths.topic(l, slug) : kind === 'kind' ? paths.kind(l, slug) : paths.agency(l, slug));
      if (kind === 'topic') {
        const topic = [...topics.values()].find((t) => t.slug === slug);
        if (!topic) return errorPage(req, lang, 404);
        heading = topic.name;
        filter = { topicId: topic.id };
      } else if (kind === 'kind') {
        if (!KIND_NAMES.en[slug]) return errorPage(req, lang, 404);
        heading = words.kinds[slug];
        filter = { kind: slug };
      } else {
        const agency = [...agencies.byId.values()].find((a) => a.slug === slug);
        if (!agency) return errorPage(req, lang, 404);
        heading = agency.name;
        filter = { agencyId: agency.id };
      }
      const path = pathFor(lang);
      const r = await content.listPublishedCards(ctx, { ...filter, language: lang, page, pageSize: 12 });
      if (page > r.pages) return errorPage(req, lang, 404);
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, { name: heading }];
      const canonical = `${site.origin}${withPage(path, page)}`;
      const meta: PageMeta = {
        title: page > 1 ? `${heading} — ${words.t('page', { n: page })}` : heading,
        canonical,
        alternates: open.map((l) => ({ language: l, href: `${site.origin}${withPage(pathFor(l), page)}` })),
        prev: page > 1 ? `${site.origin}${withPage(path, page - 1)}` : undefined,
        next: page < r.pages ? `${site.origin}${withPage(path, page + 1)}` : undefined,
        jsonLd: [breadcrumbLd(trail, site.origin)],
      };
      const cards = await cardViews(ctx, r.items, agencies.byId, lang);
      let body: ReactElement;
      if (kind === 'agency') {
        const entry = (await agencyEntries(ctx, words)).get(slug)!;
        trail.splice(1, 0, { name: words.t('agencies'), href: paths.agencies(lang) });
        meta.jsonLd!.push(organizationLd(entry, site.origin, lang));
        body = <AgencyPage language={lang} words={words} agency={entry} trail={trail} cards={cards} total={r.total} page={page} pages={r.pages} path={path} />;
      } else body = <ListingPage language={lang} words={words} heading={heading} trail={trail} cards={cards} total={r.total} page={page} pages={r.pages} path={path} />;
      return { status: 200, html: await frame(ctx, lang, words, meta, kind === 'topic' ? `topic:${slug}` : undefined, body, site) };
    });
  };
  app.get('/:lang/topics/:slug', { schema: { hide: true } }, listing('topic'));
  app.get('/:lang/kinds/:slug', { schema: { hide: true } }, listing('kind'));
  app.get('/:lang/agencies/:slug', { schema: { hide: true } }, listing('agency'));

  // ----- agencies: the directory
  app.get('/:lang/agencies', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    return serve(req, reply, `/${lang}/agencies`, async () => {
      if (!(await languageOpen(publicCtx(req), lang))) return errorPage(req, lang, 404);
      const { ctx, words, site, open } = await basics(req, lang);
      const entries = [...(await agencyEntries(ctx, words)).values()];
      const roots = entries.filter((a) => !a.parent).map((a) => ({ ...a, units: entries.filter((u) => u.parent?.slug === a.slug) }));
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, { name: words.t('agencies') }];
      const meta: PageMeta = { title: words.t('agencies'), canonical: `${site.origin}${paths.agencies(lang)}`, alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.agencies(l)}` })), jsonLd: [breadcrumbLd(trail, site.origin)] };
      return { status: 200, html: await frame(ctx, lang, words, meta, 'agencies', <AgencyDirectoryPage language={lang} words={words} roots={roots} trail={trail} />, site) };
    });
  });

  // ----- clarifications (Art. 4): the false information and the facts, filterable by rating
  app.get('/:lang/clarifications', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const query = req.query as Record<string, string | undefined>;
    const page = pageOf(query);
    const rating = query.rating && (content.CLAIM_RATINGS as readonly string[]).includes(query.rating) ? query.rating : undefined;
    return serve(req, reply, `/${lang}/clarifications?rating=${rating ?? ''}&page=${page}`, async () => {
      if (page === null || !(await languageOpen(publicCtx(req), lang))) return errorPage(req, lang, 404);
      const { ctx, words, agencies, site, open } = await basics(req, lang);
      const r = await content.publishedClarifications(ctx, { language: lang, rating, page });
      if (page > r.pages) return errorPage(req, lang, 404);
      const path = paths.clarifications(lang, rating);
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, { name: words.t('clarifications') }];
      const meta: PageMeta = {
        title: words.t('clarifications'),
        description: words.t('clarificationsIntro', { place: site.place }),
        canonical: `${site.origin}${withPage(path, page)}`,
        alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.clarifications(l)}` })),
        noindex: Boolean(rating),
        prev: page > 1 ? `${site.origin}${withPage(path, page - 1)}` : undefined,
        next: page < r.pages ? `${site.origin}${withPage(path, page + 1)}` : undefined,
        jsonLd: [breadcrumbLd(trail, site.origin)],
      };
      const entries = r.items.map((c) => ({ itemId: c.itemId, title: c.title, summary: c.summary, publishedAt: new Date(c.publishedAt), agencyName: agencies.byId.get(c.agencyId)?.name ?? '', claim: c.claim }));
      const body = <ClarificationsPage language={lang} words={words} place={site.place} trail={trail} entries={entries} rating={rating} ratings={[...content.CLAIM_RATINGS]} total={r.total} page={page} pages={r.pages} path={path} />;
      return { status: 200, html: await frame(ctx, lang, words, meta, 'clarifications', body, site) };
    });
  });

  // ----- the province's profile: its profile pages, grouped by topic
  app.get('/:lang/profile', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    return serve(req, reply, `/${lang}/profile`, async () => {
      if (!(await languageOpen(publicCtx(req), lang))) return errorPage(req, lang, 404);
      const { ctx, words, agencies, site, open } = await basics(req, lang);
      const { all: topics } = await menuOf(ctx, words, lang);
      const r = await content.listPublishedCards(ctx, { language: lang, kind: 'profile_page', pageSize: 100 });
      const cards = await cardViews(ctx, r.items, agencies.byId, lang);
      const groups: Array<{ id: string; name: string; cards: typeof cards }> = [];
      for (const tp of topics.values()) {
        const inTopic = cards.filter((_, i) => r.items[i].topicIds[0] === tp.id);
        if (inTopic.length) groups.push({ id: tp.id, name: tp.name, cards: inTopic });
      }
      const trail: Crumb[] = [{ name: words.t('home'), href: paths.home(lang) }, { name: words.t('profile') }];
      const meta: PageMeta = {
        title: words.t('profileHeading', { place: site.place }),
        description: words.t('profileIntro', { place: site.place }),
        canonical: `${site.origin}${paths.profile(lang)}`,
        alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.profile(l)}` })),
        jsonLd: [breadcrumbLd(trail, site.origin)],
      };
      return { status: 200, html: await frame(ctx, lang, words, meta, 'profile', <ProfilePage language={lang} words={words} place={site.place} trail={trail} groups={groups} />, site) };
    });
  });

  // ----- the document library
  app.get('/:lang/documents', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const query = req.query as Record<string, string | undefined>;
    const page = pageOf(query);
    const filters = {
      type: query.type && (DOCUMENT_TYPE_KEYS as readonly string[]).includes(query.type) ? query.type : undefined,
      issuer: query.issuer?.trim().slice(0, 200) || undefined,
      year: query.year && /^\d{4}$/.test(query.year) ? query.year : undefined,
      number: query.number?.trim().slice(0, 100) || undefined,
    };
    const key = `/${lang}/documents?${new URLSearchParams(Object.entries({ ...filters, page: String(page) }).filter(([, v]) => v) as Array<[string, string]>).toString()}`;
    return serve(req, reply, key, async () => {
      if (page === null || !(await languageOpen(publicCtx(req), lang))) return errorPage(req, lang, 404);
      const { ctx, words, site, open } = await basics(req, lang);
      const r = await content.documentLibrary(ctx, { language: lang, documentType: filters.type, issuer: filters.issuer, year: filters.year ? Number(filters.year) : undefined, number: filters.number, page });
      const entries = r.items.map((d) => ({
        itemId: d.itemId,
        title: d.title,
        number: d.document.number ?? '',
        issuingBody: d.document.issuingBody ?? '',
        issueDate: d.document.issueDate ?? '',
        documentType: d.document.documentType ?? '',
        fileUrl: d.document.fileId ? `/api/v1/media/${d.document.fileId}/original` : null,
      }));
      const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>).toString();
      const path = `${paths.documents(lang)}${qs ? `?${qs}` : ''}`;
      const meta: PageMeta = { title: words.t('documentLibrary'), canonical: `${site.origin}${withPage(path, page)}`, alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.documents(l)}` })), noindex: Boolean(qs) };
      const types = DOCUMENT_TYPE_KEYS.map((k) => [k, words.documentTypes[k]] as [string, string]);
      const body = <DocumentsPage language={lang} words={words} entries={entries} total={r.total} page={page} pages={r.pages} path={path} filters={filters} types={types} years={r.facets.years} issuers={r.facets.issuers} />;
      return { status: 200, html: await frame(ctx, lang, words, meta, 'documents', body, site) };
    });
  });

  // ----- search (not cached: the query space is unbounded; the search itself is fast)
  app.get('/:lang/search', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const query = req.query as Record<string, string | undefined>;
    const q = (query.q ?? '').slice(0, 200);
    const page = pageOf(query);
    const send = (r: Rendered) => reply.code(r.status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(r.html);
    if (page === null || !(await languageOpen(publicCtx(req), lang))) return send(await errorPage(req, lang, 404));
    const { ctx, words, agencies, site, open } = await basics(req, lang);
    const { all: topics } = await menuOf(ctx, words, lang);
    const kind = query.kind && KIND_NAMES.en[query.kind] ? query.kind : undefined;
    const topic = query.topic ? [...topics.values()].find((t) => t.slug === query.topic) : undefined;
    const agency = query.agency ? [...agencies.byId.values()].find((a) => a.slug === query.agency) : undefined;
    const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : undefined;
    const result = q || kind || topic || agency ? await content.searchContent(ctx, { q: q || undefined, view: 'published', language: lang, kind, topicId: topic?.id, agencyId: agency?.id, year, page, limit: 10 }) : null;
    const params = (over: Record<string, string | undefined>) => {
      const p = new URLSearchParams();
      const all = { q: q || undefined, kind, topic: topic?.slug, agency: agency?.slug, year: year ? String(year) : undefined, ...over };
      for (const [k, v] of Object.entries(all)) if (v) p.set(k, v);
      return `${paths.search(lang)}?${p.toString()}`;
    };
    const facets: FacetGroup[] = [];
    if (result) {
      const group = (facet: string, label: string, name: (v: string) => string | undefined, param: string, selected: string | undefined, toParam: (v: string) => string | undefined = (v) => v) => {
        const options = result.facets
          .filter((f) => f.facet === facet)
          .map((f) => ({ label: name(f.value) ?? '', count: f.count, href: params({ [param]: selected === toParam(f.value) ? undefined : toParam(f.value), page: undefined }), selected: selected === toParam(f.value) }))
          .filter((o) => o.label);
        if (options.length) facets.push({ label, options });
      };
      group('kind', words.t('filterKind'), (v) => words.kinds[v], 'kind', kind);
      group('topic', words.t('filterTopic'), (v) => topics.get(v)?.name, 'topic', topic?.slug, (v) => topics.get(v)?.slug);
      group('agency', words.t('filterAgency'), (v) => agencies.byId.get(v)?.name, 'agency', agency?.slug, (v) => agencies.byId.get(v)?.slug);
      group('year', words.t('filterYear'), (v) => v, 'year', year ? String(year) : undefined);
    }
    const total = result?.total ?? 0;
    const pages = Math.max(1, Math.ceil(total / 10));
    const meta: PageMeta = { title: q ? `${words.t('search')}: ${q}` : words.t('search'), canonical: `${site.origin}${paths.search(lang)}`, alternates: open.map((l) => ({ language: l, href: `${site.origin}${paths.search(l)}` })), noindex: Boolean(q) };
    const body = (
      <SearchPage
        language={lang}
        words={words}
        q={q}
        hits={(result?.items ?? []).map((h) => ({ itemId: h.itemId, kind: h.kind, titleHtml: h.titleHtml, snippetHtml: h.snippetHtml, summary: h.summary, publishedAt: h.publishedAt, agencyName: agencies.byId.get(h.agencyId)?.name ?? '' }))}
        total={total}
        page={page}
        pages={pages}
        facets={facets}
        suggestions={(result?.suggestions ?? []).map((s) => ({ q: s, href: `${paths.search(lang)}?q=${encodeURIComponent(s)}` }))}
        path={params({ page: undefined })}
        filtered={Boolean(kind || topic || agency || year)}
      />
    );
    return send({ status: 200, html: await frame(ctx, lang, words, meta, 'search', body, site) });
  });

  // anything else outside the API and the admin app: the portal's 404, in the reader's language
  function notFound(req: FastifyRequest, reply: FastifyReply) {
    const path = req.url.split('?')[0];
    if (/^\/(api|admin)(\/|$)/.test(path) || !/text\/html/.test(String(req.headers.accept ?? ''))) return reply.callNotFound();
    const lang = pickLocale(req.headers['accept-language'], 'vi');
    return serve(req, reply, `404:${lang}`, () => errorPage(req, lang, 404));
  }
  app.get('/*', { schema: { hide: true } }, notFound);

  // anything else under a language: the portal's 404
  app.get('/:lang/*', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    if (!config.contentLanguages.includes(lang)) return reply.callNotFound();
    return serve(req, reply, `404:${lang}`, () => errorPage(req, lang, 404));
  });
}

const DOCUMENT_TYPE_KEYS = content.DOCUMENT_TYPES;
