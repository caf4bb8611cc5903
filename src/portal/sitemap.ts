// The sitemap: every published item version the public may read (all languages), with its other
// languages as hreflang alternates, its last publication and its images (web variants); and the
// home, topic, kind and agency pages of each open language. Beyond 45,000 addresses (or ~45 MB)
// it is split into pages listed by a sitemap index.
//
// Complete at any size without holding it in memory: a plan (once per public generation) walks the
// published versions in keyset batches, newest first, and cuts them into pages by count and by an
// upper bound of each address's bytes (its image addresses at their longest), keeping only where
// each page starts and ends. A page is then rendered on its own, reading just its range.
import type { Context } from '../core/context.js';
import * as content from '../modules/content/service.js';
import { agencyDirectory } from './data.js';
import { mediaFiles, rfc3339, xml } from './feeds.js';
import { KIND_NAMES, wordsFor } from './i18n.js';
import { paths } from './urls.js';

export const SITEMAP_TYPE = 'application/xml; charset=utf-8';
export const SITEMAP_MAX_URLS = 45_000;
/** the protocol allows 50 MB uncompressed per file; stay below it */
export const SITEMAP_MAX_BYTES = 45 * 1024 * 1024;
/** images per address (Google reads at most 1,000) */
const MAX_IMAGES = 1000;
/** item versions read per query, planning or rendering */
export const SITEMAP_BATCH = 5000;

export interface SitemapLimits {
  maxUrls?: number;
  maxBytes?: number;
  /** rows per query (tests set it small to cross batches) */
  batch?: number;
}

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

/** Fills files of at most `maxUrls` addresses and about `maxBytes` bytes each (always at least one file). */
class Packer<P extends { urls: number; bytes: number; lastmod: Date | undefined }> {
  readonly pages: P[];
  private readonly maxUrls: number;
  private readonly maxBytes: number;
  constructor(
    limits: SitemapLimits,
    private readonly open: (previous: P | null) => P,
  ) {
    this.maxUrls = limits.maxUrls ?? SITEMAP_MAX_URLS;
    this.maxBytes = (limits.maxBytes ?? SITEMAP_MAX_BYTES) - URLSET_OPEN.length - 20;
    this.pages = [open(null)];
  }
  /** the page the next address of `size` bytes goes to (a new one when the current one is full) */
  add(size: number, lastmod: Date | undefined): P {
    let last = this.pages[this.pages.length - 1];
    if (last.urls && (last.urls >= this.maxUrls || last.bytes + size > this.maxBytes)) this.pages.push((last = this.open(last)));
    last.urls++;
    last.bytes += size;
    last.lastmod = later(last.lastmod, lastmod);
    return last;
  }
}

/** Addresses in files of at most `maxUrls` addresses and about `maxBytes` bytes each (always at least one file). */
export function splitSitemap(urls: SitemapUrl[], limits: SitemapLimits = {}): SitemapChunk[] {
  const packer = new Packer<{ urls: number; bytes: number; lastmod: Date | undefined; list: string[] }>(limits, () => ({
    urls: 0,
    bytes: 0,
    lastmod: undefined,
    list: [],
  }));
  for (const u of urls) {
    const rendered = renderUrl(u);
    packer.add(Buffer.byteLength(rendered) + 1, u.lastmod).list.push(rendered);
  }
  return packer.pages.map((p) => ({ urls: p.list, bytes: p.bytes, lastmod: p.lastmod }));
}

// ----- planning and rendering from the database

/** One file of the sitemap: a slice of the listing addresses, then a range of item versions (newest first). */
export interface SitemapPage {
  urls: number;
  /** an upper bound of the file's size (image addresses counted at their longest) */
  bytes: number;
  lastmod: Date | undefined;
  /** [from, to) in the plan's listing addresses */
  fixed: [number, number];
  /** item versions after `after` (exclusive) down to `until` (inclusive; null: to the end); null: none */
  items: { after: content.SitemapKey | null; until: content.SitemapKey | null } | null;
}

export interface SitemapPlan {
  /** home and listing addresses, rendered (a few per topic, kind and agency and language) */
  fixed: string[];
  pages: SitemapPage[];
}

