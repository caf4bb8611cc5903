// Feeds of what is published, per language, topic and agency: RSS 2.0, Atom 1.0 and JSON Feed 1.1,
// the latest items the public may read, each with an enclosure for its media (an image's web
// variant, a video's or a document's file). Gathered through the services as an anonymous reader
// (like the portal's pages); rendered by hand with strict escaping.
import { escapeXml } from '../core/html.js';
import type { Context } from '../core/context.js';
import * as content from '../modules/content/service.js';
import * as media from '../modules/media/service.js';
import { agencyDirectory, siteInfo, topicMenu } from './data.js';
import { isoLocal } from './format.js';
import { wordsFor } from './i18n.js';
import { paths, type FeedFormat } from './urls.js';

export const FEED_SIZE = 50;

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

// ----- text

// Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, lone surrogates,
// U+FFFE/U+FFFF): dropped, or the document would not be well-formed.
/** Text for an XML element or attribute value. */
export const xml = escapeXml;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 822 (with a four-digit year, as RSS 2.0 expects), in the province's time: `Mon, 02 Mar 2026 09:00:00 +0700`. */
export function rfc822(date: Date): string {
  const l = new Date(date.getTime() + 7 * 3_600_000);
  return `${DAYS[l.getUTCDay()]}, ${pad(l.getUTCDate())} ${MONTHS[l.getUTCMonth()]} ${l.getUTCFullYear()} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())} +0700`;
}

/** RFC 3339 with +07:00 (Atom, JSON Feed, sitemaps). */
export const rfc3339 = isoLocal;

