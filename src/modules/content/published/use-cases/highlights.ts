// The DIC's highlights on the portal's home page: chosen by appraisers, read by everyone as cards.
import type { Context } from '../../../../core/context.js';
import { Forbidden, Invalid } from '../../../../core/errors.js';
import { bumpPublicGeneration } from '../../../../db/public-generation.js';
import { withTransaction } from '../../../../db/transaction.js';
import { recordAuditEvent } from '../../../audit/service.js';
import * as editorial from '../../editorial/repo.js';
import { contentPolicy, publishedScope } from '../../policy.js';
import { presentPublished, type PublishedCard } from '../present.js';
import * as published from '../repo.js';
import * as site from '../site.repo.js';

export const MAX_HIGHLIGHTS = 12;

/** The DIC's highlights, as the reader may see them in one language. */
export async function highlightedCards(ctx: Context, language: string): Promise<PublishedCard[]> {
  const audience = publishedScope(ctx.actor);
  return (await published.highlightedCards(ctx.db, audience, language)).map((r) => presentPublished(r, { audience }));
}

/**
 * The highlights in one language: the cards the reader may see, and the item ids in order — all of
 * them for the appraisers who manage the list, those of the cards for everyone else.
 */
export async function highlightsIn(ctx: Context, language: string): Promise<{ itemIds: string[]; cards: PublishedCard[] }> {
  const cards = await highlightedCards(ctx, language);
  const itemIds = contentPolicy.appraise(ctx.actor) ? await site.highlightedItemIds(ctx.db) : cards.map((c) => c.itemId);
  return { itemIds, cards };
}

/** The DIC chooses what the portal's home puts forward: items with something published publicly. */
export async function setHighlights(ctx: Context, itemIds: string[]): Promise<string[]> {
  if (!contentPolicy.appraise(ctx.actor)) throw new Forbidden();
  const ids = [...new Set(itemIds)];
  if (ids.length > MAX_HIGHLIGHTS) throw Invalid.field('itemIds', 'field_too_long', { max: MAX_HIGHLIGHTS });
  return withTransaction(ctx, async (tx) => {
    for (const [i, id] of ids.entries()) {
      const versions = await editorial.versionsOfItem(tx.db, id);
      if (!versions.some((v) => v.pubVisibility === 'public')) throw Invalid.field(`itemIds/${i}`, 'not_online');
    }
    const before = await site.highlightedItemIds(tx.db);
    await site.replaceHighlights(tx.db, ids, ctx.actor.label, ctx.clock.now());
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: 'highlights.set', targetType: 'highlights', data: { before, after: ids } });
    return ids;
  });
}
