// The site's libraries of one kind with one fact of each item's published metadata: documents with
// their number, issuer and dates; clarifications (Art. 4) with the claim each one answers.
import { sql } from 'drizzle-orm';
import type { Context } from '../../../../core/context.js';
import { Invalid } from '../../../../core/errors.js';
import { CLAIM_RATINGS, type ClaimFields } from '../../model.js';
import { publishedScope } from '../../policy.js';
import { presentPublished, type PublishedCard } from '../present.js';
import * as published from '../repo.js';
import { checkedPage } from './public-reading.js';

export interface DocumentFacts {
  number?: string;
  issuingBody?: string;
  issueDate?: string;
  effectiveDate?: string;
  signer?: string;
  documentType?: string;
  fileId?: string;
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

const likeArg = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;
const pageSizeOf = (n: number | undefined, fallback: number) => Math.min(Math.max(n ?? fallback, 1), 100);
const withFact = <T>(ctx: Context, rows: Array<published.CardWithFact<T>>) =>
  rows.map(({ fact, ...card }) => ({ ...presentPublished(card, { audience: publishedScope(ctx.actor) }), fact }));

/** The document library: published documents with their facts, filtered, newest issue date first, 20 a page. */
export async function documentLibrary(ctx: Context, input: DocumentLibraryInput) {
  const pageSize = pageSizeOf(input.pageSize, 20);
  const page = checkedPage(input.page);
  const scope = publishedScope(ctx.actor);
  const issuer = input.issuer?.slice(0, 200);
  const number = input.number?.slice(0, 100);
  const { rows, total } = await published.cardsWithFact<DocumentFacts>(
    ctx.db,
    {
      scope,
      kind: 'document',
      language: input.language,
      conditions: (doc) => [
        ...(input.documentType ? [sql`${doc}->>'documentType' = ${input.documentType}`] : []),
        ...(issuer ? [sql`public.f_unaccent(lower(${doc}->>'issuingBody')) LIKE public.f_unaccent(lower(${likeArg(issuer)}))`] : []),
        ...(number ? [sql`lower(${doc}->>'number') LIKE lower(${likeArg(number)})`] : []),
        ...(input.year ? [sql`left(${doc}->>'issueDate', 4) = ${String(input.year)}`] : []),
      ],
      order: (doc) => sql`${doc}->>'issueDate' DESC NULLS LAST, v.published_at DESC`,
    },
    (page - 1) * pageSize,
    pageSize,
  );
  const facets = await published.documentFacets(ctx.db, scope, input.language);
  const years = [...new Set(facets.map((r) => r.year).filter((y): y is string => Boolean(y)))].sort().reverse();
  const issuers = [...new Set(facets.map((r) => r.issuer).filter((y): y is string => Boolean(y)))].sort((a, b) => a.localeCompare(b, 'vi'));
  const items: Array<PublishedCard & { document: DocumentFacts }> = withFact(ctx, rows).map(({ fact, ...card }) => ({ ...card, document: fact }));
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)), facets: { years, issuers } };
}

/** Published clarifications with the claim each answers, newest first, filterable by rating, 12 a page. */
export async function publishedClarifications(ctx: Context, input: { language: string; rating?: string; page?: number; pageSize?: number }) {
  const pageSize = pageSizeOf(input.pageSize, 12);
  const page = checkedPage(input.page);
  if (input.rating && !(CLAIM_RATINGS as readonly string[]).includes(input.rating)) throw Invalid.field('rating', 'field_enum');
  const { rows, total } = await published.cardsWithFact<ClaimFields>(
    ctx.db,
    {
      scope: publishedScope(ctx.actor),
      kind: 'clarification',
      language: input.language,
      conditions: (claim) => (input.rating ? [sql`${claim}->>'rating' = ${input.rating}`] : []),
      order: () => sql`v.published_at DESC, v.id DESC`,
    },
    (page - 1) * pageSize,
    pageSize,
  );
  const items: Array<PublishedCard & { claim: ClaimFields }> = withFact(ctx, rows).map(({ fact, ...card }) => ({ ...card, claim: fact }));
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
