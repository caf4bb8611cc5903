// What the portal's pages show, gathered through the areas' services as an anonymous reader:
// nothing here can see more than the public API would.
import type { Context } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import * as content from '../modules/content/service.js';
import * as media from '../modules/media/service.js';
import type { Words } from './i18n.js';

export interface SiteInfo {
  name: string;
  place: string;
  operator: string;
  origin: string;
}

export interface TopicLink {
  id: string;
  slug: string;
  name: string;
  count: number;
}

export interface AgencyLink {
  id: string;
  slug: string;
  name: string;
  website: string | null;
}

/** Agencies by id in the page's words, and the operator's name (the footer's). */
export interface AgencyDirectory {
  byId: Map<string, AgencyLink>;
  operator: string;
}

/** Topics in the taxonomy's order: `menu` those with something published in the language, `all` by id. */
export interface TopicMenu {
  menu: TopicLink[];
  all: Map<string, TopicLink>;
}

/** An agency as its page and the directory show it. */
export interface AgencyEntry {
  id: string;
  slug: string;
  name: string;
  otherName: string;
  description: string;
  parent: { slug: string; name: string } | null;
  children: Array<{ slug: string; name: string }>;
  contact: { address?: string; phone?: string; email?: string; website?: string };
}

export interface Picture {
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
}

export interface MediaView {
  id: string;
  kind: 'image' | 'video' | 'document';
  caption: string;
  alt: string;
  picture: Picture | null;
  /** the social crop (1200×630), for cards and og:image */
  card: string | null;
  fileUrl: string | null;
  mime: string;
  size: number;
  fileName: string;
  width: number | null;
  height: number | null;
  sha256: string;
  /** where crops centre (0..1), for object-position */
  focal: { x: number; y: number };
  credit: { authors: string[]; licence: string | null; copyrightHolder: string };
}

export function siteInfo(ctx: Context, words: Words, operatorName: string, origin: string): SiteInfo {
  const place = words.lang === 'vi' ? ctx.config.jurisdiction.nameVi : ctx.config.jurisdiction.nameEn;
  return { name: words.t('siteName', { place }), place, operator: operatorName, origin };
}

export async function agencyDirectory(ctx: Context, words: Words): Promise<AgencyDirectory> {
  const rows = await accounts.listAgencies(ctx, {});
  const byId = new Map(
    rows.map((a) => [a.id, { id: a.id, slug: a.slug, name: words.lang === 'vi' ? a.nameVi : a.nameEn, website: a.contact?.website ?? null }]),
  );
  const op = rows.find((a) => a.isOperator);
  return { byId, operator: op ? (words.lang === 'vi' ? op.nameVi : op.nameEn) : '' };
}

/** Topics that have something published in the language, in the taxonomy's order. */
export async function topicMenu(ctx: Context, words: Words, language: string): Promise<TopicMenu> {
  const topics = await content.publishedTopicList(ctx, language); // with their counts, in one query
  const all = new Map(topics.map((tp) => [tp.id, { id: tp.id, slug: tp.slug, name: words.lang === 'vi' ? tp.nameVi : tp.nameEn, count: tp.count }]));
  return { menu: [...all.values()].filter((tp) => tp.count > 0), all };
}

function pictureOf(m: media.ShownFile, alt: string): Picture | null {
  if (m.kind !== 'image') return null;
  const widths = m.variants.filter((v) => !v.crop && v.format === 'webp').sort((a, b) => a.width - b.width);
  if (!widths.length) return null;
  const largest = widths[widths.length - 1];
  const middle = widths.find((v) => v.width >= 1024) ?? largest;
  return { src: middle.url, srcset: widths.map((v) => `${v.url} ${v.width}w`).join(', '), width: middle.width, height: middle.height, alt };
}

/**
 * Files of a published item as the public may see them (missing or narrower files are left out).
 * The ids must come from the published metadata of an item the reader may see.
 */
