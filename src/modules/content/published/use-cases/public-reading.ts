// Reading what is published as a site does (the portal, feeds, sitemaps): lists of cards, an item's
// page in a language, what topics and languages hold. Everything goes through the read model (repo.ts
// and presentPublished), with the reader's published scope: anonymous readers see public content.
import type { Context } from '../../../../core/context.js';
import { Invalid } from '../../../../core/errors.js';
import { inPublishedScope, publishedScope } from '../../policy.js';
import { presentPublished, type PublishedCard, type PublishedForm } from '../present.js';
import * as published from '../repo.js';
import * as site from '../site.repo.js';

export type { PublishedCard, PublishedForm } from '../present.js';
export type { SitemapKey, SitemapRow } from '../site.repo.js';

export const MAX_PAGE = 500;

/** A page number within 1..MAX_PAGE, or a refusal naming `page`. */
export function checkedPage(page: number | undefined): number {
  const n = page ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw Invalid.field('page', 'field_format');
  return n;
}

const cards = (rows: published.PublishedCardRow[], ctx: Context) => rows.map((r) => presentPublished(r, { audience: publishedScope(ctx.actor) }));

export interface PublishedListInput {
  language?: string;
  kind?: string;
  kinds?: string[];
  topicId?: string;
  agencyId?: string;
  since?: Date;
  page?: number;
  pageSize?: number;
}

export async function listPublishedCards(ctx: Context, input: PublishedListInput) {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100);
  const page = checkedPage(input.page);
  const filter: published.CardFilter = {
    scope: publishedScope(ctx.actor),
    language: input.language,
    kind: input.kind,
    kinds: input.kinds,
    topicId: input.topicId,
    agencyId: input.agencyId,
    updatedSince: input.since,
  };
  const offset = (page - 1) * pageSize;
  const rows = await published.cardsPage(ctx.db, filter, offset, pageSize);
  // a page that is not full (and not past the end) tells the total: no count needed
  const total = rows.length < pageSize && (rows.length > 0 || offset === 0) ? offset + rows.length : await published.countCards(ctx.db, filter);
  return { items: cards(rows, ctx), total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A section of a page made of several lists (see `publishedSections`). */
export interface PublishedSectionInput {
  key: string;
  language?: string;
  kinds?: string[];
  topicId?: string;
  agencyId?: string;
  limit: number;
}

/** Several lists of the newest published cards the reader may see, in one query: section key → cards, newest first. */
export async function publishedSections(ctx: Context, sections: PublishedSectionInput[]): Promise<Map<string, PublishedCard[]>> {
  const rows = await published.cardSections(
    ctx.db,
    publishedScope(ctx.actor),
    sections.map((s) => ({
      key: s.key,
      filter: { language: s.language, kinds: s.kinds, topicId: s.topicId, agencyId: s.agencyId },
      limit: Math.min(Math.max(s.limit, 1), 100),
    })),
  );
  return new Map([...rows].map(([key, list]) => [key, cards(list, ctx)]));
}

/** Newest published items sharing a topic with this one (same language), for "related". */
export async function relatedPublished(ctx: Context, itemId: string, language: string, topicIds: string[], limit = 4): Promise<PublishedCard[]> {
  if (!topicIds.length) return [];
  // no count: only the cards are needed
  const rows = await published.cardsPage(ctx.db, { scope: publishedScope(ctx.actor), language, topicId: topicIds[0] }, 0, limit + 1);
  return cards(rows.filter((c) => c.itemId !== itemId).slice(0, limit), ctx);
}

/** The published forms of several versions the reader may see, in one query: version id → form (others left out). For feeds. */
export async function publishedFormsOf(ctx: Context, versionIds: string[]): Promise<Map<string, PublishedForm>> {
  const scope = publishedScope(ctx.actor);
  const rows = await published.publishedForms(ctx.db, versionIds);
  return new Map(rows.filter((f) => inPublishedScope(scope, f.visibility, f.agencyId)).map((f) => [f.versionId, presentPublished(f, { audience: scope })]));
}

export type PublishedPage =
  | { status: 'ok'; form: PublishedForm }
  | { status: 'gone' }
  /** `languages`: the item is published in these other languages the reader may see */
  | { status: 'missing'; languages?: string[] };

/**
 * One item in one language as the reader may see it: 'ok' with its published form, 'gone' once it
 * was published and has been taken down (410), or 'missing' (404: never published, or not for this reader).
 */
export async function publishedPage(ctx: Context, itemId: string, language: string): Promise<PublishedPage> {
  if (!/^[0-9a-f-]{36}$/.test(itemId)) return { status: 'missing' };
  const scope = publishedScope(ctx.actor);
  const form = await published.publishedFormOf(ctx.db, itemId, language);
  if (form && inPublishedScope(scope, form.visibility, form.agencyId)) return { status: 'ok', form: presentPublished(form, { audience: scope }) };
  const versions = await published.versionsStatus(ctx.db, itemId);
  const version = versions.find((v) => v.language === language);
  if (!version)
    return versions.length
      ? { status: 'missing', languages: versions.filter((v) => inPublishedScope(scope, v.pubVisibility, v.agencyId)).map((v) => v.language) }
      : { status: 'missing' };
  // it was online once and has been withdrawn: say so (410), unless it was never for this reader
  // (the item's current visibility stands for the withdrawn one: an internal item answers 404)
  const withdrawn = version.everPublished && version.pubVisibility === null && inPublishedScope(scope, version.visibility, version.agencyId);
  return { status: withdrawn ? 'gone' : 'missing' };
}

/** Topics (not archived, in the taxonomy's order) with how many versions the reader may see are published in the language. */
export async function publishedTopicList(ctx: Context, language: string) {
  return site.topicsWithCounts(ctx.db, publishedScope(ctx.actor), language);
}

/** Languages with something published for this reader, in the configured order. */
export async function publishedLanguageList(ctx: Context): Promise<string[]> {
  const present = new Set((await site.publishedLanguages(ctx.db, publishedScope(ctx.actor))).map((r) => r.language));
  return ctx.config.contentLanguages.filter((l) => present.has(l));
}

/**
 * Published versions the reader may see for the sitemap, newest first, each with its item's other
 * readable languages: a keyset page after `after` (exclusive) and down to `until` (inclusive).
 */
export async function listPublishedForSitemap(ctx: Context, range: { after?: site.SitemapKey | null; until?: site.SitemapKey | null }, limit: number) {
  return site.sitemapRows(ctx.db, publishedScope(ctx.actor), range, Math.min(Math.max(limit, 1), 10_000));
}

/** When listings last changed, as the reader sees them: `language` → date, `kind|{kind}|{language}`, `agency|{id}|{language}`, `topic|{id}|{language}` → date. */
export async function publishedListingDates(ctx: Context): Promise<Map<string, Date>> {
  const rows = await site.newestPerListing(ctx.db, publishedScope(ctx.actor));
  return new Map(rows.map((r) => [r.scope === 'language' ? r.language : `${r.scope}|${r.key}|${r.language}`, r.at]));
}
