// Reading what is published, as readers outside the agencies do (the portal, feeds, sitemaps):
// only published versions, only the visibilities the reader may see (anonymous: public).
import type { Context } from '../../../../core/context.js';
import { Forbidden, Invalid } from '../../../../core/errors.js';
import { bumpPublicGeneration } from '../../../../db/public-generation.js';
import { withTransaction } from '../../../../db/transaction.js';
import { recordAuditEvent } from '../../../audit/service.js';
import { contentPolicy, readablePublishedVisibilities } from '../../policy.js';
import * as pub from '../listings.repo.js';
import * as repo from '../../editorial/repo.js';
import type { Snapshot } from '../../model.js';

export type { PublishedCard } from '../listings.repo.js';

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

export const MAX_PAGE = 500;

export async function listPublishedCards(ctx: Context, input: PublishedListInput) {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100);
  const page = input.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw Invalid.field('page', 'field_format');
  const filter: pub.PublishedFilter = { visibilities: readablePublishedVisibilities(ctx.actor), language: input.language, kind: input.kind, kinds: input.kinds, topicId: input.topicId, agencyId: input.agencyId, since: input.since };
  const offset = (page - 1) * pageSize;
  const items = await pub.listPublished(ctx.db, filter, offset, pageSize);
  // a page that is not full (and not past the end) tells the total: no count needed
  const total = items.length < pageSize && (items.length > 0 || offset === 0) ? offset + items.length : await pub.countPublished(ctx.db, filter);
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
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
export async function publishedSections(ctx: Context, sections: PublishedSectionInput[]): Promise<Map<string, pub.PublishedCard[]>> {
  return pub.publishedSections(
    ctx.db,
    readablePublishedVisibilities(ctx.actor),
    sections.map((s) => ({ key: s.key, filter: { language: s.language, kinds: s.kinds, topicId: s.topicId, agencyId: s.agencyId }, limit: Math.min(Math.max(s.limit, 1), 100) })),
  );
}

/** Topics (not archived, in the taxonomy's order) with how many versions the reader may see are published in the language. */
export async function publishedTopicList(ctx: Context, language: string) {
  return pub.topicsWithCounts(ctx.db, { visibilities: readablePublishedVisibilities(ctx.actor), language });
}

export interface PublishedEntryText {
  text: { title: string; summary: string; body: string };
  metadata: import('../../model.js').ItemMetadata;
}

/**
 * The text and published metadata of several published versions, as `publishedPage` gives them for
 * an 'ok' page, in one query: version id → entry (versions the reader may not see, or no longer
 * published, are left out). For feeds.
 */
export async function publishedTexts(ctx: Context, versionIds: string[]): Promise<Map<string, PublishedEntryText>> {
  const rows = await pub.publishedTexts(ctx.db, [...new Set(versionIds)], readablePublishedVisibilities(ctx.actor));
  return new Map(rows.map((r) => [r.versionId, { text: r.text, metadata: (r.metadata ?? {}) as import('../../model.js').ItemMetadata }]));
}

export type { SitemapKey, SitemapRow } from '../listings.repo.js';

/**
 * Published versions the reader may see for the sitemap, newest first, each with its item's other
 * readable languages: a keyset page after `after` (exclusive) and down to `until` (inclusive).
 */
export async function listPublishedForSitemap(ctx: Context, range: { after?: pub.SitemapKey | null; until?: pub.SitemapKey | null }, limit: number) {
  return pub.sitemapRows(ctx.db, readablePublishedVisibilities(ctx.actor), range, Math.min(Math.max(limit, 1), 10_000));
}

/** When listings last changed, as the reader sees them: `language` → date, `kind|{kind}|{language}`, `agency|{id}|{language}`, `topic|{id}|{language}` → date. */
export async function publishedListingDates(ctx: Context): Promise<Map<string, Date>> {
  const rows = await pub.newestPerListing(ctx.db, readablePublishedVisibilities(ctx.actor));
  return new Map(rows.map((r) => [r.scope === 'language' ? r.language : `${r.scope}|${r.key}|${r.language}`, r.at]));
}

/** Languages with something published for this reader, in the configured order. */
export async function publishedLanguageList(ctx: Context): Promise<string[]> {
  const rows = await pub.publishedLanguages(ctx.db, readablePublishedVisibilities(ctx.actor));
  const present = new Set(rows.map((r) => r.language));
  return ctx.config.contentLanguages.filter((l) => present.has(l));
}

export async function publishedTopicCounts(ctx: Context, language: string): Promise<Map<string, number>> {
  const rows = await pub.countsByTopic(ctx.db, { visibilities: readablePublishedVisibilities(ctx.actor), language });
  return new Map(rows.map((r) => [r.topicId, Number(r.n)]));
}

export type PublishedPage =
  | {
      status: 'ok';
      version: repo.VersionRow;
      item: repo.ItemRow;
      text: { title: string; summary: string; body: string };
      metadata: import('../../model.js').ItemMetadata;
      /** other languages of the item the reader may see: versionId per language */
      translations: Array<{ language: string; versionId: string }>;
    }
  | { status: 'gone' }
  /** `languages`: the item is published in these other languages the reader may see */
  | { status: 'missing'; languages?: string[] };

