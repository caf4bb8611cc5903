// Request and response schemas of the open API's published reads and changes stream.
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../../http/schemas.js';
import { KINDS } from '../model.js';
import { Kind, Language } from '../editorial/schemas.js';

const EXAMPLE_ID = '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f';
const EXAMPLE_ITEM = '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';
const EXAMPLE_AGENCY = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const EXAMPLE_HASH = 'c1f0e5a2b7d94f3e8a6b2c9d0e1f4a7b3c8d5e2f9a0b6c1d7e4f8a3b5c2d9e0f';
/** A list row with the default fields, the example of lists and pages. */
const EXAMPLE_CARD = {
  id: EXAMPLE_ID,
  itemId: EXAMPLE_ITEM,
  agencyId: EXAMPLE_AGENCY,
  kind: 'news',
  language: 'vi',
  isSource: true,
  title: 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
  summary: 'Festival Huế 2026 mở đầu với chương trình nghệ thuật trên sông Hương.',
  visibility: 'public',
  topicIds: [],
  activityDate: '2026-06-04',
  publishedAt: '2026-06-04T12:00:00.000Z',
  firstPublishedAt: '2026-06-04T12:00:00.000Z',
  contentHash: EXAMPLE_HASH,
};
const Hash = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'SHA-256 (hex) of the canonical published form (docs/content-hash.md)',
  examples: [EXAMPLE_HASH],
});
const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  maxLength: 40,
  description: 'A date (a whole day in Asia/Ho_Chi_Minh) or an ISO 8601 date-time with its offset',
  examples: ['2026-03-01', '2026-03-01T08:00:00+07:00'],
});
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD', examples: ['2026-06-04'] });

export const PublishedQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    topicId: Type.Optional(Type.String({ format: 'uuid', description: 'Items under this topic' })),
    agencyId: Type.Optional(Type.String({ format: 'uuid', description: "The owning agency's items" })),
    language: Type.Optional(Language),
    updatedSince: Type.Optional({
      ...Instant,
      description: 'Versions whose published form went online at or after this time (`publishedAt`): a new revision, or new metadata from the source language',
    }),
    publishedFrom: Type.Optional({ ...Instant, description: 'First published (`firstPublishedAt`) at or after this date or time' }),
    publishedTo: Type.Optional({ ...Instant, description: 'First published up to this date (the whole day) or time, inclusive' }),
    activityFrom: Type.Optional({ ...Day, description: 'Activity date (`metadata.activityDate`) on or after' }),
    activityTo: Type.Optional({ ...Day, description: 'Activity date on or before' }),
    sort: Type.Optional(
      Type.Union([Type.Literal('-published'), Type.Literal('published'), Type.Literal('-updated')], {
        description: '-published: newest first publication first (default); published: oldest first; -updated: most recently changed published form first',
      }),
    ),
    fields: Type.Optional(
      Type.String({
        maxLength: 300,
        pattern: '^[A-Za-z]+(,[A-Za-z]+)*$',
        description:
          'Comma-separated top-level fields to return. Default: id, itemId, agencyId, kind, language, isSource, title, summary, visibility, topicIds, activityDate, publishedAt, firstPublishedAt, contentHash. Also: sourceLanguage, body, metadata, revision, translations',
        examples: ['id,title,contentHash'],
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: '`nextCursor` of the previous page (same filters and sort)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, at most 100' })),
  },
  { additionalProperties: false },
);

export const PublishedListItem = Type.Object(
  {
    id: Type.Optional({ ...Uuid, description: 'The language version (GET /item-versions/{id}/published)' }),
    itemId: Type.Optional(Uuid),
    agencyId: Type.Optional(Uuid),
    kind: Type.Optional(Type.String({ description: KINDS.join(' | ') })),
    language: Type.Optional(Type.String()),
    isSource: Type.Optional(Type.Boolean({ description: "The item's source language version (translations carry its metadata)" })),
    title: Type.Optional(Type.String()),
    summary: Type.Optional(Type.String()),
    visibility: Type.Optional(Type.String({ description: 'public | shared | internal' })),
    topicIds: Type.Optional(Type.Array(Uuid)),
    activityDate: Type.Optional(Nullable(Type.String({ description: 'YYYY-MM-DD' }))),
    publishedAt: Type.Optional({ ...IsoDateTime, description: 'When the current published form went online' }),
    firstPublishedAt: Type.Optional({ ...IsoDateTime, description: 'When the version was first published' }),
    contentHash: Type.Optional(Hash),
    sourceLanguage: Type.Optional(Type.String()),
    body: Type.Optional(Type.String({ description: 'Rich text (sanitised HTML)' })),
    metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "The item's published metadata (that of its source language)" })),
    revision: Type.Optional(Type.Integer({ description: 'Number of the published revision' })),
    translations: Type.Optional(
      Type.Array(Type.Object({ id: Uuid, language: Type.String() }), { description: 'Versions of the item online that you may read, this one included' }),
    ),
  },
  {
    $id: 'PublishedListItem',
    description: 'A published language version; only the fields asked for with `fields`',
    examples: [EXAMPLE_CARD],
  },
);

