// A language version's form values and their conversions to and from the API's bodies: the text,
// and on the source language the item's shared metadata (Art. 6.2) with the document fields and
// the claim of a clarification. The field components (ItemFields, ClaimFields, MediaFields,
// DocumentFileField) all work on these values.
import type { Metadata, WorkingVersion } from '../../api/content';
import { MAX_APPEARANCES, type ClaimRating, type DocumentType, type Licence, type Visibility } from '../../lib/content';

export interface MediaRefValue {
  mediaId: string;
  caption: Record<string, string>;
}

export interface AppearanceValue {
  url: string;
  platform: string;
}

/** What a clarification answers: the false information (per language) and where it circulated. */
export interface ClaimValue {
  statement: Record<string, string>;
  rating: string;
  claimant: string;
  firstSeen: string;
  appearances: AppearanceValue[];
}

export interface ItemValues {
  text: { title: string; summary: string; body: string };
  metadata: {
    activityDate: string;
    authors: string[];
    topicIds: string[];
    tags: string[];
    place: string;
    source: { type: string; name: string; url: string };
    copyrightHolder: string;
    licence: string;
    visibility: string;
    document: { number: string; issuingBody: string; issueDate: string; effectiveDate: string; signer: string; documentType: string; fileId: string };
    /** Files of the media library, in order, with this item's caption per language. */
    media: MediaRefValue[];
    /** Clarifications only. */
    claim: ClaimValue;
  };
  note: string;
}

/** Form paths of every field, so server errors ("metadata/place") land on them. */
export const ITEM_FIELDS = [
  'text.title',
  'text.summary',
  'text.body',
  'metadata',
  'metadata.activityDate',
  'metadata.authors',
  'metadata.topicIds',
  'metadata.tags',
  'metadata.place',
  'metadata.source',
  'metadata.source.type',
  'metadata.source.name',
  'metadata.source.url',
  'metadata.copyrightHolder',
  'metadata.licence',
  'metadata.visibility',
  'metadata.document',
  'metadata.document.number',
  'metadata.document.issuingBody',
  'metadata.document.issueDate',
  'metadata.document.effectiveDate',
  'metadata.document.signer',
  'metadata.document.documentType',
  'metadata.document.fileId',
  'metadata.media',
  'metadata.claim',
  'metadata.claim.statement',
  'metadata.claim.rating',
  'metadata.claim.claimant',
  'metadata.claim.firstSeen',
  'metadata.claim.appearances',
  ...Array.from({ length: MAX_APPEARANCES }, (_, i) => [
    `metadata.claim.appearances.${i}`,
    `metadata.claim.appearances.${i}.url`,
    `metadata.claim.appearances.${i}.platform`,
  ]).flat(),
  'note',
];

/** What the submission checks of a used file are named: its slot, then the file's own fields. */
const FILE_CHECKS = (path: string, languages: readonly string[]) => [
  path,
  `${path}.mediaId`,
  `${path}.authors`,
  `${path}.copyrightHolder`,
  `${path}.licence`,
  `${path}.visibility`,
  ...languages.flatMap((l) => [`${path}.alt.${l}`, `${path}.caption.${l}`]),
];

