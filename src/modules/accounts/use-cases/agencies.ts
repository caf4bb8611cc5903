// Agencies: create, update (with the revision it was based on), archive, read, list.
import type { Context } from '../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { accountsPolicy } from '../policy.js';
import * as repo from '../repo.js';
import type { AgencyContact } from '../tables.js';
import { bumpPublicGeneration } from '../../../db/public-generation.js';

export const vietnameseOrder = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const AGENCY_TYPES = ['department', 'district', 'commune', 'public_service_unit', 'central_agency', 'press', 'other'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const AGENCY_FUNCTIONS = ['contribute', 'exploit', 'answer_cases'] as const;

export interface AgencyInput {
  slug: string;
  nameVi: string;
  nameEn: string;
  type: AgencyType;
  parentId?: string | null;
  contact?: AgencyContact;
  descriptionVi?: string;
  descriptionEn?: string;
  isOperator?: boolean;
  functions?: Array<(typeof AGENCY_FUNCTIONS)[number]>;
}

async function assertParent(ctx: Context, id: string | null | undefined, self?: string) {
  if (!id) return;
  let cursor: string | null = id;
  for (let depth = 0; cursor; depth++) {
    if (cursor === self || depth > 20) throw Invalid.field('parentId', 'agency_parent_cycle');
    const parent: repo.AgencyRow | null = await repo.findAgency(ctx.db, cursor);
    if (!parent) throw Invalid.field('parentId', 'agency_not_found');
    cursor = parent.parentId;
  }
}

export async function createAgency(ctx: Context, input: AgencyInput): Promise<repo.AgencyRow> {
  if (!accountsPolicy.manageAgencies(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    if (await repo.findAgencyBySlug(tx.db, input.slug)) throw new Conflict('slug_taken', [fieldErr('slug', 'slug_taken')]);
    await assertParent(tx, input.parentId);
    const now = ctx.clock.now();
    const row = await repo.insertAgency(tx.db, {
      slug: input.slug,
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      type: input.type,
      parentId: input.parentId ?? null,
      contact: input.contact ?? {},
      descriptionVi: input.descriptionVi ?? '',
      descriptionEn: input.descriptionEn ?? '',
      isOperator: input.isOperator ?? false,
      functions: input.functions ?? [...AGENCY_FUNCTIONS],
      createdAt: now,
      updatedAt: now,
    });
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: 'agency.create', agencyId: row.id, targetType: 'agency', targetId: row.id, data: { after: row } });
    return row;
  });
}

export async function updateAgency(ctx: Context, id: string, version: number, patch: Partial<AgencyInput>) {
  if (!accountsPolicy.manageAgencies(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findAgency(tx.db, id);
    if (!before) throw new NotFound();
    if (patch.slug && patch.slug !== before.slug && (await repo.findAgencyBySlug(tx.db, patch.slug))) {
      throw new Conflict('slug_taken', [fieldErr('slug', 'slug_taken')]);
    }
    if (patch.parentId !== undefined) await assertParent(tx, patch.parentId, id);
    const after = await repo.updateAgency(tx.db, id, version, { ...patch, updatedAt: ctx.clock.now() });
    if (!after) throw new Conflict('stale_revision');
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, {
      action: 'agency.update',
      agencyId: id,
      targetType: 'agency',
      targetId: id,
      data: { before: diffOf(before, after, 'before'), after: diffOf(before, after, 'after') },
    });
    return after;
  });
}

export async function setAgencyArchived(ctx: Context, id: string, archived: boolean) {
  if (!accountsPolicy.manageAgencies(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findAgency(tx.db, id);
    if (!before) throw new NotFound();
    if (archived && (await repo.countActiveUsers(tx.db, id)) > 0) throw new Conflict('agency_has_users');
    const after = (await repo.updateAgency(tx.db, id, before.version, { archivedAt: archived ? ctx.clock.now() : null, updatedAt: ctx.clock.now() }))!;
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: archived ? 'agency.archive' : 'agency.restore', agencyId: id, targetType: 'agency', targetId: id });
    return after;
  });
}

export async function getAgency(ctx: Context, id: string): Promise<repo.AgencyRow> {
  const row = await repo.findAgency(ctx.db, id);
  if (!row || (row.archivedAt && !accountsPolicy.readAgencyStaffView(ctx.actor))) throw new NotFound();
  return row;
}

export async function listAgencies(ctx: Context, f: { q?: string; type?: string; parentId?: string; includeArchived?: boolean }) {
  const staff = accountsPolicy.readAgencyStaffView(ctx.actor);
  const rows = await repo.listAgencies(ctx.db, { ...f, includeArchived: staff && f.includeArchived });
  // Vietnamese alphabetical order (Đ after D), which the database's collation may not give.
  return rows.sort((a, b) => vietnameseOrder.compare(a.nameVi, b.nameVi));
}

function fieldErr(field: string, code: 'slug_taken') {
  return Invalid.field(field, code).fields[0];
}

function diffOf(before: repo.AgencyRow, after: repo.AgencyRow, side: 'before' | 'after') {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as Array<keyof repo.AgencyRow>) {
    if (k === 'version' || k === 'updatedAt') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = side === 'before' ? before[k] : after[k];
  }
  return out;
}

/** The agency's media storage quota (null = the configured default). Who may set it is decided by the media area's policy. */
export async function setAgencyStorageQuota(ctx: Context, id: string, quotaBytes: number | null): Promise<repo.AgencyRow> {
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findAgency(tx.db, id);
    if (!before) throw new NotFound();
    const after = (await repo.updateAgency(tx.db, id, before.version, { storageQuotaBytes: quotaBytes, updatedAt: ctx.clock.now() }))!;
    await recordAuditEvent(tx, {
      action: 'agency.storage_quota',
      agencyId: id,
      targetType: 'agency',
      targetId: id,
      data: { before: before.storageQuotaBytes, after: quotaBytes },
    });
    return after;
  });
}