/**
 * One item in one language as the public sees it: 'ok', 'gone' once it was published and has been
 * taken down (410), or 'missing' (404: never published, or not for this reader).
 */
export async function publishedPage(ctx: Context, itemId: string, language: string): Promise<PublishedPage> {
  if (!/^[0-9a-f-]{36}$/.test(itemId)) return { status: 'missing' };
  // the item, its versions and the two published snapshots needed (this language's, the source's) in one query
  const rows = await pub.itemWithVersions(ctx.db, itemId, language);
  if (!rows.length) return { status: 'missing' };
  const item = rows[0].item;
  const snapshots = new Map(rows.flatMap((r) => (r.version && r.snapshot ? [[r.version.id, r.snapshot] as const] : [])));
  const versions = rows
    .map((r) => r.version)
    .filter((v): v is repo.VersionRow => v !== null)
    .sort((a, b) => Number(b.isSource) - Number(a.isSource) || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
  const version = versions.find((v) => v.language === language);
  if (!version) return { status: 'missing', languages: versions.filter((v) => contentPolicy.readPublished(ctx.actor, v)).map((v) => v.language) };
  if (!contentPolicy.readPublished(ctx.actor, version)) {
    // it was online once and has been withdrawn: say so (410), unless it was never for this reader
    // (the item's current visibility stands for the withdrawn one: an internal item answers 404)
    const wasPublic = Boolean(version.firstPublishedAt) && !version.publishedRevisionId && readablePublishedVisibilities(ctx.actor).includes(version.visibility as never);
    return { status: wasPublic ? 'gone' : 'missing' };
  }
  const source = versions.find((v) => v.isSource) ?? version;
  const snapshot = snapshots.get(version.id) as unknown as Snapshot;
  const metadata = (source.publishedRevisionId ? (snapshots.get(source.id) as unknown as Snapshot).metadata : null) ?? {};
  const translations = versions.filter((v) => v.id !== version.id && contentPolicy.readPublished(ctx.actor, v)).map((v) => ({ language: v.language, versionId: v.id }));
  return { status: 'ok', version, item, text: snapshot.text, metadata, translations };
}

/** Newest published items sharing a topic with this one (same language), for "related". */
export async function relatedPublished(ctx: Context, itemId: string, language: string, topicIds: string[], limit = 4) {
  if (!topicIds.length) return [];
  // no count: only the cards are needed
  const cards = await pub.listPublished(ctx.db, { visibilities: readablePublishedVisibilities(ctx.actor), language, topicId: topicIds[0] }, 0, limit + 1);
  return cards.filter((c) => c.itemId !== itemId).slice(0, limit);
}

export interface DocumentLibraryInput {
  language: string;
  documentType?: string;
  issuer?: string;
  year?: number;
  number?: string;
  page?: number;
  pageSize?: number;
}

/** The document library: published documents with their facts, filtered, 20 a page. */
export async function documentLibrary(ctx: Context, input: DocumentLibraryInput) {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100);
  const page = input.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw Invalid.field('page', 'field_format');
  const visibilities = readablePublishedVisibilities(ctx.actor);
  const { rows, total } = await pub.listDocuments(ctx.db, { visibilities, language: input.language, documentType: input.documentType, issuer: input.issuer?.slice(0, 200), year: input.year, number: input.number?.slice(0, 100) }, (page - 1) * pageSize, pageSize);
  const facets = await pub.documentFacets(ctx.db, visibilities, input.language);
  return { items: rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)), facets };
}

export const MAX_HIGHLIGHTS = 12;

/** The DIC's highlights, as the reader may see them in one language. */
export async function highlightedCards(ctx: Context, language: string) {
  return pub.highlightedCards(ctx.db, { visibilities: readablePublishedVisibilities(ctx.actor), language });
}

/** The highlights as the appraisers manage them: item ids in order. */
export async function highlightList(ctx: Context): Promise<string[]> {
  return pub.highlightedItemIds(ctx.db);
}

/** The DIC chooses what the portal's home puts forward: items with something published publicly. */
export async function setHighlights(ctx: Context, itemIds: string[]): Promise<string[]> {
  if (!contentPolicy.appraise(ctx.actor)) throw new Forbidden();
  const ids = [...new Set(itemIds)];
  if (ids.length > MAX_HIGHLIGHTS) throw Invalid.field('itemIds', 'field_too_long', { max: MAX_HIGHLIGHTS });
  return withTransaction(ctx, async (tx) => {
    for (const [i, id] of ids.entries()) {
      const versions = await repo.versionsOfItem(tx.db, id);
      if (!versions.some((v) => v.pubVisibility === 'public')) throw Invalid.field(`itemIds/${i}`, 'not_online');
    }
    const before = await pub.highlightedItemIds(tx.db);
    await pub.replaceHighlights(tx.db, ids, ctx.actor.label, ctx.clock.now());
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: 'highlights.set', targetType: 'highlights', data: { before, after: ids } });
    return ids;
  });
}