export async function mediaViews(ctx: Context, refs: Array<{ mediaId: string; caption?: Record<string, string> }>, language: string): Promise<MediaView[]> {
  const files = new Map(
    (
      await media.mediaOfPublishedItem(
        ctx,
        refs.map((r) => r.mediaId),
      )
    ).map((m) => [m.id, m]),
  );
  const out: MediaView[] = [];
  for (const ref of refs) {
    const m = files.get(ref.mediaId);
    if (!m) continue;
    const alt = m.alt[language] ?? '';
    out.push({
      id: m.id,
      kind: m.kind,
      caption: ref.caption?.[language] ?? m.caption[language] ?? '',
      alt,
      picture: pictureOf(m, alt),
      card: m.variants.find((v) => v.name === 'social.webp')?.url ?? null,
      // an image's original is not for the public; videos and documents are their own content
      fileUrl: m.kind === 'image' ? null : m.originalUrl,
      mime: m.mime,
      size: m.size,
      fileName: m.fileName,
      width: m.width,
      height: m.height,
      sha256: m.sha256,
      focal: m.focalPoint,
      credit: { authors: m.authors, licence: m.licence, copyrightHolder: m.copyrightHolder },
    });
  }
  return out;
}

export interface CardView {
  itemId: string;
  kind: string;
  title: string;
  summary: string;
  publishedAt: Date;
  agency: AgencyLink | null;
  image: { src: string; alt: string } | null;
}

/** Cards for listings: the first image's social crop when there is one (one query for all cards). */
export async function cardViews(ctx: Context, cards: content.PublishedCard[], agencies: Map<string, AgencyLink>, language: string): Promise<CardView[]> {
  const views = new Map(
    (
      await mediaViews(
        ctx,
        cards.flatMap((c) => c.mediaIds.slice(0, 3).map((mediaId) => ({ mediaId }))),
        language,
      )
    ).map((v) => [v.id, v]),
  );
  return cards.map((c) => {
    const first = c.mediaIds
      .slice(0, 3)
      .map((id) => views.get(id))
      .find((v) => v?.card);
    return {
      itemId: c.itemId,
      kind: c.kind,
      title: c.title,
      summary: c.summary,
      publishedAt: new Date(c.publishedAt),
      agency: agencies.get(c.agencyId) ?? null,
      image: first?.card ? { src: first.card, alt: first.alt } : null,
    };
  });
}

export interface HomeSections {
  highlights: CardView[];
  latest: CardView[];
  visual: CardView[];
  byTopic: Array<{ topic: TopicLink; cards: CardView[] }>;
}

/**
 * What the home page lists — the DIC's highlights, the latest 6, the latest 3 photo albums and
 * videos, the latest 3 of each of the first 6 topics of the menu — in three queries (the lists,
 * the highlights, their files) instead of two or three per list.
 */
export async function homeSections(ctx: Context, agencies: Map<string, AgencyLink>, language: string, menu: TopicLink[]): Promise<HomeSections> {
  const topics = menu.slice(0, 6);
  const [lists, highlighted] = await Promise.all([
    content.publishedSections(ctx, [
      { key: 'latest', language, limit: 6 },
      { key: 'visual', language, kinds: ['photo_album', 'video'], limit: 3 },
      ...topics.map((tp) => ({ key: `topic:${tp.id}`, language, topicId: tp.id, limit: 3 })),
    ]),
    content.highlightedCards(ctx, language),
  ]);
  const groups = [highlighted, lists.get('latest')!, lists.get('visual')!, ...topics.map((tp) => lists.get(`topic:${tp.id}`)!)];
  // one query for the files of every card on the page
  const views = await cardViews(ctx, groups.flat(), agencies, language);
  const out: CardView[][] = [];
  let at = 0;
  for (const g of groups) {
    out.push(views.slice(at, at + g.length));
    at += g.length;
  }
  const [highlights, latest, visual, ...byTopic] = out;
  return { highlights, latest, visual, byTopic: topics.map((topic, i) => ({ topic, cards: byTopic[i] })) };
}

/** Every active agency with its description, contacts, parent and units, in the page's words. */
export async function agencyEntries(ctx: Context, words: Words): Promise<Map<string, AgencyEntry>> {
  const rows = await accounts.listAgencies(ctx, {});
  const vi = words.lang === 'vi';
  const name = (a: (typeof rows)[number]) => (vi ? a.nameVi : a.nameEn);
  const bySlug = new Map<string, AgencyEntry>(
    rows.map((a) => {
      const parent = a.parentId ? rows.find((p) => p.id === a.parentId) : undefined;
      return [
        a.slug,
        {
          id: a.id,
          slug: a.slug,
          name: name(a),
          otherName: vi ? a.nameEn : a.nameVi,
          description: vi ? a.descriptionVi : a.descriptionEn || a.descriptionVi,
          parent: parent ? { slug: parent.slug, name: name(parent) } : null,
          children: rows.filter((c) => c.parentId === a.id).map((c) => ({ slug: c.slug, name: name(c) })),
          contact: a.contact ?? {},
        },
      ];
    }),
  );
  return bySlug;
}
