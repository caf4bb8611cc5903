// Published versions as the open API gives them: the published form (of GET /item-versions/{id}/published
// and /published/{itemId}/{language}), list rows with field selection, changes of the stream.
import { Invalid } from '../../../core/errors.js';
import { inPublishedScope, type PublishedScope } from '../policy.js';
import type { PublishedFormRow, PublishedListRow } from './repo.js';

const iso = (d: Date) => new Date(d).toISOString();

/** The published form, with the translations the reader may see, from one bulk row (published.repo.ts publishedForms). */
export function presentPublishedForm(f: PublishedFormRow, scope: PublishedScope) {
  return {
    id: f.versionId,
    itemId: f.itemId,
    agencyId: f.agencyId,
    kind: f.kind,
    language: f.language,
    sourceLanguage: f.sourceLanguage,
    title: f.text.title,
    summary: f.text.summary,
    body: f.text.body,
    metadata: f.metadata,
    publishedAt: iso(f.publishedAt),
    firstPublishedAt: iso(f.firstPublishedAt),
    revision: f.revision,
    contentHash: f.contentHash,
    translations: f.online.filter((o) => inPublishedScope(scope, o.visibility, o.agencyId)).map((o) => ({ id: o.id, language: o.language })),
  };
}
export type PublishedForm = ReturnType<typeof presentPublishedForm>;

/** Fields of a list row read from the version's row; the others need its published form. */
export const CARD_FIELDS = ['id', 'itemId', 'agencyId', 'kind', 'language', 'isSource', 'title', 'summary', 'visibility', 'topicIds', 'activityDate', 'publishedAt', 'firstPublishedAt', 'contentHash'] as const;
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
export function presentListRow(r: PublishedListRow, form: PublishedForm | undefined, fields: ListField[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: r.versionId,
    itemId: r.itemId,
    agencyId: r.agencyId,
    kind: r.kind,
    language: r.language,
    isSource: r.isSource,
    title: r.title,
    summary: r.summary,
    visibility: r.visibility,
    topicIds: r.topicIds,
    activityDate: r.activityDate,
    publishedAt: iso(r.publishedAt),
    firstPublishedAt: iso(r.firstPublishedAt),
    contentHash: r.contentHash,
    ...(form ? { sourceLanguage: form.sourceLanguage, body: form.body, metadata: form.metadata, revision: form.revision, translations: form.translations } : {}),
  };
  const out: Record<string, unknown> = {};
  for (const k of ALL_FIELDS) if (fields.includes(k as ListField) && k in all) out[k] = all[k];
  return out;
}
