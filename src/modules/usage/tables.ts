// API usage (R5.2, Art. 8.1c): per day and principal (a client, a person, or an anonymous IP),
// counters of what was done — kept compact, one row per principal and day.
import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

export const apiUsage = pgTable(
  'api_usage',
  {
    day: date('day', { mode: 'string' }).notNull(),
    /** client:<api client id> | user:<user id> | ip:<address> */
    principal: text('principal').notNull(),
    clientId: uuid('client_id'),
    userId: uuid('user_id'),
    agencyId: uuid('agency_id'),
    requests: integer('requests').notNull().default(0),
    itemReads: integer('item_reads').notNull().default(0),
    originalDownloads: integer('original_downloads').notNull().default(0),
    writes: integer('writes').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    rateLimited: integer('rate_limited').notNull().default(0),
    bytesOut: bigint('bytes_out', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.principal] }),
    index('api_usage_agency_idx').on(t.agencyId, t.day),
    index('api_usage_client_idx').on(t.clientId, t.day),
  ],
);