/** ITEM_FIELDS plus the paths of each attached file (shown next to that file) and of the claim's statement per language. */
export function itemFieldPaths(mediaCount: number, languages: readonly string[]): string[] {
  return [
    ...ITEM_FIELDS,
    ...languages.map((l) => `metadata.claim.statement.${l}`),
    ...FILE_CHECKS('metadata.document.fileId', languages).slice(1),
    ...Array.from({ length: mediaCount }, (_, i) => FILE_CHECKS(`metadata.media.${i}`, languages)).flat(),
  ];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const texts = (v: unknown) => Object.fromEntries(Object.entries(obj(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));

export const emptyClaim = (): ClaimValue => ({ statement: {}, rating: '', claimant: '', firstSeen: '', appearances: [] });

export function emptyValues(defaults: Partial<ItemValues['metadata']> = {}): ItemValues {
  return {
    text: { title: '', summary: '', body: '' },
    metadata: {
      activityDate: '',
      authors: [],
      topicIds: [],
      tags: [],
      place: '',
      source: { type: 'own', name: '', url: '' },
      copyrightHolder: '',
      licence: '',
      visibility: '',
      document: { number: '', issuingBody: '', issueDate: '', effectiveDate: '', signer: '', documentType: '', fileId: '' },
      media: [],
      claim: emptyClaim(),
      ...defaults,
    },
    note: '',
  };
}

/** The metadata's `media` list, tolerant of anything unexpected in it. */
export function mediaRefs(v: unknown): MediaRefValue[] {
  if (!Array.isArray(v)) return [];
  return v
    .map(obj)
    .filter((r) => typeof r.mediaId === 'string')
    .map((r) => ({ mediaId: r.mediaId as string, caption: texts(r.caption) }));
}

/** The metadata's `claim`, tolerant of anything unexpected in it. */
export function claimValue(v: unknown): ClaimValue {
  const c = obj(v);
  return {
    statement: texts(c.statement),
    rating: str(c.rating),
    claimant: str(c.claimant),
    firstSeen: str(c.firstSeen),
    appearances: (Array.isArray(c.appearances) ? c.appearances : []).map(obj).map((a) => ({ url: str(a.url), platform: str(a.platform) })),
  };
}

export function versionToValues(v: WorkingVersion): ItemValues {
  const m = v.metadata;
  const source = obj(m.source);
  const doc = obj(m.document);
  return {
    text: { ...v.text },
    metadata: {
      activityDate: str(m.activityDate),
      authors: strs(m.authors),
      topicIds: strs(m.topicIds),
      tags: strs(m.tags),
      place: str(m.place),
      source: { type: str(source.type), name: str(source.name), url: str(source.url) },
      copyrightHolder: str(m.copyrightHolder),
      licence: str(m.licence),
      visibility: str(m.visibility),
      document: {
        number: str(doc.number),
        issuingBody: str(doc.issuingBody),
        issueDate: str(doc.issueDate),
        effectiveDate: str(doc.effectiveDate),
        signer: str(doc.signer),
        documentType: str(doc.documentType),
        fileId: str(doc.fileId),
      },
      media: mediaRefs(m.media),
      claim: claimValue(m.claim),
    },
    note: '',
  };
}

/** Only what was filled in: a draft may be incomplete, submission checks the rest. */
export function toMetadata(values: ItemValues['metadata'], kind: string): Metadata {
  const m: Metadata = {
    activityDate: values.activityDate || null,
    authors: values.authors.map((a) => a.trim()).filter(Boolean),
    topicIds: values.topicIds,
    tags: values.tags.map((a) => a.trim()).filter(Boolean),
  };
  if (values.place.trim()) m.place = values.place.trim();
  if (values.source.type === 'other') {
    m.source = { type: 'other' };
    if (values.source.name.trim()) m.source.name = values.source.name.trim();
    if (values.source.url.trim()) m.source.url = values.source.url.trim();
  } else if (values.source.type === 'own') m.source = { type: 'own' };
  if (values.copyrightHolder.trim()) m.copyrightHolder = values.copyrightHolder.trim();
  if (values.licence) m.licence = values.licence as Licence;
  if (values.visibility) m.visibility = values.visibility as Visibility;
  if (kind === 'document') {
    const d = values.document;
    const doc: NonNullable<Metadata['document']> = {};
    if (d.number.trim()) doc.number = d.number.trim();
    if (d.issuingBody.trim()) doc.issuingBody = d.issuingBody.trim();
    if (d.issueDate) doc.issueDate = d.issueDate;
    if (d.effectiveDate) doc.effectiveDate = d.effectiveDate;
    if (d.signer.trim()) doc.signer = d.signer.trim();
    if (d.documentType) doc.documentType = d.documentType as DocumentType;
    if (d.fileId) doc.fileId = d.fileId;
    m.document = doc;
  }
  if (values.media.length) {
    m.media = values.media.map((r) => {
      const caption = Object.fromEntries(
        Object.entries(r.caption)
          .map(([l, c]) => [l, c.trim()] as const)
          .filter(([, c]) => c),
      );
      return Object.keys(caption).length ? { mediaId: r.mediaId, caption } : { mediaId: r.mediaId };
    });
  }
  if (kind === 'clarification') m.claim = toClaim(values.claim);
  return m;
}

const blankAppearance = (a: AppearanceValue) => !a.url.trim() && !a.platform.trim();

/** Rows left entirely empty are not places: dropped before saving (here and in the form, so server errors keep their row). */
export const filledAppearances = (list: readonly AppearanceValue[]) => list.filter((a) => !blankAppearance(a));

/** Only what was filled in, like the rest of the metadata. */
export function toClaim(values: ClaimValue): NonNullable<Metadata['claim']> {
  const claim: NonNullable<Metadata['claim']> = {};
  const statement = Object.fromEntries(
    Object.entries(values.statement)
      .map(([l, s]) => [l, s.trim()] as const)
      .filter(([, s]) => s),
  );
  if (Object.keys(statement).length) claim.statement = statement;
  if (values.rating) claim.rating = values.rating as ClaimRating;
  if (values.claimant.trim()) claim.claimant = values.claimant.trim();
  if (values.firstSeen) claim.firstSeen = values.firstSeen;
  const appearances = filledAppearances(values.appearances).map((a) =>
    a.platform.trim() ? { url: a.url.trim(), platform: a.platform.trim() } : { url: a.url.trim() },
  );
  if (appearances.length) claim.appearances = appearances;
  return claim;
}

export function toText(values: ItemValues['text']) {
  return { title: values.title.trim(), summary: values.summary.trim(), body: values.body };
}
