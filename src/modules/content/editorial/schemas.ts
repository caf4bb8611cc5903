// Request and response schemas of the content area.
import { Type, type TSchema } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../../http/schemas.js';
import { CLAIM_RATINGS, DOCUMENT_TYPES, KINDS, LICENCES, VISIBILITIES } from '../model.js';
import { STATES, TRANSITION_NAMES, type TransitionName } from './workflow.js';

export const lit = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    description ? { description } : {},
  );
export const str = (max: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength: max, ...extra });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Kind = lit(KINDS, 'news | photo_album | video | document | publication | profile_page | clarification');
export const Visibility = lit(
  VISIBILITIES,
  'public: portal and anonymous API; shared: account holders with the exploit right (Art. 10); internal: owning agency and DIC',
);
export const Language = Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$', maxLength: 12, description: 'ISO 639-1 code, one of CONTENT_LANGUAGES' });

// ----- examples of the OpenAPI document (Redocly checks them against these schemas) -----
export const VERSION_ID = '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f';
export const ITEM_ID = '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';
export const AGENCY_ID = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const TOPIC_ID = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a';
const REVISION_ID = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
const EN_VERSION_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const HASH = 'c1f0e5a2b7d94f3e8a6b2c9d0e1f4a7b3c8d5e2f9a0b6c1d7e4f8a3b5c2d9e0f';
export const textExample = {
  title: 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
  summary: 'Festival Huế 2026 mở đầu với chương trình nghệ thuật trên sông Hương, quy tụ đoàn nghệ thuật của 12 quốc gia.',
  body: '<p>Tối 4/6, tại Quảng trường Ngọ Môn, Festival Huế 2026 chính thức khai mạc…</p>',
};
const metadataExample = {
  activityDate: '2026-06-04',
  authors: ['Trần Thị Hoa'],
  topicIds: [TOPIC_ID],
  tags: ['festival', 'văn hóa'],
  place: 'Đại Nội Huế',
  source: { type: 'own' },
  copyrightHolder: 'Sở Ngoại vụ thành phố Huế',
  licence: 'CC-BY-4.0',
  visibility: 'public',
};
const appraisalExample = {
  id: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
  revisionId: REVISION_ID,
  decision: 'approve',
  checklist: { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true },
  comment: 'Đạt yêu cầu, đăng ngay.',
  appraiser: 'Lê Minh Tuấn',
  createdAt: '2026-06-04T11:55:00.000Z',
};
const revisionExample = {
  id: REVISION_ID,
  number: 2,
  createdBy: 'Trần Thị Hoa',
  createdAt: '2026-06-04T10:20:00.000Z',
  note: 'Bổ sung ảnh khai mạc',
  hash: HASH,
  basedOnRevisionId: null,
};

export const Text = Type.Object(
  {
    title: str(500),
    summary: str(3000),
    body: Type.String({ maxLength: 500_000, description: 'Rich text (HTML); sanitised on the way in' }),
  },
  { additionalProperties: false },
);

export const Metadata = Type.Object(
  {
    activityDate: Type.Optional(Nullable(IsoDate)),
    authors: Type.Optional(Type.Array(str(200), { maxItems: 20 })),
    topicIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    tags: Type.Optional(Type.Array(str(100), { maxItems: 50 })),
    place: Type.Optional(str(300)),
    source: Type.Optional(
      Type.Object(
        {
          type: lit(['own', 'other'] as const),
          name: Type.Optional(str(300)),
          url: Type.Optional(Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'http(s) address' })),
        },
        { additionalProperties: false },
      ),
    ),
    copyrightHolder: Type.Optional(str(300)),
    licence: Type.Optional(lit(LICENCES)),
    visibility: Type.Optional(Visibility),
    document: Type.Optional(
      Type.Object(
        {
          number: Type.Optional(str(100, { description: 'Số, ký hiệu' })),
          issuingBody: Type.Optional(str(300)),
          issueDate: Type.Optional(IsoDate),
          effectiveDate: Type.Optional(IsoDate),
          signer: Type.Optional(str(200)),
          documentType: Type.Optional(lit(DOCUMENT_TYPES)),
          fileId: Type.Optional(Type.String({ format: 'uuid', description: 'The document file (PDF, DOCX, …) in the media library' })),
        },
        { additionalProperties: false },
      ),
    ),
    media: Type.Optional(
      Type.Array(
        Type.Object(
          {
            mediaId: Uuid,
            caption: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' }), str(2000), { maxProperties: 20 })),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 200,
          description: 'Files of the media library used by the item, in order: album photos (with captions per language), the video, illustrations',
        },
      ),
    ),
    claim: Type.Optional(
      Type.Object(
        {
          statement: Type.Optional(
            Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' }), str(2000), {
              maxProperties: 20,
              description: 'The false or distorted information as it circulated, per language; each language version of the clarification needs its own',
            }),
          ),
          rating: Type.Optional(lit(CLAIM_RATINGS, 'false | distorted | misleading | partly_false | missing_context (schema.org ClaimReview reviewRating)')),
          claimant: Type.Optional(str(300, { description: 'Who spread it, when known' })),
          firstSeen: Type.Optional(IsoDate),
          appearances: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  url: Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'http(s) address where it appeared' }),
                  platform: Type.Optional(str(100)),
                },
                { additionalProperties: false },
              ),
              { maxItems: 20 },
            ),
          ),
        },
        { additionalProperties: false, description: 'Clarifications only (Art. 4): what is being clarified; published with schema.org ClaimReview' },
      ),
    ),
  },
  { additionalProperties: false, description: 'Shared metadata of an item (Art. 6.2); edited on the source language version' },
);

