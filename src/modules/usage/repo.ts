// Queries of API usage. Writes are additive upserts, so any number of processes may flush at once.
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/transaction.js';
import { apiUsage } from './tables.js';

export type UsageRow = typeof apiUsage.$inferSelect;
export type UsageDelta = typeof apiUsage.$inferInsert & { day: string; principal: string };

const COUNTERS = ['requests', 'itemReads', 'originalDownloads', 'writes', 'errors', 'rateLimited', 'bytesOut'] as const;
const CHUNK = 500;

/**
 * Adds the deltas to the day's rows (one statement per 500 rows). Rows are sorted by key so two
 * processes flushing overlapping keys lock them in the same order and cannot deadlock.
 */
export async function addUsage(db: Database, deltas: UsageDelta[]): Promise<void> {
  const sorted = [...deltas].sort((a, b) => (a.day === b.day ? (a.principal < b.principal ? -1 : 1) : a.day < b.day ? -1 : 1));
  // Keys are the table's property names; the SQL names the columns.
  const set: Record<string, SQL> = {};
  for (const c of COUNTERS) set[c] = sql.raw(`"api_usage"."${apiUsage[c].name}" + excluded."${apiUsage[c].name}"`);
  // Who a principal is does not change; keep the first attribution, fill it in if it was missing.
  for (const c of ['clientId', 'userId', 'agencyId'] as const) set[c] = sql.raw(`coalesce("api_usage"."${apiUsage[c].name}", excluded."${apiUsage[c].name}")`);
  for (let i = 0; i < sorted.length; i += CHUNK) {
    await db
      .insert(apiUsage)
      .values(sorted.slice(i, i + CHUNK))
      .onConflictDoUpdate({ target: [apiUsage.day, apiUsage.principal], set });
  }
}

export interface UsageFilter {
  from: string;
  to: string;
  agencyId?: string;
  principals?: string[];
}

export async function listUsage(db: Database, f: UsageFilter): Promise<UsageRow[]> {
  return db
    .select()
    .from(apiUsage)
    .where(
      and(
        gte(apiUsage.day, f.from),
        lte(apiUsage.day, f.to),
        f.agencyId ? eq(apiUsage.agencyId, f.agencyId) : undefined,
        f.principals ? inArray(apiUsage.principal, f.principals) : undefined,
      ),
    )
    .orderBy(asc(apiUsage.day), asc(apiUsage.principal));
}

export interface ClientFacts {
  id: string;
  name: string;
  client_id: string;
  agency_id: string;
  terms_version: string;
  terms_accepted_at: Date | string;
  revoked_at: Date | string | null;
}

// The names shown next to the counters are read from the accounts area's tables by SQL (as content
// reads media facts): usage is reported for clients and people the reader may not otherwise list.
export async function clientFacts(db: Database, ids: string[]): Promise<ClientFacts[]> {
  if (!ids.length) return [];
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  return rowsOf<ClientFacts>(await db.execute(sql`SELECT id, name, client_id, agency_id, terms_version, terms_accepted_at, revoked_at FROM api_clients WHERE id IN (${list})`));
}

export async function userFacts(db: Database, ids: string[]): Promise<Array<{ id: string; display_name: string; username: string }>> {
  if (!ids.length) return [];
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  return rowsOf(await db.execute(sql`SELECT id, display_name, username FROM users WHERE id IN (${list})`));
}

export async function agencyFacts(db: Database, ids: string[]): Promise<Array<{ id: string; name_vi: string; name_en: string }>> {
  if (!ids.length) return [];
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  return rowsOf(await db.execute(sql`SELECT id, name_vi, name_en FROM agencies WHERE id IN (${list})`));
}
