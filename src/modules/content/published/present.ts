// The published read model's one presenter: rows of repo.ts → the shapes every consumer reads (the
// open API's list rows and published forms, the portal's view models, feeds, sitemaps, the changes
// stream's data, webhooks, the national export). Nothing outside this file shapes a published row.
import { Invalid } from '../../../core/errors.js';
import type { ItemMetadata } from '../model.js';
import { inPublishedScope, type PublishedScope } from '../policy.js';
import type { PublishedCardRow, PublishedFormRow } from './repo.js';

const iso = (d: Date) => new Date(d).toISOString();

/** Who reads: the reader's published scope decides which other languages of an item a form lists. */
export interface PresentOptions {
  audience: PublishedScope;
}

/** A version online as lists show it (the open API's list row picks its fields from this). */
export interface PublishedCard {
  id: string;
  itemId: string;
  agencyId: string;
  kind: string;
  language: string;
  isSource: boolean;
  title: string;
  summary: string;
  visibility: string;
  topicIds: string[];
  /** files the published revision uses, in order (cards show the first picture) */
  mediaIds: string[];
  activityDate: string | null;
  publishedAt: string;
  firstPublishedAt: string;
  contentHash: string | null;
}

/** A language version as published (GET /item-versions/{id}/published, /published/{itemId}/{language}), with the translations the reader may see. */
export interface PublishedForm {
  id: string;
  itemId: string;
  agencyId: string;
  kind: string;
  language: string;
  sourceLanguage: string;
  title: string;
  summary: string;
  body: string;
  metadata: ItemMetadata & Record<string, unknown>;
  publishedAt: string;
  firstPublishedAt: string;
  revision: number;
  contentHash: string;
  translations: Array<{ id: string; language: string }>;
}

export function presentPublished(row: PublishedFormRow, opts: PresentOptions): PublishedForm;
export function presentPublished(row: PublishedCardRow, opts: PresentOptions): PublishedCard;
export function presentPublished(row: PublishedCardRow | PublishedFormRow, opts: PresentOptions): PublishedCard | PublishedForm {
  return 'online' in row ? presentForm(row, opts.audience) : presentCard(row);
}

function presentCard(c: PublishedCardRow): PublishedCard {
  return {
    id: c.versionId,
    itemId: c.itemId,
    agencyId: c.agencyId,
    kind: c.kind,
    language: c.language,
    isSource: c.isSource,
    title: c.title,
    summary: c.summary,
    visibility: c.visibility,
    topicIds: c.topicIds,
    mediaIds: c.mediaIds,
    activityDate: c.activityDate,
    publishedAt: iso(c.publishedAt),
    firstPublishedAt: iso(c.firstPublishedAt),
    contentHash: c.contentHash,
  };
}

function presentForm(f: PublishedFormRow, audience: PublishedScope): PublishedForm {
  return {
    id: f.versionId,
    itemId: f.itemId,
    agencyId: f.agencyId,
    kind: f.kind,
    language: f.language,
    sourceLanguage: f.sourceLanguage,
    title: f.title,
    summary: f.summary,
    body: f.body,
    metadata: f.metadata as PublishedForm['metadata'],
    publishedAt: iso(f.publishedAt),
    firstPublishedAt: iso(f.firstPublishedAt),
    revision: f.revision,
    contentHash: f.contentHash,
    translations: f.online.filter((o) => inPublishedScope(audience, o.visibility, o.agencyId)).map((o) => ({ id: o.id, language: o.language })),
  };
}

// ----- the open API's field selection over list rows

/** Fields of a list row read from the version's row; the others need its published form. */
export const CARD_FIELDS = [
  'id',
  'itemId',
  'agencyId',
  'kind',
  'language',
  'isSource',
  'title',
  'summary',
  'visibility',
  'topicIds',
  'activityDate',
  'publishedAt',
  'firstPublishedAt',
  'contentHash',
] as const;
export const FORM_FIELDS = ['sourceLanguage', 'body', 'metadata', 'revision', 'translations'] as const;
export type ListField = (typeof CARD_FIELDS)[number] | (typeof FORM_FIELDS)[number];
const ALL_FIELDS: readonly string[] = [...CARD_FIELDS, ...FORM_FIELDS];

/** `fields=a,b,c` → the selected fields (the card fields when absent); unknown names are refused. */
export function parseFields(fields: string | undefined): ListField[] {
  if (fields === undefined) return [...CARD_FIELDS];
  const names = [...new Set(fields.split(',').map((s) => s.trim()))];
  if (!names.length || names.some((n) => !ALL_FIELDS.includes(n))) throw Invalid.field('fields', 'field_enum');
  return names as ListField[];
}

export const needsForm = (fields: ListField[]) => fields.some((f) => (FORM_FIELDS as readonly string[]).includes(f));

/** A list row with only the selected fields, in the order of the whitelist. */
export function selectListFields(card: PublishedCard, form: PublishedForm | undefined, fields: ListField[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    ...card,
    ...(form
      ? { sourceLanguage: form.sourceLanguage, body: form.body, metadata: form.metadata, revision: form.revision, translations: form.translations }
      : {}),
  };
  const out: Record<string, unknown> = {};
  for (const k of ALL_FIELDS) if (fields.includes(k as ListField) && k in all) out[k] = all[k];
  return out;
}