/** Root-relative links and image sources of stored rich text made absolute (feed readers have no base). */
export function absoluteLinks(html: string, origin: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`);
}

// ----- media

export interface Enclosure {
  url: string;
  type: string;
  length: number;
}

export interface FileFacts {
  kind: string;
  /** an image's web variant: a WebP at least 1024 wide, else the social crop, else the widest */
  image: Enclosure | null;
  /** the file itself, for videos and documents (images' originals are not for the public) */
  file: Enclosure | null;
}

/**
 * Files shown by published items the context's reader may see (ids from their published metadata),
 * by id: a few queries of at most 1,000 ids, however many items (missing or narrower files are left out).
 */
export async function mediaFiles(ctx: Context, origin: string, ids: string[]): Promise<Map<string, FileFacts>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, FileFacts>();
  for (let i = 0; i < unique.length; i += 1000) {
    for (const m of await media.mediaOfPublishedItem(ctx, unique.slice(i, i + 1000))) {
      let image: Enclosure | null = null;
      if (m.kind === 'image') {
        const webp = m.variants.filter((v) => v.format === 'webp');
        const widths = webp.filter((v) => !v.crop).sort((a, b) => a.width - b.width);
        const v = widths.find((w) => w.width >= 1024) ?? webp.find((w) => w.crop === 'social') ?? widths[widths.length - 1];
        if (v) image = { url: `${origin}${v.url}`, type: 'image/webp', length: v.size };
      }
      const file = m.kind !== 'image' && m.originalUrl ? { url: `${origin}${m.originalUrl}`, type: m.mime, length: m.size } : null;
      out.set(m.id, { kind: m.kind, image, file });
    }
  }
  return out;
}

// ----- gathering

export interface FeedEntry {
  /** stable across revisions and addresses: the language version's id */
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: string[];
  categories: Array<{ term: string; label: string; scheme: string }>;
  enclosure: Enclosure | null;
  image: string | null;
}

export interface Feed {
  language: string;
  title: string;
  description: string;
  /** the HTML page the feed follows */
  homeUrl: string;
  selfUrl: (format: FeedFormat) => string;
  author: string;
  icon: string;
  updated: Date;
  entries: FeedEntry[];
}

export type FeedScope = { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'agency'; slug: string };

/** What every feed of a language shares, which callers may keep per public generation. */
export interface FeedShared {
  agencies: Awaited<ReturnType<typeof agencyDirectory>>;
  topics: Awaited<ReturnType<typeof topicMenu>>['all'];
}

export async function feedShared(ctx: Context, language: string): Promise<FeedShared> {
  const words = wordsFor(language);
  return { agencies: await agencyDirectory(ctx, words), topics: (await topicMenu(ctx, words, language)).all };
}

/** The feed of one language (and topic or agency), or null when the topic or agency does not exist. */
export async function loadFeed(ctx: Context, origin: string, language: string, scope: FeedScope, shared?: FeedShared): Promise<Feed | null> {
  const words = wordsFor(language);
  const { agencies, topics } = shared ?? (await feedShared(ctx, language));
  const site = siteInfo(ctx, words, agencies.operator, origin);
  let filter: content.PublishedListInput = {};
  let title = site.name;
  let home = paths.home(language);
  let self = (f: FeedFormat) => paths.feed(language, f);
  if (scope.kind === 'topic') {
    const topic = [...topics.values()].find((tp) => tp.slug === scope.slug);
    if (!topic) return null;
    filter = { topicId: topic.id };
    title = `${topic.name} — ${site.name}`;
    home = paths.topic(language, topic.slug);
    self = (f) => paths.topicFeed(language, topic.slug, f);
  } else if (scope.kind === 'agency') {
    const agency = [...agencies.byId.values()].find((a) => a.slug === scope.slug);
    if (!agency) return null;
    filter = { agencyId: agency.id };
    title = `${agency.name} — ${site.name}`;
    home = paths.agency(language, agency.slug);
    self = (f) => paths.agencyFeed(language, agency.slug, f);
  }
  const cards = await content.listPublishedCards(ctx, { ...filter, language, pageSize: FEED_SIZE });
  // the texts and metadata of all entries in one query (versions taken down meanwhile are left out)
  const forms = await content.publishedFormsOf(
    ctx,
    cards.items.map((c) => c.id),
  );
  const pages = cards.items.map((card) => ({ card, found: forms.get(card.id) }));
  const shown = pages.flatMap(({ found }) =>
    found ? [...(found.metadata.media ?? []).map((r) => r.mediaId), ...(found.metadata.document?.fileId ? [found.metadata.document.fileId] : [])] : [],
  );
  const files = await mediaFiles(ctx, origin, shown);
  const entries = pages.map(({ card, found }): FeedEntry | null => {
    if (!found) return null; // taken down meanwhile
    const m = found.metadata;
    const attached = (m.media ?? []).map((r) => files.get(r.mediaId)).filter((f) => f !== undefined);
    const image = attached.find((f) => f.image)?.image ?? null;
    let enclosure: Enclosure | null = null;
    if (card.kind === 'video') enclosure = attached.find((f) => f.kind === 'video')?.file ?? null;
    else if (m.document?.fileId) enclosure = files.get(m.document.fileId)?.file ?? null;
    enclosure ??= image;
    const agencyName = agencies.byId.get(card.agencyId)?.name ?? '';
    return {
      id: `urn:uuid:${card.id}`,
      url: `${origin}${paths.item(language, card.itemId)}`,
      title: found.title,
      summary: found.summary,
      contentHtml: absoluteLinks(found.body, origin),
      published: new Date(card.firstPublishedAt ?? card.publishedAt),
      updated: new Date(card.publishedAt),
      authors: m.authors?.length ? m.authors : agencyName ? [agencyName] : [],
      categories: (m.topicIds ?? card.topicIds)
        .map((id) => topics.get(id))
        .filter((tp) => tp !== undefined)
        .map((tp) => ({ term: tp.slug, label: tp.name, scheme: `${origin}/${language}/topics/` })),
      enclosure,
      image: image?.url ?? null,
    };
  });
  const kept = entries.filter((e) => e !== null);
  return {
    language,
    title,
    description: words.t('tagline', { place: site.place }),
    homeUrl: `${origin}${home}`,
    selfUrl: (f) => `${origin}${self(f)}`,
    author: site.operator || site.name,
    icon: `${origin}/favicon.svg`,
    updated: kept.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0)),
    entries: kept,
  };
}

// ----- rendering

const GENERATOR = 'TTDN';

export function renderFeed(feed: Feed, format: FeedFormat, now: Date): string {
  return format === 'rss' ? renderRss(feed, now) : format === 'atom' ? renderAtom(feed, now) : renderJsonFeed(feed);
}

/** The feed's newest change, or now for an empty feed (Atom and RSS want a date). */
const updatedOf = (feed: Feed, now: Date) => (feed.entries.length ? feed.updated : now);

export function renderRss(feed: Feed, now: Date): string {
  const items = feed.entries.map((e) =>
    [
      '<item>',
      `<title>${xml(e.title)}</title>`,
      `<link>${xml(e.url)}</link>`,
      `<guid isPermaLink="false">${xml(e.id)}</guid>`,
      `<pubDate>${rfc822(e.published)}</pubDate>`,
      `<description>${xml(e.summary)}</description>`,
      `<content:encoded>${xml(e.contentHtml)}</content:encoded>`,
      ...e.authors.map((a) => `<dc:creator>${xml(a)}</dc:creator>`),
      ...e.categories.map((c) => `<category domain="${xml(c.scheme)}">${xml(c.label)}</category>`),
      ...(e.enclosure ? [`<enclosure url="${xml(e.enclosure.url)}" length="${e.enclosure.length}" type="${xml(e.enclosure.type)}"/>`] : []),
      '</item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${xml(feed.title)}</title>`,
    `<link>${xml(feed.homeUrl)}</link>`,
    `<description>${xml(feed.description)}</description>`,
    `<language>${xml(feed.language)}</language>`,
    `<lastBuildDate>${rfc822(updatedOf(feed, now))}</lastBuildDate>`,
    `<generator>${GENERATOR}</generator>`,
    `<atom:link href="${xml(feed.selfUrl('rss'))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function renderAtom(feed: Feed, now: Date): string {
  const entries = feed.entries.map((e) =>
    [
      '<entry>',
      `<id>${xml(e.id)}</id>`,
      `<title type="text">${xml(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(e.url)}"/>`,
      `<published>${rfc3339(e.published)}</published>`,
      `<updated>${rfc3339(e.updated)}</updated>`,
      ...e.authors.map((a) => `<author><name>${xml(a)}</name></author>`),
      ...e.categories.map((c) => `<category term="${xml(c.term)}" label="${xml(c.label)}" scheme="${xml(c.scheme)}"/>`),
      `<summary type="text">${xml(e.summary)}</summary>`,
      `<content type="html">${xml(e.contentHtml)}</content>`,
      ...(e.enclosure ? [`<link rel="enclosure" href="${xml(e.enclosure.url)}" type="${xml(e.enclosure.type)}" length="${e.enclosure.length}"/>`] : []),
      '</entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">`,
    `<id>${xml(feed.selfUrl('atom'))}</id>`,
    `<title type="text">${xml(feed.title)}</title>`,
    `<subtitle type="text">${xml(feed.description)}</subtitle>`,
    `<updated>${rfc3339(updatedOf(feed, now))}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl('atom'))}"/>`,
    `<link rel="alternate" type="text/html" hreflang="${xml(feed.language)}" href="${xml(feed.homeUrl)}"/>`,
    `<author><name>${xml(feed.author)}</name></author>`,
    `<generator>${GENERATOR}</generator>`,
    `<icon>${xml(feed.icon)}</icon>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function renderJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl('json'),
    description: feed.description,
    language: feed.language,
    favicon: feed.icon,
    authors: [{ name: feed.author }],
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      date_published: rfc3339(e.published),
      date_modified: rfc3339(e.updated),
      language: feed.language,
      ...(e.authors.length ? { authors: e.authors.map((name) => ({ name })) } : {}),
      ...(e.categories.length ? { tags: e.categories.map((c) => c.label) } : {}),
      ...(e.image ? { image: e.image } : {}),
      ...(e.enclosure ? { attachments: [{ url: e.enclosure.url, mime_type: e.enclosure.type, size_in_bytes: e.enclosure.length }] } : {}),
    })),
  });
}