export const PublishedPage = Type.Object(
  {
    items: Type.Array(Type.Ref('PublishedListItem')),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page' })),
  },
  {
    $id: 'PublishedPage',
    description: 'A page of published versions you may read',
    examples: [
      {
        items: [EXAMPLE_CARD],
        nextCursor: 'eyJrIjoiMjAyNi0wNi0wNFQxMjowMDowMC4wMDBaIn0',
      },
    ],
  },
);

export const PublishedItemParams = Type.Object({ itemId: Uuid, language: Language }, { additionalProperties: false });
export const PublishedItemQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('dc-jsonld'), Type.Literal('dc-xml')], {
        description:
          'json (default): the published form; dc-jsonld: Dublin Core as JSON-LD (application/ld+json); dc-xml: Dublin Core as XML (application/xml). Also chosen by Accept',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ChangesQuery = Type.Object(
  {
    since: Type.Optional(
      Type.String({ maxLength: 100, description: '`nextCursor` of the previous call; absent: from the start of the stream', examples: ['c2VxOjEyMw'] }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'At most 1000' })),
    include: Type.Optional(Type.Literal('data', { description: 'data: each live change carries the published form as it is now' })),
  },
  { additionalProperties: false },
);

export const Change = Type.Object(
  {
    cursor: Type.String({ description: 'Continue after this change (as `since`)' }),
    event: Type.Union([Type.Literal('published'), Type.Literal('updated'), Type.Literal('unpublished'), Type.Literal('deleted')], {
      description:
        'As you see it: published (you could not read it before), updated (a new published form you may read), unpublished or deleted (a tombstone: remove it; this includes a visibility narrowed beyond your access)',
    }),
    at: IsoDateTime,
    itemId: Uuid,
    versionId: Uuid,
    language: Type.String(),
    kind: Type.String(),
    agencyId: Uuid,
    visibility: Type.Optional(Type.String({ description: 'After the change; absent on tombstones' })),
    contentHash: Nullable({ ...Hash, description: 'Hash of the published form after the change; null on tombstones' }),
    data: Type.Optional(
      Type.Union([Type.Ref('PublishedVersion'), Type.Null()], {
        description:
          'include=data: the published form now (it may be newer than this change); null on tombstones and when no longer readable (a later change tells why)',
      }),
    ),
  },
  {
    $id: 'Change',
    examples: [
      {
        cursor: 'c2VxOjEyMw',
        event: 'published',
        at: '2026-06-04T12:00:00.000Z',
        itemId: EXAMPLE_ITEM,
        versionId: EXAMPLE_ID,
        language: 'vi',
        kind: 'news',
        agencyId: EXAMPLE_AGENCY,
        visibility: 'public',
        contentHash: EXAMPLE_HASH,
      },
      {
        cursor: 'c2VxOjEyNA',
        event: 'unpublished',
        at: '2026-06-05T08:00:00.000Z',
        itemId: EXAMPLE_ITEM,
        versionId: EXAMPLE_ID,
        language: 'vi',
        kind: 'news',
        agencyId: EXAMPLE_AGENCY,
        contentHash: null,
      },
    ],
  },
);

export const ChangesPage = Type.Object(
  {
    changes: Type.Array(Type.Ref('Change')),
    nextCursor: Type.String({ description: 'Always given: pass it as `since` next time (the last change seen, or the head of the stream)' }),
  },
  {
    $id: 'ChangesPage',
    description: 'Changes you may see, oldest first',
    examples: [
      {
        changes: [
          {
            cursor: 'c2VxOjEyMw',
            event: 'published',
            at: '2026-06-04T12:00:00.000Z',
            itemId: EXAMPLE_ITEM,
            versionId: EXAMPLE_ID,
            language: 'vi',
            kind: 'news',
            agencyId: EXAMPLE_AGENCY,
            visibility: 'public',
            contentHash: EXAMPLE_HASH,
          },
        ],
        nextCursor: 'c2VxOjEyMw',
      },
    ],
  },
);

export const DublinCoreJsonLd = Type.Object(
  { '@context': Type.Record(Type.String(), Type.String()), '@id': Type.String({ format: 'uri' }) },
  {
    additionalProperties: true,
    description:
      'Dublin Core as JSON-LD (dc:title, dc:creator, dc:publisher, dc:date, dc:subject, dc:identifier, dc:rights, …); with format=dc-jsonld or Accept: application/ld+json',
    examples: [
      {
        '@context': { dc: 'http://purl.org/dc/elements/1.1/', dcterms: 'http://purl.org/dc/terms/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
        '@id': `https://ttdn.hue.gov.vn/vi/tin-tuc/${EXAMPLE_ITEM}`,
        'dc:title': { '@value': 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội', '@language': 'vi' },
        'dc:creator': 'Trần Thị Hoa',
        'dc:publisher': 'Sở Ngoại vụ thành phố Huế',
        'dc:language': 'vi',
        'dcterms:issued': { '@value': '2026-06-04T12:00:00.000Z', '@type': 'xsd:dateTime' },
      },
    ],
  },
);

export const publishedSchemas = [PublishedListItem, PublishedPage, Change, ChangesPage];
