// Reading what is published, as readers outside the agencies do (the portal, feeds, sitemaps):
// only published versions, only the visibilities the reader may see (anonymous: public).
import type { Context } from '../../../core/context.js';
import { Forbidden, Invalid } from '../../../core/errors.js';
import { bumpPublicGeneration } from '../../../db/public-generation.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { contentPolicy, readablePublishedVisibilities } from '../policy.js';
import * as pub from '../public.repo.js';
import * as repo from '../repo.js';
import { publishedMetadata, snapshotOf } from './internal.js';

export type { PublishedCard } from '../public.repo.js';

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
  const [items, total] = await Promise.all([pub.listPublished(ctx.db, filter, (page - 1) * pageSize, pageSize), pub.countPublished(ctx.db, filter)]);
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
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
      metadata: import('../model.js').ItemMetadata;
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
  const item = await repo.findItem(ctx.db, itemId);
  if (!item) return { status: 'missing' };
  const versions = await repo.versionsOfItem(ctx.db, item.id);
  const version = versions.find((v) => v.language === language);
  if (!version) return { status: 'missing', languages: versions.filter((v) => contentPolicy.readPublished(ctx.actor, v)).map((v) => v.language) };
  if (!contentPolicy.readPublished(ctx.actor, version)) {
    // it was online once and has been withdrawn: say so (410), unless it was never for this reader
    // (the item's current visibility stands for the withdrawn one: an internal item answers 404)
    const wasPublic = Boolean(version.firstPublishedAt) && !version.publishedRevisionId && readablePublishedVisibilities(ctx.actor).includes(version.visibility as never);
    return { status: wasPublic ? 'gone' : 'missing' };
  }
  const source = versions.find((v) => v.isSource) ?? version;
  const rev = (await repo.findRevision(ctx.db, version.publishedRevisionId!))!;
  const metadata = (await publishedMetadata(ctx.db, source)) ?? {};
  const translations = versions.filter((v) => v.id !== version.id && contentPolicy.readPublished(ctx.actor, v)).map((v) => ({ language: v.language, versionId: v.id }));
  return { status: 'ok', version, item, text: snapshotOf(rev).text, metadata, translations };
}

/** Newest published items sharing a topic with this one (same language), for "related". */
export async function relatedPublished(ctx: Context, itemId: string, language: string, topicIds: string[], limit = 4) {
  if (!topicIds.length) return [];
  const r = await listPublishedCards(ctx, { language, topicId: topicIds[0], pageSize: limit + 1 });
  return r.items.filter((c) => c.itemId !== itemId).slice(0, limit);
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
  return pub.publishedCardsOfItems(ctx.db, await pub.highlightedItemIds(ctx.db), { visibilities: readablePublishedVisibilities(ctx.actor), language });
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
      if (!versions.some((v) => v.state === 'published' && v.pubVisibility === 'public')) throw Invalid.field(`itemIds/${i}`, 'not_online');
    }
    const before = await pub.highlightedItemIds(tx.db);
    await pub.replaceHighlights(tx.db, ids, ctx.actor.label, ctx.clock.now());
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: 'highlights.set', targetType: 'highlights', data: { before, after: ids } });
    return ids;
  });
}
