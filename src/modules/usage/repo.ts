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
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf<ClientFacts>(
    await db.execute(sql`SELECT id, name, client_id, agency_id, terms_version, terms_accepted_at, revoked_at FROM api_clients WHERE id IN (${list})`),
  );
}

export async function userFacts(db: Database, ids: string[]): Promise<Array<{ id: string; display_name: string; username: string }>> {
  if (!ids.length) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf(await db.execute(sql`SELECT id, display_name, username FROM users WHERE id IN (${list})`));
}

export async function agencyFacts(db: Database, ids: string[]): Promise<Array<{ id: string; name_vi: string; name_en: string }>> {
  if (!ids.length) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf(await db.execute(sql`SELECT id, name_vi, name_en FROM agencies WHERE id IN (${list})`));
}

const filterOf = (f: UsageFilter) =>
  and(
    gte(apiUsage.day, f.from),
    lte(apiUsage.day, f.to),
    f.agencyId ? eq(apiUsage.agencyId, f.agencyId) : undefined,
    f.principals ? inArray(apiUsage.principal, f.principals) : undefined,
  );

const sums = () => ({
  requests: sql<number>`sum(${apiUsage.requests})`.mapWith(Number),
  itemReads: sql<number>`sum(${apiUsage.itemReads})`.mapWith(Number),
  originalDownloads: sql<number>`sum(${apiUsage.originalDownloads})`.mapWith(Number),
  writes: sql<number>`sum(${apiUsage.writes})`.mapWith(Number),
  errors: sql<number>`sum(${apiUsage.errors})`.mapWith(Number),
  rateLimited: sql<number>`sum(${apiUsage.rateLimited})`.mapWith(Number),
  bytesOut: sql<number>`sum(${apiUsage.bytesOut})`.mapWith(Number),
});

/**
 * The most active principals of the range (by requests, then principal), with their totals, who
 * they are as first recorded in the range, and how many principals were active in all.
 */
export async function topPrincipals(db: Database, f: UsageFilter, limit: number) {
  return db
    .select({
      principal: apiUsage.principal,
      clientId: sql<string | null>`(array_agg(${apiUsage.clientId} ORDER BY ${apiUsage.day}))[1]`,
      userId: sql<string | null>`(array_agg(${apiUsage.userId} ORDER BY ${apiUsage.day}))[1]`,
      agencyId: sql<string | null>`(array_agg(${apiUsage.agencyId} ORDER BY ${apiUsage.day}))[1]`,
      ...sums(),
      active: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(apiUsage)
    .where(filterOf(f))
    .groupBy(apiUsage.principal)
    .orderBy(sql`sum(${apiUsage.requests}) DESC`, sql`${apiUsage.principal} COLLATE "C"`)
    .limit(limit);
}

/**
 * Counters per agency and day, in the order each agency first appears among the rows sorted by
 * day and principal (`first`: the day's first principal of the agency).
 */
export async function agencyDays(db: Database, f: UsageFilter) {
  return db
    .select({ agencyId: apiUsage.agencyId, day: apiUsage.day, first: sql<string>`min(${apiUsage.principal})`, ...sums() })
    .from(apiUsage)
    .where(filterOf(f))
    .groupBy(apiUsage.agencyId, apiUsage.day)
    .orderBy(asc(apiUsage.day), sql`min(${apiUsage.principal})`);
}
