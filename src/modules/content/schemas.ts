// Request and response schemas of the content area.
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from '../../http/schemas.js';
import { CLAIM_RATINGS, DOCUMENT_TYPES, KINDS, LICENCES, VISIBILITIES } from './model.js';
import { STATES, TRANSITION_NAMES } from './workflow.js';

const lit = <T extends string>(xs: readonly T[], description?: string) => Type.Union(xs.map((x) => Type.Literal(x)), description ? { description } : {});
const str = (max: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength: max, ...extra });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Kind = lit(KINDS, 'news | photo_album | video | document | publication | profile_page | clarification');
export const Visibility = lit(VISIBILITIES, 'public: portal and anonymous API; shared: account holders with the exploit right (Art. 10); internal: owning agency and DIC');
export const Language = Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$', maxLength: 12, description: 'ISO 639-1 code, one of CONTENT_LANGUAGES' });

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
        { type: lit(['own', 'other'] as const), name: Type.Optional(str(300)), url: Type.Optional(Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'http(s) address' })) },
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
        { maxItems: 200, description: 'Files of the media library used by the item, in order: album photos (with captions per language), the video, illustrations' },
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
                { url: Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'http(s) address where it appeared' }), platform: Type.Optional(str(100)) },
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
  { additionalProperties: false },
);
export const SaveVersionBody = Type.Object(
  {
    baseRevisionId: Type.String({ format: 'uuid', description: 'The working revision your edit started from; if someone saved since, 409 stale_revision' }),
    text: Text,
    metadata: Type.Optional(Metadata),
    note: Type.Optional(str(1000)),
  },
  { additionalProperties: false },
);
export const AddTranslationBody = Type.Object({ language: Language, text: Text, note: Type.Optional(str(1000)) }, { additionalProperties: false });
export const TransitionBody = Type.Object(
  {
    declaration: Type.Optional(Type.Object({ noStateSecrets: Type.Boolean() }, { additionalProperties: false })),
    comment: Type.Optional(str(5000)),
    checklist: Type.Optional(
      Type.Object(
        { copyright: Type.Optional(Type.Boolean()), accuracy: Type.Optional(Type.Boolean()), noHarm: Type.Optional(Type.Boolean()), noStateSecrets: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
    publishAt: Type.Optional(Nullable(IsoDateTime)),
  },
  { additionalProperties: false },
);
export const TransitionParams = Type.Object({ id: Uuid, name: lit(TRANSITION_NAMES) }, { additionalProperties: false });
export const RestoreBody = Type.Object({ revisionId: Uuid, baseRevisionId: Uuid }, { additionalProperties: false });
export const DiffQuery = Type.Object({ from: Uuid, to: Uuid }, { additionalProperties: false });

const RevisionRef = Type.Object({ id: Uuid, number: Type.Integer(), createdBy: Type.String(), createdAt: IsoDateTime, note: Type.String(), hash: Type.String(), basedOnRevisionId: Nullable(Uuid) });
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
  { $id: 'WorkingVersion', description: 'A language version as its editors and appraisers see it' },
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
  { $id: 'PublishedVersion' },
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
  { $id: 'ItemListRow' },
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

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(str(200, { description: 'Words (with or without diacritics), "a phrase", -excluded, or' })),
    view: Type.Optional(lit(['published', 'working'] as const)),
    kind: Type.Optional(Kind),
    language: Type.Optional(Language),
    agencyId: Type.Optional(Uuid),
    topicId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      versionId: Uuid,
      itemId: Uuid,
      language: Type.String(),
      kind: Type.String(),
      agencyId: Uuid,
      state: Type.String(),
      title: Type.String(),
      titleHtml: Type.String({ description: 'Escaped HTML with <mark> around matches' }),
      summary: Type.String(),
      snippetHtml: Nullable(Type.String({ description: 'Escaped HTML with <mark> around matches, and … where the text was cut' })),
      publishedAt: Nullable(IsoDateTime),
      activityDate: Nullable(Type.String()),
      rank: Nullable(Type.Number()),
    }),
  ),
  total: Type.Integer(),
  totalIsCapped: Type.Boolean({ description: 'True when there are at least 1000 matches: only the newest 1000 are ranked and counted' }),
  page: Type.Integer(),
  limit: Type.Integer(),
  facets: Type.Array(Type.Object({ facet: Type.String(), value: Type.String(), count: Type.Integer() })),
  suggestions: Type.Array(Type.String(), {
    description: 'When fewer than 3 results: the query again with misspelt words replaced by known words of public content ("did you mean"); each finds more',
  }),
});

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
  { $id: 'Topic' },
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
  { additionalProperties: false },
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
  { additionalProperties: false },
);

export const History = Type.Object({
  revisions: Type.Array(RevisionRef),
  appraisals: Type.Array(Appraisal),
  workingRevisionId: Nullable(Uuid),
  publishedRevisionId: Nullable(Uuid),
  lastApprovedRevisionId: Nullable(Uuid),
});
export const Diff = Type.Object({
  fields: Type.Array(Type.Object({ field: Type.String(), parts: Type.Array(Type.Object({ value: Type.String(), added: Type.Optional(Type.Boolean()), removed: Type.Optional(Type.Boolean()) })) })),
});

export const contentSchemas = [WorkingVersion, PublishedVersion, ListRow, Topic];
