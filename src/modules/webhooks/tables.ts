// Tables of webhooks: subscriptions (a URL and the events it wants) and deliveries, which are both
// the queue (pending, with the next attempt's time) and the log (status, attempts, last answer).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, apiClients, users } from '../accounts/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** who registered it: an API client, or a person (personal token or the admin app) */
    clientId: uuid('client_id').references(() => apiClients.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    url: text('url').notNull(),
    /** published | updated | unpublished | deleted */
    events: text('events').array().notNull(),
    /** the HMAC-SHA256 key deliveries are signed with (shown once at registration) */
    secret: text('secret').notNull(),
    description: text('description').notNull().default(''),
    /** the scopes of the credential that registered it: the subscription never reads more (null: the owner's, for rows made before) */
    scopes: text('scopes').array(),
    active: boolean('active').notNull().default(true),
    disabledReason: text('disabled_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('webhook_subscriptions_client_idx').on(t.clientId), index('webhook_subscriptions_user_idx').on(t.userId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | delivered | failed (gave up) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastAttemptAt: ts('last_attempt_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [uniqueIndex('webhook_deliveries_change_key').on(t.subscriptionId, t.changeSeq), index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);

/** How far a reader of the changes stream inside the system has got (the webhook dispatcher, the national export). */
export const changeCursors = pgTable('change_cursors', {
  name: text('name').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
});
