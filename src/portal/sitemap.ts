// The sitemap: every published item version the public may read (all languages), with its other
// languages as hreflang alternates, its last publication and its images (web variants); and the
// home, topic, kind and agency pages of each open language. Beyond 45,000 addresses (or ~45 MB)
// it is split into pages listed by a sitemap index.
import type { Context } from '../core/context.js';
import * as content from '../modules/content/service.js';
import { agencyDirectory, topicMenu } from './data.js';
import { mediaFiles, rfc3339, xml } from './feeds.js';
import { KIND_NAMES, wordsFor } from './i18n.js';
import { paths } from './urls.js';

export const SITEMAP_TYPE = 'application/xml; charset=utf-8';
export const SITEMAP_MAX_URLS = 45_000;
/** the protocol allows 50 MB uncompressed per file; stay below it */
export const SITEMAP_MAX_BYTES = 45 * 1024 * 1024;
/** images per address (Google reads at most 1,000) */
const MAX_IMAGES = 1000;

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  alternates?: Array<{ hreflang: string; href: string }>;
  images?: string[];
}

export interface SitemapChunk {
  urls: string[];
  bytes: number;
  lastmod: Date | undefined;
}

const later = (a: Date | undefined, b: Date | undefined) => (!a ? b : !b ? a : a > b ? a : b);

export function renderUrl(u: SitemapUrl): string {
  return [
    '<url>',
    `<loc>${xml(u.loc)}</loc>`,
    ...(u.lastmod ? [`<lastmod>${rfc3339(u.lastmod)}</lastmod>`] : []),
    ...(u.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.href)}"/>`),
    ...(u.images ?? []).slice(0, MAX_IMAGES).map((src) => `<image:image><image:loc>${xml(src)}</image:loc></image:image>`),
    '</url>',
  ].join('');
}

const URLSET_OPEN =
  '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n';

export function renderUrlset(urls: string[]): string {
  return `${URLSET_OPEN}${urls.join('\n')}\n</urlset>\n`;
}

export function renderIndex(pages: Array<{ loc: string; lastmod?: Date }>): string {
  const entries = pages.map((p) => `<sitemap><loc>${xml(p.loc)}</loc>${p.lastmod ? `<lastmod>${rfc3339(p.lastmod)}</lastmod>` : ''}</sitemap>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Addresses in files of at most `maxUrls` addresses and about `maxBytes` bytes each (always at least one file). */
export function splitSitemap(urls: SitemapUrl[], limits: { maxUrls?: number; maxBytes?: number } = {}): SitemapChunk[] {
  const maxUrls = limits.maxUrls ?? SITEMAP_MAX_URLS;
  const maxBytes = (limits.maxBytes ?? SITEMAP_MAX_BYTES) - URLSET_OPEN.length - 20;
  const chunks: SitemapChunk[] = [{ urls: [], bytes: 0, lastmod: undefined }];
  for (const u of urls) {
    const rendered = renderUrl(u);
    const size = Buffer.byteLength(rendered) + 1;
    let last = chunks[chunks.length - 1];
    if (last.urls.length && (last.urls.length >= maxUrls || last.bytes + size > maxBytes)) chunks.push((last = { urls: [], bytes: 0, lastmod: undefined }));
    last.urls.push(rendered);
    last.bytes += size;
    last.lastmod = later(last.lastmod, u.lastmod);
  }
  return chunks;
}

/** Every address of the sitemap, as the context's reader (anonymous: the public) may see them. */
export async function loadSitemap(ctx: Context, origin: string): Promise<SitemapUrl[]> {
  // every readable published version, newest first (the service pages by 100, up to its last page)
  const cards: content.PublishedCard[] = [];
  for (let page = 1; page <= content.MAX_PAGE; page++) {
    const r = await content.listPublishedCards(ctx, { page, pageSize: 100 });
    cards.push(...r.items);
    if (page >= r.pages) break;
  }
  const order = ctx.config.contentLanguages;
  const byItem = new Map<string, content.PublishedCard[]>();
  for (const c of cards) byItem.set(c.itemId, [...(byItem.get(c.itemId) ?? []), c]);
  for (const list of byItem.values()) list.sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language));

  const published = await content.publishedLanguageList(ctx);
  const open = [...new Set(['vi', 'en', ...published])].filter((l) => order.includes(l));
  // the newest publication per language page: home (`lang`), topic, kind and agency listings
  const newest = new Map<string, Date>();
  const seen = (key: string, at: Date) => newest.set(key, later(newest.get(key), at)!);
  for (const c of cards) {
    const at = new Date(c.publishedAt);
    seen(c.language, at);
    seen(`kind|${c.kind}|${c.language}`, at);
    seen(`agency|${c.agencyId}|${c.language}`, at);
    for (const tp of c.topicIds) seen(`topic|${tp}|${c.language}`, at);
  }

  // pages of each open language: home, then topics, kinds and agencies that have something in it
  const out: SitemapUrl[] = [];
  const homeAlternates = [...open.map((l) => ({ hreflang: l, href: `${origin}${paths.home(l)}` })), { hreflang: 'x-default', href: `${origin}/` }];
  for (const lang of open) out.push({ loc: `${origin}${paths.home(lang)}`, lastmod: newest.get(lang), alternates: homeAlternates });
  const words = wordsFor('en');
  const listings: Array<{ key: string; path: (l: string) => string }> = [
    ...[...(await topicMenu(ctx, words, 'en')).all.values()].map((tp) => ({ key: `topic|${tp.id}`, path: (l: string) => paths.topic(l, tp.slug) })),
    ...Object.keys(KIND_NAMES.en).map((kind) => ({ key: `kind|${kind}`, path: (l: string) => paths.kind(l, kind) })),
    ...[...(await agencyDirectory(ctx, words)).byId.values()].map((a) => ({ key: `agency|${a.id}`, path: (l: string) => paths.agency(l, a.slug) })),
  ];
  for (const listing of listings) {
    const langs = open.filter((l) => newest.has(`${listing.key}|${l}`));
    const alternates = langs.length > 1 ? langs.map((l) => ({ hreflang: l, href: `${origin}${listing.path(l)}` })) : undefined;
    for (const lang of langs) out.push({ loc: `${origin}${listing.path(lang)}`, lastmod: newest.get(`${listing.key}|${lang}`), alternates });
  }

  // the items, each language version with the others as alternates
  const files = await mediaFiles(ctx, origin, cards.flatMap((c) => c.mediaIds));
  for (const c of cards) {
    if (!open.includes(c.language)) continue;
    const versions = byItem.get(c.itemId)!.filter((v) => open.includes(v.language));
    const images = c.mediaIds.map((id) => files.get(id)?.image?.url).filter((u) => u !== undefined);
    out.push({
      loc: `${origin}${paths.item(c.language, c.itemId)}`,
      lastmod: new Date(c.publishedAt),
      alternates: versions.length > 1 ? versions.map((v) => ({ hreflang: v.language, href: `${origin}${paths.item(v.language, v.itemId)}` })) : undefined,
      images,
    });
  }
  return out;
}
