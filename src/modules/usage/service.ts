// API usage (R5.2): counters per day and principal, written in batches by the recorder, read as a
// report per principal (client, person, anonymous address) and per agency, by day.
import { withTransaction } from '../../db/transaction.js';
import type { Context } from '../../core/context.js';
import { Forbidden, Invalid } from '../../core/errors.js';
import { toLocalDate } from '../../core/clock.js';
import { usageScope } from './policy.js';
import * as repo from './repo.js';

export interface UsageCounters {
  requests: number;
  itemReads: number;
  originalDownloads: number;
  writes: number;
  errors: number;
  rateLimited: number;
  bytesOut: number;
}

export interface UsageEntry extends UsageCounters {
  /** Calendar day in Asia/Ho_Chi_Minh, yyyy-mm-dd */
  day: string;
  /** client:<id> | user:<id> | ip:<address> */
  principal: string;
  clientId: string | null;
  userId: string | null;
  agencyId: string | null;
}

export const COUNTER_NAMES: ReadonlyArray<keyof UsageCounters> = ['requests', 'itemReads', 'originalDownloads', 'writes', 'errors', 'rateLimited', 'bytesOut'];

export const zeroCounters = (): UsageCounters => ({ requests: 0, itemReads: 0, originalDownloads: 0, writes: 0, errors: 0, rateLimited: 0, bytesOut: 0 });

export function addCounters(into: UsageCounters, from: UsageCounters): void {
  for (const k of COUNTER_NAMES) into[k] += from[k];
}

/** Adds buffered counters to the stored ones (the recorder's flush; a system actor only). */
export async function recordUsage(ctx: Context, entries: UsageEntry[]): Promise<void> {
  if (ctx.actor.kind !== 'system') throw new Forbidden();
  // one transaction: a flush that fails part-way writes nothing, so putting it back cannot count twice
  if (entries.length) await withTransaction(ctx, (tx) => repo.addUsage(tx.db, entries));
}

export interface UsageQuery {
  from?: string;
  to?: string;
  agencyId?: string;
  clientId?: string;
}

type Day = { day: string } & UsageCounters;

export interface PrincipalUsage {
  principal: string;
  kind: 'client' | 'user' | 'ip';
  clientId: string | null;
  userId: string | null;
  agencyId: string | null;
  /** A client's name, a person's display name, or the address */
  name: string;
  /** The client's public identifier (ttdn_…), for clients */
  clientKey: string | null;
  /** Terms of use accepted for a client (version and when); null for people and addresses */
  terms: { version: string; acceptedAt: string } | null;
  revoked: boolean;
  totals: UsageCounters;
  days: Day[];
}

export interface AgencyUsage {
  /** null: anonymous callers */
  agencyId: string | null;
  nameVi: string | null;
  nameEn: string | null;
  totals: UsageCounters;
  days: Day[];
}

export interface UsageReport {
  from: string;
  to: string;
  principals: PrincipalUsage[];
  agencies: AgencyUsage[];
  days: Day[];
  totals: UsageCounters;
  /** More principals were active than listed (the most active are listed; agencies and totals count all) */
  truncated: boolean;
}

const MAX_PRINCIPALS = 500;
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

function checkDate(field: string, value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw Invalid.field(field, 'field_format');
  return value;
}

const shiftDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Usage over a range of days (default: the last 30), limited to what the actor may see. */
export async function readUsage(ctx: Context, q: UsageQuery): Promise<UsageReport> {
  const scope = usageScope(ctx.actor);
  if (scope === 'none') throw new Forbidden();
  const to = q.to ? checkDate('to', q.to) : toLocalDate(ctx.clock.now());
  const from = q.from ? checkDate('from', q.from) : shiftDays(to, -29);
  if (from > to) throw Invalid.field('from', 'field_range');
  if (shiftDays(from, MAX_DAYS - 1) < to) throw Invalid.field('to', 'field_range');
  const empty: UsageReport = { from, to, principals: [], agencies: [], days: [], totals: zeroCounters(), truncated: false };

  // The actor's row filter, then the requested one within it (asking outside it finds nothing).
  let agencyId = q.agencyId;
  let principals = q.clientId ? [`client:${q.clientId}`] : undefined;
  if ('agencyId' in scope) {
    if (agencyId && agencyId !== scope.agencyId) return empty;
    agencyId = scope.agencyId;
  } else if ('principal' in scope) {
    if (principals && principals[0] !== scope.principal) return empty;
    principals = [scope.principal];
  }
  return buildReport(ctx, { from, to, agencyId, principals });
}

