// Tables of clarification cases (Art. 4): false information about the province, the agencies
// notified to answer it within CASE_RESPONSE_DAYS, their responses, evidence, the case's timeline,
// and the reminders sent (one row per assignment, kind and due date: the unique key decides which
// app process sends a reminder, so it goes out once).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../accounts/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The dossier of Art. 4.3: (a) situation since it appeared, (b) impact, (c) true facts, (d) legal grounds and precedents, (đ) proposed messaging. */
export interface Dossier {
  situation?: string;
  impact?: string;
  facts?: string;
  legalGrounds?: string;
  messaging?: string;
}

export interface DeadlineExtension {
  from: string;
  to: string;
  reason: string;
  by: string;
  at: string;
}

/** Per-year counter of case references (VV-2026-0001): one atomic upsert per new case. */
export const caseCounters = pgTable('case_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    severity: text('severity').notNull(),
    topicIds: uuid('topic_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    /** the false or distorted information, as it circulated */
    falseText: text('false_text').notNull(),
    claimant: text('claimant').notNull().default(''),
    rating: text('rating'),
    firstSeenAt: ts('first_seen_at'),
    /** estimated reach (views, shares) when known */
    reach: integer('reach'),
    dossier: jsonb('dossier').$type<Dossier>().notNull().default({}),
    openedByAgencyId: uuid('opened_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    openedBy: text('opened_by').notNull(),
    openedByLabel: text('opened_by_label').notNull(),
    /** set when the DIC takes up a case an agency opened (or opens it itself) */
    takenUpAt: ts('taken_up_at'),
    closedReason: text('closed_reason'),
    closedAt: ts('closed_at'),
    reopenReason: text('reopen_reason'),
    clarificationItemId: uuid('clarification_item_id'),
    clarificationVersionId: uuid('clarification_version_id'),
    clarificationPublishedAt: ts('clarification_published_at'),
    /** accent-free, lower-case title, false text, claimant and sighting URLs: precedent search */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_status_idx').on(t.status, t.updatedAt),
    index('cases_opened_by_idx').on(t.openedByAgencyId),
    index('cases_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const caseSightings = pgTable(
  'case_sightings',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    url: text('url').notNull(),
    /** normalised URL (lower-case host, no fragment, no tracking parameters, no trailing slash): the duplicate key */
    urlKey: text('url_key').notNull(),
    platform: text('platform').notNull().default(''),
    language: text('language'),
    seenAt: ts('seen_at'),
    reach: integer('reach'),
    note: text('note').notNull().default(''),
    addedBy: text('added_by').notNull(),
    addedByLabel: text('added_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('case_sightings_url_key').on(t.caseId, t.urlKey), index('case_sightings_url_idx').on(t.urlKey)],
);

export const caseAssignments = pgTable(
  'case_assignments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    notifiedAt: ts('notified_at').notNull(),
    notifiedBy: text('notified_by').notNull(),
    message: text('message').notNull().default(''),
    /** last local calendar day (Asia/Ho_Chi_Minh) to answer; the deadline ends at the end of that day */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    extensions: jsonb('extensions').$type<DeadlineExtension[]>().notNull().default([]),
    materialReceivedAt: ts('material_received_at'),
    materialNote: text('material_note').notNull().default(''),
    materialLinks: text('material_links')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    materialMediaIds: uuid('material_media_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    /** set with the material: received before the end of the due date */
    answeredOnTime: boolean('answered_on_time'),
  },
  (t) => [
    uniqueIndex('case_assignments_case_agency_key').on(t.caseId, t.agencyId),
    index('case_assignments_agency_idx').on(t.agencyId, t.notifiedAt),
    index('case_assignments_pending_idx')
      .on(t.dueDate)
      .where(sql`${t.materialReceivedAt} IS NULL`),
  ],
);

/** The forms of Art. 4.4 an agency used to answer. */
export const caseResponses = pgTable(
  'case_responses',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    form: text('form').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    links: text('links')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    mediaIds: uuid('media_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_responses_case_idx').on(t.caseId)],
);

/** Evidence: a file of the media library (screenshot, document) or a link. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    mediaId: uuid('media_id'),
    url: text('url'),
    label: text('label').notNull().default(''),
    note: text('note').notNull().default(''),
    addedBy: text('added_by').notNull(),
    addedByLabel: text('added_by_label').notNull(),
    addedByAgencyId: uuid('added_by_agency_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/** The case's timeline: status changes, notifications, extensions, responses, and situation updates (Art. 4.3a). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: ts('at').notNull(),
    /** when what it describes happened (situation updates may be back-dated); defaults to `at` */
    occurredAt: ts('occurred_at').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorLabel: text('actor_label').notNull(),
    actorAgencyId: uuid('actor_agency_id'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredAt)],
);

/** Reminders sent: inserted with ON CONFLICT DO NOTHING before sending, so two processes never both send. */
export const caseReminders = pgTable(
  'case_reminders',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => caseAssignments.id),
    kind: text('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.kind, t.dueDate] })],
);
