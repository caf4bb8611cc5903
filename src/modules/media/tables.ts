// Tables of the media library: content-addressed blobs, the media records agencies own, the
// resumable uploads in progress, and the download counter of originals (R5.2).
//
// A blob is one stored file, named by the SHA-256 of its bytes: the same file uploaded twice is
// stored once. A media record is an agency's use of a blob, with its own descriptive metadata,
// visibility, alt texts and variants. Media becomes readable outside its agency only through a
// published item that uses it (see policy.ts), so nothing is public that the DIC has not appraised.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../accounts/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const mediaBlobs = pgTable('media_blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: ts('created_at').notNull(),
  /** the bytes were removed from the store (no live media used them); a new upload restores them */
  purgedAt: ts('purged_at'),
});

export interface VariantFile {
  /** e.g. "640.webp", "square.webp" */
  name: string;
  width: number;
  height: number;
  format: 'webp' | 'avif';
  size: number;
  /** purpose: a responsive width or a focal-point crop */
  crop?: 'square' | 'social';
}

/** Facts read from the file: never typed in by people. */
export interface MediaFacts {
  /** EXIF/IPTC/XMP values as read (prefilled into the editable fields) */
  embedded?: { author?: string; dateTaken?: string; caption?: string; copyright?: string; place?: string };
  /** GPS position from EXIF, kept out of public variants unless keepGps */
  gps?: { latitude: number; longitude: number } | null;
  orientation?: number;
  frames?: number;
  video?: { codec?: string; durationSeconds?: number; width?: number; height?: number; probed: boolean };
  pdf?: { pageCount: number };
  office?: { entries: number; uncompressedBytes: number };
}

export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** image | video | document */
    kind: text('kind').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => mediaBlobs.sha256),
    mime: text('mime').notNull(),
    ext: text('ext').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    originalName: text('original_name').notNull(),
    width: integer('width'),
    height: integer('height'),
    durationSeconds: real('duration_seconds'),
    pageCount: integer('page_count'),
    facts: jsonb('facts').$type<MediaFacts>().notNull().default({}),
    /** plain text of documents (PDF, office), for search; capped */
    extractedText: text('extracted_text').notNull().default(''),
    // descriptive metadata, as for items (Art. 6.2)
    title: jsonb('title').$type<Record<string, string>>().notNull().default({}),
    caption: jsonb('caption').$type<Record<string, string>>().notNull().default({}),
    alt: jsonb('alt').$type<Record<string, string>>().notNull().default({}),
    authors: text('authors')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    dateTaken: date('date_taken', { mode: 'string' }),
    place: text('place').notNull().default(''),
    copyrightHolder: text('copyright_holder').notNull().default(''),
    licence: text('licence'),
    visibility: text('visibility').notNull().default('internal'),
    keepGps: boolean('keep_gps').notNull().default(false),
    focalX: real('focal_x').notNull().default(0.5),
    focalY: real('focal_y').notNull().default(0.5),
    /** none (not an image) | pending | ready | failed */
    variantsStatus: text('variants_status').notNull(),
    variantsError: text('variants_error'),
    /** bumped when what the variants depend on changes (focal point, keepGps): new URLs */
    variantsRevision: integer('variants_revision').notNull().default(1),
    variants: jsonb('variants').$type<VariantFile[]>().notNull().default([]),
    /** unaccented lower-case text of names, titles, captions and extracted text, for the library's search */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('media_agency_created_idx').on(t.agencyId, t.createdAt, t.id),
    index('media_created_idx').on(t.createdAt, t.id),
    index('media_sha_idx').on(t.sha256),
    uniqueIndex('media_agency_sha_live_key')
      .on(t.agencyId, t.sha256)
      .where(sql`${t.deletedAt} IS NULL`),
    index('media_variants_pending_idx')
      .on(t.updatedAt)
      .where(sql`${t.variantsStatus} = 'pending'`),
    index('media_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Resumable (tus) uploads in progress: who may continue each, and what it will become. */
export const mediaUploads = pgTable(
  'media_uploads',
  {
    id: text('id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    createdBy: text('created_by').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    mediaId: uuid('media_id'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('media_uploads_created_idx').on(t.createdAt)],
);

/** Downloads of originals per day, media and principal (an account, a client or "anonymous"). */
export const mediaDownloads = pgTable(
  'media_downloads',
  {
    day: date('day', { mode: 'string' }).notNull(),
    mediaId: uuid('media_id').notNull(),
    principal: text('principal').notNull(),
    principalAgencyId: uuid('principal_agency_id'),
    count: integer('count').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.mediaId, t.principal] }), index('media_downloads_media_idx').on(t.mediaId)],
);