export const CreateItemBody = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    kind: Kind,
    sourceLanguage: Type.Optional(Language),
    text: Text,
    metadata: Metadata,
    note: Type.Optional(str(1000)),
  },
  {
    additionalProperties: false,
    examples: [{ agencyId: AGENCY_ID, kind: 'news', sourceLanguage: 'vi', text: textExample, metadata: metadataExample, note: 'Bản đầu' }],
  },
);
export const SaveVersionBody = Type.Object(
  {
    baseRevisionId: Type.String({ format: 'uuid', description: 'The working revision your edit started from; if someone saved since, 409 stale_revision' }),
    text: Text,
    metadata: Type.Optional(Metadata),
    note: Type.Optional(str(1000)),
  },
  {
    additionalProperties: false,
    examples: [{ baseRevisionId: REVISION_ID, text: { ...textExample, title: 'Khai mạc Festival Huế 2026 tại Đại Nội' }, note: 'Sửa tiêu đề' }],
  },
);
export const AddTranslationBody = Type.Object(
  { language: Language, text: Text, note: Type.Optional(str(1000)) },
  {
    additionalProperties: false,
    examples: [
      {
        language: 'en',
        text: {
          title: 'Huế Festival 2026 opens at the Imperial City',
          summary: 'The festival opens with an art programme on the Perfume River.',
          body: '<p>On the evening of 4 June, at Ngọ Môn Square…</p>',
        },
      },
    ],
  },
);
// One body per transition, chosen by the `{name}` path parameter (checked in transition-input.ts).
const Comment = str(5000);
export const SubmitBody = Type.Object(
  {
    declaration: Type.Optional(
      Type.Object(
        { noStateSecrets: Type.Boolean() },
        { additionalProperties: false, description: "The author's declaration that the content holds no state secrets (Art. 4.6): required, and true" },
      ),
    ),
  },
  { title: 'SubmitBody', description: 'submit: the author declares the content free of state secrets', additionalProperties: false },
);
export const ReturnBody = Type.Object(
  { comment: Type.Optional(Comment) },
  { title: 'ReturnBody', description: 'return: what the author must change (required)', additionalProperties: false },
);
export const ApproveBody = Type.Object(
  {
    checklist: Type.Optional(
      Type.Object(
        {
          copyright: Type.Optional(Type.Boolean()),
          accuracy: Type.Optional(Type.Boolean()),
          noHarm: Type.Optional(Type.Boolean()),
          noStateSecrets: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false, description: 'The Art. 6.4 checklist: every item must be true' },
      ),
    ),
    comment: Type.Optional(Comment),
    publishAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()], { description: 'Publish at this time instead of now (approved until then)' })),
  },
  { title: 'ApproveBody', description: 'approve: the appraisal checklist, a comment, a time to publish', additionalProperties: false },
);
export const EmptyBody = Type.Object({}, { title: 'EmptyBody', description: 'withdraw, publish, unpublish, archive, restore', additionalProperties: false });
export const TRANSITION_BODIES = {
  submit: SubmitBody,
  withdraw: EmptyBody,
  return: ReturnBody,
  approve: ApproveBody,
  publish: EmptyBody,
  unpublish: EmptyBody,
  archive: EmptyBody,
  restore: EmptyBody,
} as const satisfies Record<TransitionName, TSchema>;
export const TransitionBody = Type.Union([SubmitBody, ReturnBody, ApproveBody, EmptyBody], {
  description: 'The body of the transition named in the path: SubmitBody, ReturnBody, ApproveBody, or EmptyBody for the others',
  examples: [
    { declaration: { noStateSecrets: true } },
    { comment: 'Cần ghi rõ nguồn ảnh.' },
    { checklist: { copyright: true, accuracy: true, noHarm: true, noStateSecrets: true }, comment: 'Đạt yêu cầu.', publishAt: null },
    {},
  ],
});
export const TransitionParams = Type.Object({ id: Uuid, name: lit(TRANSITION_NAMES) }, { additionalProperties: false });
export const RestoreBody = Type.Object(
  { revisionId: Uuid, baseRevisionId: Uuid },
  { additionalProperties: false, examples: [{ revisionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', baseRevisionId: REVISION_ID }] },
);
export const DiffQuery = Type.Object({ from: Uuid, to: Uuid }, { additionalProperties: false });

const RevisionRef = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  note: Type.String(),
  hash: Type.String(),
  basedOnRevisionId: Nullable(Uuid),
});
const Appraisal = Type.Object({
  id: Uuid,
  revisionId: Uuid,
  decision: Type.String(),
  checklist: Type.Object({ copyright: Type.Boolean(), accuracy: Type.Boolean(), noHarm: Type.Boolean(), noStateSecrets: Type.Boolean() }),
  comment: Type.String(),
  appraiser: Type.String(),
  createdAt: IsoDateTime,
});
const VersionSummary = Type.Object({ id: Uuid, language: Type.String(), isSource: Type.Boolean(), state: Type.String(), online: Type.Boolean() });

export const WorkingVersion = Type.Object(
  {
    id: Uuid,
    itemId: Uuid,
    agencyId: Uuid,
    kind: Type.String(),
    sourceLanguage: Type.String(),
    language: Type.String(),
    isSource: Type.Boolean(),
    state: lit(STATES),
    online: Type.Boolean({ description: 'A published revision is online (it may be older than the working one)' }),
    publishedRevisionId: Nullable(Uuid),
    contentHash: Nullable(Type.String({ description: 'SHA-256 of the published form (docs/content-hash.md)' })),
    scheduledAt: Nullable(IsoDateTime),
    submittedAt: Nullable(IsoDateTime),
    publishedAt: Nullable(IsoDateTime),
    firstPublishedAt: Nullable(IsoDateTime),
    updatedAt: IsoDateTime,
    revision: RevisionRef,
    text: Type.Object({ title: Type.String(), summary: Type.String(), body: Type.String() }),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    versions: Type.Array(VersionSummary),
    appraisals: Type.Array(Appraisal),
    allowedTransitions: Type.Array(Type.String()),
    canEdit: Type.Boolean(),
  },
  {
    $id: 'WorkingVersion',
    description: 'A language version as its editors and appraisers see it',
    examples: [
      {
        id: VERSION_ID,
        itemId: ITEM_ID,
        agencyId: AGENCY_ID,
        kind: 'news',
        sourceLanguage: 'vi',
        language: 'vi',
        isSource: true,
        state: 'published',
        online: true,
        publishedRevisionId: REVISION_ID,
        contentHash: HASH,
        scheduledAt: null,
        submittedAt: '2026-06-04T10:30:00.000Z',
        publishedAt: '2026-06-04T12:00:00.000Z',
        firstPublishedAt: '2026-06-04T12:00:00.000Z',
        updatedAt: '2026-06-04T12:00:00.000Z',
        revision: revisionExample,
        text: textExample,
        metadata: metadataExample,
        versions: [
          { id: VERSION_ID, language: 'vi', isSource: true, state: 'published', online: true },
          { id: EN_VERSION_ID, language: 'en', isSource: false, state: 'draft', online: false },
        ],
        appraisals: [appraisalExample],
        allowedTransitions: ['unpublish', 'archive'],
        canEdit: true,
      },
    ],
  },
);

export const PublishedVersion = Type.Object(
  {
    id: Uuid,
    itemId: Uuid,
    agencyId: Uuid,
    kind: Type.String(),
    language: Type.String(),
    sourceLanguage: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    body: Type.String(),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    publishedAt: IsoDateTime,
    firstPublishedAt: IsoDateTime,
    revision: Type.Integer(),
    contentHash: Type.String(),
    translations: Type.Array(Type.Object({ id: Uuid, language: Type.String() })),
  },
  {
    $id: 'PublishedVersion',
    examples: [
      {
        id: VERSION_ID,
        itemId: ITEM_ID,
        agencyId: AGENCY_ID,
        kind: 'news',
        language: 'vi',
        sourceLanguage: 'vi',
        ...textExample,
        metadata: metadataExample,
        publishedAt: '2026-06-04T12:00:00.000Z',
        firstPublishedAt: '2026-06-04T12:00:00.000Z',
        revision: 2,
        contentHash: HASH,
        translations: [{ id: VERSION_ID, language: 'vi' }],
      },
    ],
  },
);

export const ListRow = Type.Object(
  {
    id: Uuid,
    itemId: Uuid,
    language: Type.String(),
    isSource: Type.Boolean(),
    state: Type.String(),
    agencyId: Uuid,
    kind: Type.String(),
    visibility: Type.String(),
    title: Type.String(),
    activityDate: Nullable(Type.String()),
    submittedAt: Nullable(IsoDateTime),
    scheduledAt: Nullable(IsoDateTime),
    publishedAt: Nullable(IsoDateTime),
    online: Type.Boolean(),
    updatedAt: IsoDateTime,
  },
  {
    $id: 'ItemListRow',
    examples: [
      {
        id: VERSION_ID,
        itemId: ITEM_ID,
        language: 'vi',
        isSource: true,
        state: 'submitted',
        agencyId: AGENCY_ID,
        kind: 'news',
        visibility: 'public',
        title: textExample.title,
        activityDate: '2026-06-04',
        submittedAt: '2026-06-04T10:30:00.000Z',
        scheduledAt: null,
        publishedAt: null,
        online: false,
        updatedAt: '2026-06-04T10:30:00.000Z',
      },
    ],
  },
);

export const ListQuery = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    kind: Type.Optional(Kind),
    state: Type.Optional(lit(STATES)),
    language: Type.Optional(Language),
    topicId: Type.Optional(Uuid),
    q: Type.Optional(str(200)),
    cursor: Type.Optional(str(200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const Topic = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    nameVi: Type.String(),
    nameEn: Type.String(),
    descriptionVi: Type.String(),
    descriptionEn: Type.String(),
    parentId: Nullable(Uuid),
    position: Type.Integer(),
    archived: Type.Boolean(),
    version: Type.Integer(),
  },
  {
    $id: 'Topic',
    examples: [
      {
        id: TOPIC_ID,
        slug: 'van-hoa-le-hoi',
        nameVi: 'Văn hóa – Lễ hội',
        nameEn: 'Culture and festivals',
        descriptionVi: 'Di sản, lễ hội và sự kiện văn hóa của Huế',
        descriptionEn: "Huế's heritage, festivals and cultural events",
        parentId: null,
        position: 10,
        archived: false,
        version: 1,
      },
    ],
  },
);
const Slug = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
export const CreateTopicBody = Type.Object(
  {
    slug: Slug,
    nameVi: Type.String({ minLength: 2, maxLength: 200 }),
    nameEn: Type.String({ minLength: 2, maxLength: 200 }),
    descriptionVi: Type.Optional(str(2000)),
    descriptionEn: Type.Optional(str(2000)),
    parentId: Type.Optional(Nullable(Uuid)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false, examples: [{ slug: 'van-hoa-le-hoi', nameVi: 'Văn hóa – Lễ hội', nameEn: 'Culture and festivals', position: 10 }] },
);
export const UpdateTopicBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    nameVi: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    descriptionVi: Type.Optional(str(2000)),
    descriptionEn: Type.Optional(str(2000)),
    parentId: Type.Optional(Nullable(Uuid)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [{ version: 1, nameEn: 'Culture & festivals' }] },
);

export const History = Type.Object(
  {
    revisions: Type.Array(RevisionRef),
    appraisals: Type.Array(Appraisal),
    workingRevisionId: Nullable(Uuid),
    publishedRevisionId: Nullable(Uuid),
    lastApprovedRevisionId: Nullable(Uuid),
  },
  {
    examples: [
      {
        revisions: [revisionExample],
        appraisals: [appraisalExample],
        workingRevisionId: REVISION_ID,
        publishedRevisionId: REVISION_ID,
        lastApprovedRevisionId: REVISION_ID,
      },
    ],
  },
);
export const Diff = Type.Object(
  {
    fields: Type.Array(
      Type.Object({
        field: Type.String(),
        parts: Type.Array(Type.Object({ value: Type.String(), added: Type.Optional(Type.Boolean()), removed: Type.Optional(Type.Boolean()) })),
      }),
    ),
  },
  {
    examples: [
      {
        fields: [
          {
            field: 'title',
            parts: [{ value: 'Lễ hội Festival Huế 2026 ' }, { value: 'khai mạc', removed: true }, { value: 'bắt đầu', added: true }, { value: ' tại Đại Nội' }],
          },
        ],
      },
    ],
  },
);

export const contentSchemas = [WorkingVersion, PublishedVersion, ListRow, Topic];