/** Home, topic, kind and agency pages of each open language, with their newest publication. */
async function listingUrls(ctx: Context, origin: string): Promise<SitemapUrl[]> {
  const order = ctx.config.contentLanguages;
  const published = await content.publishedLanguageList(ctx);
  const open = [...new Set(['vi', 'en', ...published])].filter((l) => order.includes(l));
  const newest = await content.publishedListingDates(ctx);
  const out: SitemapUrl[] = [];
  const homeAlternates = [...open.map((l) => ({ hreflang: l, href: `${origin}${paths.home(l)}` })), { hreflang: 'x-default', href: `${origin}/` }];
  for (const lang of open) out.push({ loc: `${origin}${paths.home(lang)}`, lastmod: newest.get(lang), alternates: homeAlternates });
  const listings: Array<{ key: string; path: (l: string) => string }> = [
    ...(await content.listTopics(ctx, {})).map((tp) => ({ key: `topic|${tp.id}`, path: (l: string) => paths.topic(l, tp.slug) })),
    ...Object.keys(KIND_NAMES.en).map((kind) => ({ key: `kind|${kind}`, path: (l: string) => paths.kind(l, kind) })),
    // the sections built on a kind: where it has content in a language
    { key: 'kind|clarification', path: (l: string) => paths.clarifications(l) },
    { key: 'kind|profile_page', path: (l: string) => paths.profile(l) },
    { key: 'kind|document', path: (l: string) => paths.documents(l) },
    ...[...(await agencyDirectory(ctx, wordsFor('en'))).byId.values()].map((a) => ({ key: `agency|${a.id}`, path: (l: string) => paths.agency(l, a.slug) })),
  ];
  for (const listing of listings) {
    const langs = open.filter((l) => newest.has(`${listing.key}|${l}`));
    const alternates = langs.length > 1 ? langs.map((l) => ({ hreflang: l, href: `${origin}${listing.path(l)}` })) : undefined;
    for (const lang of langs) out.push({ loc: `${origin}${listing.path(lang)}`, lastmod: newest.get(`${listing.key}|${lang}`), alternates });
  }
  return out;
}

/** An item version's address: each language version lists the item's readable languages (in the configured order) as alternates. */
function itemUrl(ctx: Context, origin: string, row: content.SitemapRow, images: string[]): SitemapUrl | null {
  const order = ctx.config.contentLanguages;
  if (!order.includes(row.language)) return null;
  const langs = row.languages.filter((l) => order.includes(l)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    loc: `${origin}${paths.item(row.language, row.itemId)}`,
    lastmod: row.publishedAt,
    alternates: langs.length > 1 ? langs.map((l) => ({ hreflang: l, href: `${origin}${paths.item(l, row.itemId)}` })) : undefined,
    images,
  };
}

/** Item versions in a key range, batch by batch (keyset: no OFFSET however deep). */
async function* itemRows(ctx: Context, range: { after: content.SitemapKey | null; until: content.SitemapKey | null }, batch: number) {
  let after = range.after;
  for (;;) {
    const rows = await content.listPublishedForSitemap(ctx, { after, until: range.until }, batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].key;
  }
}

/**
 * Where each file of the sitemap starts and ends, as the context's reader (anonymous: the public)
 * may see it. Reads every published version once, in batches, keeping none of them.
 */
export async function planSitemap(ctx: Context, origin: string, limits: SitemapLimits = {}): Promise<SitemapPlan> {
  const fixed = (await listingUrls(ctx, origin)).map((u) => ({ text: renderUrl(u), lastmod: u.lastmod }));
  const packer = new Packer<SitemapPage>(limits, (previous) => ({
    urls: 0,
    bytes: 0,
    lastmod: undefined,
    fixed: [previous?.fixed[1] ?? 0, previous?.fixed[1] ?? 0],
    items: null,
  }));
  for (const [i, u] of fixed.entries()) packer.add(Buffer.byteLength(u.text) + 1, u.lastmod).fixed[1] = i + 1;
  // the longest an image's address can be: media id, variants revision (int4), variant name ("social.webp", "12345.webp")
  const longestImage = `${origin}/api/v1/media/${'0'.repeat(36)}/variants/${'9'.repeat(10)}/${'x'.repeat(16)}`;
  let last: content.SitemapKey | null = null; // the last version placed in a file
  for await (const rows of itemRows(ctx, { after: null, until: null }, limits.batch ?? SITEMAP_BATCH)) {
    for (const row of rows) {
      const u = itemUrl(
        ctx,
        origin,
        row,
        row.mediaIds.slice(0, MAX_IMAGES).map(() => longestImage),
      );
      if (!u) continue;
      const before = packer.pages.length;
      const page = packer.add(Buffer.byteLength(renderUrl(u)) + 1, u.lastmod);
      if (packer.pages.length > before || !page.items) {
        // a new file begins with this version: the previous one ends with the last placed version
        const previous = packer.pages.length > before ? packer.pages[packer.pages.length - 2] : null;
        if (previous?.items) previous.items.until = last;
        page.items = { after: last, until: null };
      }
      last = row.key;
    }
  }
  return { fixed: fixed.map((u) => u.text), pages: packer.pages };
}

/** One file of the sitemap (1-based), rendered from its range of the plan. */
export async function renderSitemapPage(ctx: Context, origin: string, plan: SitemapPlan, n: number, limits: SitemapLimits = {}): Promise<string | null> {
  const page = plan.pages[n - 1];
  if (!page) return null;
  const urls = plan.fixed.slice(page.fixed[0], page.fixed[1]);
  if (page.items) {
    for await (const rows of itemRows(ctx, page.items, limits.batch ?? SITEMAP_BATCH)) {
      // the images' web variants, for the whole batch in a few queries
      const files = await mediaFiles(
        ctx,
        origin,
        rows.flatMap((r) => r.mediaIds),
      );
      for (const row of rows) {
        const u = itemUrl(
          ctx,
          origin,
          row,
          row.mediaIds.map((id) => files.get(id)?.image?.url).filter((x) => x !== undefined),
        );
        if (u) urls.push(renderUrl(u));
      }
    }
  }
  return renderUrlset(urls);
}
