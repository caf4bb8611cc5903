// Tables of the content area: the taxonomy, items, their language versions, revisions and appraisals.
//
// An item has one language version per language; each version has its own workflow state and its
// own chain of revisions. A revision is an immutable snapshot of the text *and* the item's shared
// metadata at the time it was saved, so what is appraised is exactly what gets published.
// item_versions carries denormalised copies of the working revision (for staff lists and search)
// and of the published revision (for the portal, the public API and public search).
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { agencies, users } from '../accounts/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Weighted, accent-free document: title (A) above summary (B) above body (C). */
const searchVector = (title: AnyPgColumn, summary: AnyPgColumn, body: AnyPgColumn): SQL =>
  sql`setweight(to_tsvector('simple', public.f_unaccent(coalesce(${title}, ''))), 'A') || setweight(to_tsvector('simple', public.f_unaccent(coalesce(${summary}, ''))), 'B') || setweight(to_tsvector('simple', public.f_unaccent(coalesce(${body}, ''))), 'C')`;

export const topics = pgTable(
  'topics',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    slug: text('slug').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => topics.id),
    position: integer('position').notNull().default(0),
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('topics_slug_key').on(t.slug)],
);

export const items = pgTable(
  'items',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').notNull(),
    sourceLanguage: text('source_language').notNull().default('vi'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('items_agency_idx').on(t.agencyId)],
);

export const itemVersions = pgTable(
  'item_versions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    language: text('language').notNull(),
    isSource: boolean('is_source').notNull(),
    state: text('state').notNull(),
    workingRevisionId: uuid('working_revision_id'),
    publishedRevisionId: uuid('published_revision_id'),
    scheduledAt: ts('scheduled_at'),
    publishedAt: ts('published_at'),
    firstPublishedAt: ts('first_published_at'),
    contentHash: text('content_hash'),
    submittedAt: ts('submitted_at'),
    /** who submitted (a person), to tell them of the appraisal's outcome */
    submittedBy: uuid('submitted_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    // denormalised from the item and the working revision: staff lists and staff search
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility').notNull(),
    topicIds: uuid('topic_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    activityDate: date('activity_date', { mode: 'string' }),
    /** media the working revision uses (album photos, video, the document's file) */
    mediaIds: uuid('media_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs((): SQL => searchVector(itemVersions.title, itemVersions.summary, itemVersions.bodyText)),
    // denormalised from the published revision: the portal, the public API, public search
    pubVisibility: text('pub_visibility'),
    pubTopicIds: uuid('pub_topic_ids').array(),
    pubActivityDate: date('pub_activity_date', { mode: 'string' }),
    pubMediaIds: uuid('pub_media_ids').array(),
    pubTitle: text('pub_title'),
    pubSummary: text('pub_summary'),
    pubBodyText: text('pub_body_text'),
    pubSearch: tsvector('pub_search').generatedAlwaysAs((): SQL => searchVector(itemVersions.pubTitle, itemVersions.pubSummary, itemVersions.pubBodyText)),
  },
  (t) => [
    uniqueIndex('item_versions_item_lang_key').on(t.itemId, t.language),
    index('item_versions_agency_state_idx').on(t.agencyId, t.state),
    index('item_versions_state_submitted_idx').on(t.state, t.submittedAt),
    index('item_versions_updated_idx').on(t.updatedAt, t.id),
    index('item_versions_published_idx').on(t.publishedAt, t.id),
    index('item_versions_first_published_idx').on(t.firstPublishedAt, t.id),
    index('item_versions_scheduled_idx')
      .on(t.scheduledAt)
      .where(sql`${t.state} = 'approved' AND ${t.scheduledAt} IS NOT NULL`),
    index('item_versions_search_idx').using('gin', t.search),
    index('item_versions_pub_search_idx').using('gin', t.pubSearch),
    index('item_versions_topics_idx').using('gin', t.topicIds),
    index('item_versions_pub_media_idx').using('gin', t.pubMediaIds),
    index('item_versions_media_idx').using('gin', t.mediaIds),
    index('item_versions_title_trgm_idx').using('gin', sql`public.f_unaccent(${t.title}) gin_trgm_ops`),
  ],
);

/**
 * How many versions are online, per language, visibility, kind, agency and topic: kept by statement
 * triggers on item_versions (migration 0018_published_counts), so a listing's total is a sum over a
 * few rows instead of a count over every version (published/repo.ts `countCards`). A version is
 * counted once under ALL_TOPICS (the nil uuid) and once under each of its topics.
 */
export const publishedCounts = pgTable(
  'published_counts',
  {
    language: text('language').notNull(),
    visibility: text('visibility').notNull(),
    kind: text('kind').notNull(),
    agencyId: uuid('agency_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    versions: integer('versions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.language, t.visibility, t.kind, t.agencyId, t.topicId] })],
);
export const ALL_TOPICS = '00000000-0000-0000-0000-000000000000';

