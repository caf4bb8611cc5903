// Reading published clarifications (Art. 4) with the claim each one answers, as the reader may see them.
import type { Context } from '../../../../core/context.js';
import { Invalid } from '../../../../core/errors.js';
import { listClarifications } from '../clarifications.repo.js';
import { CLAIM_RATINGS } from '../../model.js';
import { readablePublishedVisibilities } from '../../policy.js';
import { MAX_PAGE } from './public-reading.js';

export type { ClarificationRow } from '../clarifications.repo.js';

export async function publishedClarifications(ctx: Context, input: { language: string; rating?: string; page?: number; pageSize?: number }) {
  const pageSize = Math.min(Math.max(input.pageSize ?? 12, 1), 100);
  const page = input.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw Invalid.field('page', 'field_format');
  if (input.rating && !(CLAIM_RATINGS as readonly string[]).includes(input.rating)) throw Invalid.field('rating', 'field_enum');
  const { rows, total } = await listClarifications(ctx.db, { visibilities: readablePublishedVisibilities(ctx.actor), language: input.language, rating: input.rating }, (page - 1) * pageSize, pageSize);
  return { items: rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
