// SQL of the audit log.
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditEvents } from './tables.js';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

const AUDIT_CHAIN_LOCK = 7_424_610_070;

/** Serialises appends so the chain has one head; held until the transaction ends. */
export async function lockChain(db: Database): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

export async function lastHash(db: Database): Promise<string | null> {
  const rows = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return rows[0]?.hash ?? null;
}

export async function insertEvent(db: Database, row: NewAuditRow): Promise<AuditRow> {
  const [inserted] = await db.insert(auditEvents).values(row).returning();
  return inserted;
}

export interface AuditFilter {
  actorId?: string;
  agencyId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
}

export async function listEvents(db: Database, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.agencyId) where.push(eq(auditEvents.agencyId, f.agencyId));
  if (f.action) where.push(sql`${auditEvents.action} LIKE ${f.action.replace(/[%_\\]/g, '\\$&') + '%'}`);
  if (f.targetType) where.push(eq(auditEvents.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditEvents.targetId, f.targetId));
  if (f.outcome) where.push(eq(auditEvents.outcome, f.outcome));
  if (f.from) where.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) where.push(lte(auditEvents.occurredAt, f.to));
  if (f.beforeSeq) where.push(lt(auditEvents.seq, f.beforeSeq));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

/** Events in chain order, a page at a time, for verification. */
export async function eventsAfter(db: Database, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
}