export const revisions = pgTable(
  'revisions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    itemVersionId: uuid('item_version_id')
      .notNull()
      .references(() => itemVersions.id),
    itemId: uuid('item_id').notNull(),
    language: text('language').notNull(),
    number: integer('number').notNull(),
    /** { text: { title, summary, body }, metadata: { … } } — immutable */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    contentHash: text('content_hash').notNull(),
    basedOnRevisionId: uuid('based_on_revision_id'),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('revisions_version_number_key').on(t.itemVersionId, t.number)],
);

export interface AppraisalChecklist {
  copyright: boolean;
  accuracy: boolean;
  noHarm: boolean;
  noStateSecrets: boolean;
}

export const appraisals = pgTable(
  'appraisals',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    itemVersionId: uuid('item_version_id')
      .notNull()
      .references(() => itemVersions.id),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => revisions.id),
    decision: text('decision').notNull(),
    checklist: jsonb('checklist').$type<AppraisalChecklist>().notNull(),
    comment: text('comment').notNull().default(''),
    appraiserId: uuid('appraiser_id').references(() => users.id),
    appraiserLabel: text('appraiser_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('appraisals_version_idx').on(t.itemVersionId)],
);

/** Bulk imports: their progress and the report of rejected rows. */
export const imports = pgTable('imports', {
  id: uuid('id').primaryKey(),
  agencyId: uuid('agency_id'),
  createdBy: text('created_by').notNull(),
  createdByLabel: text('created_by_label').notNull(),
  fileName: text('file_name').notNull().default(''),
  format: text('format').notNull(),
  mode: text('mode').notNull(),
  status: text('status').notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** [{ row, errors: [{ field, code, message: {vi,en} }] }], at most 1000 rows */
  report: jsonb('report').$type<unknown[]>().notNull().default([]),
  error: text('error'),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
});

/**
 * One row: a counter bumped in the transaction of every change the public can see (publish,
 * unpublish, new published metadata, taxonomy). Caches of public pages are keyed by it; a trigger
 * NOTIFYs other app processes (channel `ttdn_public`) when it moves.
 */
export const publicGeneration = pgTable('public_generation', {
  id: integer('id').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

/** Items the DIC puts forward on the portal's home page, in order (Art. 5: promotion). */
export const highlights = pgTable('highlights', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => items.id),
  position: integer('position').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * Every change to what readers outside the agencies may see, in commit order: the changes stream
 * (GET /api/v1/changes), webhooks and the national export read it. Rows are written after the
 * public generation is bumped in the same transaction; that row lock serialises public changes,
 * so `seq` order is commit order and a reader polling `seq > cursor` never skips a row.
 * `visibility` is after the change (null once no longer published), `prev_visibility` before
 * (null when it was not published): a reader sees a row when either is readable to it.
 */
export const publicChanges = pgTable(
  'public_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    /** published | updated | unpublished | deleted */
    event: text('event').notNull(),
    itemId: uuid('item_id').notNull(),
    versionId: uuid('version_id').notNull(),
    language: text('language').notNull(),
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility'),
    prevVisibility: text('prev_visibility'),
    contentHash: text('content_hash'),
  },
  (t) => [index('public_changes_version_idx').on(t.versionId)],
);