const countersOf = (r: UsageCounters): UsageCounters => ({
  requests: r.requests,
  itemReads: r.itemReads,
  originalDownloads: r.originalDownloads,
  writes: r.writes,
  errors: r.errors,
  rateLimited: r.rateLimited,
  bytesOut: Number(r.bytesOut),
});

function addDay(days: Map<string, Day>, day: string, c: UsageCounters) {
  let d = days.get(day);
  if (!d) days.set(day, (d = { day, ...zeroCounters() }));
  addCounters(d, c);
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

// The database groups: the most active principals with their totals, then their days, and counters
// per agency and day (from which the days and totals of the report are summed).
async function buildReport(ctx: Context, f: repo.UsageFilter): Promise<UsageReport> {
  const { from, to } = f;
  const [top, perAgencyDay] = await Promise.all([repo.topPrincipals(ctx.db, f, MAX_PRINCIPALS), repo.agencyDays(ctx.db, f)]);
  const listedDays = new Map(top.map((p) => [p.principal, new Map<string, Day>()]));
  if (top.length)
    for (const r of await repo.listUsage(ctx.db, { ...f, principals: [...listedDays.keys()] })) addDay(listedDays.get(r.principal)!, r.day, countersOf(r));
  const listed = top.map((p) => ({ row: p, totals: countersOf(p), days: listedDays.get(p.principal)! }));
  const byAgency = new Map<string | null, { totals: UsageCounters; days: Map<string, Day> }>();
  const allDays = new Map<string, Day>();
  const totals = zeroCounters();
  for (const r of perAgencyDay) {
    const c = countersOf(r);
    let a = byAgency.get(r.agencyId);
    if (!a) byAgency.set(r.agencyId, (a = { totals: zeroCounters(), days: new Map() }));
    addCounters(a.totals, c);
    addDay(a.days, r.day, c);
    addDay(allDays, r.day, c);
    addCounters(totals, c);
  }
  const ids = (pick: (r: (typeof top)[number]) => string | null) => [...new Set(listed.map((p) => pick(p.row)).filter((x): x is string => !!x))];
  const [clients, users, agencies] = await Promise.all([
    repo.clientFacts(
      ctx.db,
      ids((r) => r.clientId),
    ),
    repo.userFacts(
      ctx.db,
      ids((r) => r.userId),
    ),
    repo.agencyFacts(
      ctx.db,
      [...byAgency.keys()].filter((x): x is string => !!x),
    ),
  ]);
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const sortedDays = (m: Map<string, Day>) => [...m.values()].sort((a, b) => (a.day < b.day ? -1 : 1));

  const principals: PrincipalUsage[] = listed.map(({ row, totals: t, days }) => {
    const kind = row.principal.startsWith('client:') ? 'client' : row.principal.startsWith('user:') ? 'user' : 'ip';
    const client = row.clientId ? clientById.get(row.clientId) : undefined;
    const user = row.userId ? userById.get(row.userId) : undefined;
    return {
      principal: row.principal,
      kind,
      clientId: row.clientId,
      userId: row.userId,
      agencyId: row.agencyId,
      name: client?.name ?? (user ? `${user.display_name} (${user.username})` : row.principal.replace(/^[a-z]+:/, '')),
      clientKey: client?.client_id ?? null,
      terms: client ? { version: client.terms_version, acceptedAt: iso(client.terms_accepted_at) } : null,
      revoked: !!client?.revoked_at,
      totals: t,
      days: sortedDays(days),
    };
  });
  const agencyRows: AgencyUsage[] = [...byAgency.entries()]
    .map(([agencyId, a]) => ({
      agencyId,
      nameVi: agencyId ? (agencyById.get(agencyId)?.name_vi ?? null) : null,
      nameEn: agencyId ? (agencyById.get(agencyId)?.name_en ?? null) : null,
      totals: a.totals,
      days: sortedDays(a.days),
    }))
    .sort((a, b) => b.totals.requests - a.totals.requests);
  return { from, to, principals, agencies: agencyRows, days: sortedDays(allDays), totals, truncated: (top[0]?.active ?? 0) > listed.length };
}
