// What an item is: kinds, visibility, licences, the shared metadata (kept on the source
// language's revisions) and the per-language text; the required-metadata rule of Art. 6.2.
import type { FieldError } from '../../core/errors.js';
import { t, type MessageCode } from '../../core/i18n.js';

export const KINDS = ['news', 'photo_album', 'video', 'document', 'publication', 'profile_page', 'clarification'] as const;
export type Kind = (typeof KINDS)[number];
export const VISIBILITIES = ['public', 'shared', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved'] as const;
export const DOCUMENT_TYPES = ['decision', 'directive', 'plan', 'report', 'official_letter', 'circular', 'decree', 'law', 'other'] as const;
/** How false the reviewed information is (schema.org ClaimReview's rating), worst first. */
export const CLAIM_RATINGS = ['false', 'distorted', 'misleading', 'partly_false', 'missing_context'] as const;
export type ClaimRating = (typeof CLAIM_RATINGS)[number];

export interface DocumentFields {
  number?: string;
  issuingBody?: string;
  issueDate?: string;
  effectiveDate?: string;
  signer?: string;
  documentType?: string;
  /** the document's file in the media library */
  fileId?: string;
}

/** What a clarification answers (Art. 4): the false or distorted information and where it circulated. */
export interface ClaimFields {
  /** the information as it circulated, per language (each published language needs its own) */
  statement?: Record<string, string>;
  rating?: ClaimRating;
  /** who spread it, when known (a page, an account, a site) */
  claimant?: string;
  firstSeen?: string;
  /** where it appeared */
  appearances?: Array<{ url: string; platform?: string }>;
}

/** A file of the media library used by the item, in order (album photos, the video, illustrations). */
export interface MediaRef {
  mediaId: string;
  /** caption per language, shown with the file in this item */
  caption?: Record<string, string>;
}

export interface ItemMetadata {
  activityDate?: string | null;
  authors?: string[];
  topicIds?: string[];
  tags?: string[];
  place?: string;
  source?: { type: 'own' | 'other'; name?: string; url?: string };
  copyrightHolder?: string;
  licence?: string;
  visibility?: Visibility;
  document?: DocumentFields;
  media?: MediaRef[];
  /** clarifications only */
  claim?: ClaimFields;
}

/** Every media file the metadata uses (attachments and the document's file). */
export function mediaIdsOf(m: ItemMetadata | null | undefined): string[] {
  if (!m) return [];
  return [...new Set([...(m.media ?? []).map((r) => r.mediaId), ...(m.document?.fileId ? [m.document.fileId] : [])])];
}

export interface VersionText {
  title: string;
  summary: string;
  /** sanitised HTML */
  body: string;
}

export interface Snapshot {
  text: VersionText;
  /** only on revisions of the source language */
  metadata?: ItemMetadata;
}

const err = (field: string, code: MessageCode): FieldError => ({ field, code, message: t(code) });

/** Everything Art. 6.2 requires before a version may be submitted, one error per missing field. */
export function missingForSubmission(kind: Kind, text: VersionText, metadata: ItemMetadata | null): FieldError[] {
  const out: FieldError[] = [];
  if (!text.title.trim()) out.push(err('text/title', 'field_required'));
  if (!text.summary.trim()) out.push(err('text/summary', 'field_required'));
  if (!text.body.replace(/<[^>]*>/g, '').trim()) out.push(err('text/body', 'field_required'));
  if (!metadata) return out; // translations carry text only
  const m = metadata;
  if (!m.activityDate) out.push(err('metadata/activityDate', 'field_required'));
  if (!m.authors?.some((a) => a.trim())) out.push(err('metadata/authors', 'field_required'));
  if (!m.topicIds?.length) out.push(err('metadata/topicIds', 'field_required'));
  if (!m.tags?.some((a) => a.trim())) out.push(err('metadata/tags', 'field_required'));
  if (!m.place?.trim()) out.push(err('metadata/place', 'field_required'));
  if (!m.source?.type) out.push(err('metadata/source', 'field_required'));
  else if (m.source.type === 'other') {
    if (!m.source.name?.trim()) out.push(err('metadata/source/name', 'field_required'));
    if (!m.source.url?.trim()) out.push(err('metadata/source/url', 'field_required'));
  }
  if (!m.copyrightHolder?.trim()) out.push(err('metadata/copyrightHolder', 'field_required'));
  if (!m.licence) out.push(err('metadata/licence', 'field_required'));
  if (!m.visibility) out.push(err('metadata/visibility', 'field_required'));
  if (kind === 'document') {
    const d = m.document ?? {};
    for (const f of ['number', 'issuingBody', 'issueDate', 'signer', 'documentType', 'fileId'] as const) {
      if (!d[f]?.trim()) out.push(err(`metadata/document/${f}`, 'field_required'));
    }
  }
  if ((kind === 'photo_album' || kind === 'video') && !m.media?.length) out.push(err('metadata/media', 'field_required'));
  if (kind === 'clarification' && !m.claim?.rating) out.push(err('metadata/claim/rating', 'field_required'));
  return out;
}

/** A clarification's version needs the false information stated in its own language (the portal's ClaimReview). */
export function missingClaimStatement(kind: string, metadata: ItemMetadata | null, language: string): FieldError[] {
  if (kind !== 'clarification' || metadata?.claim?.statement?.[language]?.trim()) return [];
  return [err(`metadata/claim/statement/${language}`, 'field_required')];
}

/** All strings of a snapshot, for the state-secret check. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
