// The agencies' side of a case (Art. 4.5): the DIC notifies them, each owes its material by a due
// date (CASE_RESPONSE_DAYS local calendar days after the notification), the DIC may extend it with
// a reason; agencies send their material and record the forms of their response (Art. 4.4).
import type { Context } from '../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import { withTransaction } from '../../../db/transaction.js';
import * as accounts from '../../accounts/service.js';
import * as media from '../../media/service.js';
import { notifyUsers } from '../../notifications/service.js';
import { deadlineEnd, dueDateFor, workingStatus, type ResponseForm } from '../model.js';
import { casePolicy } from '../policy.js';
import * as repo from '../repo.js';
import { assertActive, assertNoSecrets, assertVersion, loadCase, record, who } from './internal.js';
import { getCase } from './reading.js';

const fmt = (date: string) => date.split('-').reverse().join('/');

async function assertLibraryMedia(ctx: Context, ids: string[] | undefined, field: string) {
  for (const [i, id] of (ids ?? []).entries()) {
    const found = await media.getMedia(ctx, id).catch(() => null);
    if (!found?.access.library) throw Invalid.field(`${field}/${i}`, 'media_not_found');
  }
}

/** Status follows the assignments while the case is worked: opened → agencies_notified ↔ material_received. */
async function followAssignments(ctx: Context, row: repo.CaseRow): Promise<repo.CaseRow> {
  const status = workingStatus(await repo.assignmentsOf(ctx.db, [row.id]));
  const saved = await repo.updateCase(ctx.db, row.id, { status, version: row.version + 1, updatedAt: ctx.clock.now() });
  if (status !== row.status) await record(ctx, saved, 'status', { from: row.status, to: status });
  return saved;
}

export async function notifyAgencies(ctx: Context, id: string, input: { agencyIds: string[]; message?: string; version?: number }) {
  if (!input.agencyIds.length) throw Invalid.field('agencyIds', 'field_required');
  assertNoSecrets([['message', input.message]]);
  const agencies: Array<Awaited<ReturnType<typeof accounts.getAgency>>> = [];
  for (const [i, agencyId] of [...new Set(input.agencyIds)].entries()) {
    const a = await accounts.getAgency(ctx, agencyId).catch(() => null);
    if (!a || a.archivedAt) throw Invalid.field(`agencyIds/${i}`, 'not_found');
    // the DIC assigns functions by agency (Art. 6.6): only agencies that answer cases are notified
    if (!a.functions.includes('answer_cases')) throw Invalid.field(`agencyIds/${i}`, 'case_agency_cannot_answer');
    agencies.push(a);
  }
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.run(ctx.actor)) throw new Forbidden();
    assertActive(row);
    assertVersion(row, input.version);
    const now = ctx.clock.now();
    const dueDate = dueDateFor(now, ctx.config.caseResponseDays);
    for (const a of agencies) {
      if (facts.agencyIds.includes(a.id)) throw new Conflict('case_agency_already_notified');
      await repo.insertAssignment(tx.db, {
        caseId: row.id,
        agencyId: a.id,
        notifiedAt: now,
        notifiedBy: who(ctx).label,
        message: input.message?.trim() ?? '',
        dueDate,
        originalDueDate: dueDate,
      });
      await record(tx, row, 'notify', { agencyId: a.id, dueDate }, { agencyId: a.id });
      await notifyUsers(tx, await accounts.activeUserIdsOfAgency(tx, a.id), {
        kind: 'case.notified',
        title: {
          vi: `Đề nghị cung cấp thông tin giải thích, làm rõ (${row.reference}): ${row.title} — hạn ${fmt(dueDate)}`,
          en: `Clarification requested (${row.reference}): ${row.title} — due ${dueDate}`,
        },
        link: `/admin/cases/${row.id}`,
        data: { caseId: row.id, dueDate },
      });
    }
    if (!row.takenUpAt) await repo.updateCase(tx.db, row.id, { takenUpAt: now });
    await followAssignments(tx, { ...row, takenUpAt: row.takenUpAt ?? now });
    return getCase(tx, row.id);
  });
}

export async function extendDeadline(ctx: Context, id: string, agencyId: string, input: { dueDate: string; reason: string }) {
  if (!input.reason.trim()) throw Invalid.field('reason', 'field_required');
  assertNoSecrets([['reason', input.reason]]);
  return withTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, id, true);
    if (!casePolicy.run(ctx.actor)) throw new Forbidden();
    assertActive(row);
    const a = await repo.findAssignment(tx.db, row.id, agencyId);
    if (!a) throw new NotFound();
    if (a.materialReceivedAt) throw new Conflict('case_material_already_received');
    if (input.dueDate <= a.dueDate)
      throw new Invalid([{ field: 'dueDate', code: 'case_due_date_not_later', message: t('case_due_date_not_later', { dueDate: a.dueDate }) }]);
    const now = ctx.clock.now();
    const extension = { from: a.dueDate, to: input.dueDate, reason: input.reason.trim(), by: ctx.actor.label, at: now.toISOString() };
    // reminders are keyed by due date: the new date has its own, so they are re-armed by this alone
    await repo.updateAssignment(tx.db, a.id, { dueDate: input.dueDate, extensions: [...a.extensions, extension] });
    await repo.updateCase(tx.db, row.id, { version: row.version + 1, updatedAt: now });
    await record(tx, row, 'extend', { agencyId, from: a.dueDate, to: input.dueDate, reason: extension.reason }, { agencyId });
    await notifyUsers(tx, await accounts.activeUserIdsOfAgency(tx, agencyId), {
      kind: 'case.extended',
      title: {
        vi: `Gia hạn hồ sơ ${row.reference} đến ${fmt(input.dueDate)}: ${extension.reason}`,
        en: `Case ${row.reference} extended to ${input.dueDate}: ${extension.reason}`,
      },
      link: `/admin/cases/${row.id}`,
      data: { caseId: row.id, dueDate: input.dueDate },
    });
    return getCase(tx, row.id);
  });
}

export interface MaterialInput {
  note: string;
  links?: string[];
  mediaIds?: string[];
}

/** An agency's material (Art. 4.2, 4.5): answered on time when received before its due date ends. */
export async function recordMaterial(ctx: Context, id: string, agencyId: string, input: MaterialInput) {
  assertNoSecrets([['note', input.note], ...(input.links ?? []).map((l, i) => [`links/${i}`, l] as [string, string])]);
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!casePolicy.answerFor(ctx.actor, facts, agencyId)) {
      if (!facts.agencyIds.includes(agencyId)) throw new Conflict('case_agency_not_notified');
      throw new Forbidden();
    }
    assertActive(row);
    await assertLibraryMedia(tx, input.mediaIds, 'mediaIds');
    const a = await repo.findAssignment(tx.db, row.id, agencyId);
    if (!a) throw new Conflict('case_agency_not_notified');
    if (a.materialReceivedAt) throw new Conflict('case_material_already_received');
    const now = ctx.clock.now();
    const onTime = now.getTime() < deadlineEnd(a.dueDate).getTime();
    await repo.updateAssignment(tx.db, a.id, {
      materialReceivedAt: now,
      materialNote: input.note.trim(),
      materialLinks: input.links ?? [],
      materialMediaIds: input.mediaIds ?? [],
      answeredOnTime: onTime,
    });
    await record(tx, row, 'material', { agencyId, onTime, dueDate: a.dueDate }, { agencyId });
    await notifyUsers(tx, await accounts.activeUserIdsWithRole(tx, 'appraiser'), {
      kind: 'case.material',
      title: {
        vi: `Đã nhận tư liệu giải thích, làm rõ cho hồ sơ ${row.reference}${onTime ? '' : ' (trễ hạn)'}`,
        en: `Material received for case ${row.reference}${onTime ? '' : ' (late)'}`,
      },
      link: `/admin/cases/${row.id}`,
      data: { caseId: row.id, agencyId, onTime },
    });
    await followAssignments(tx, row);
    return getCase(tx, row.id);
  });
}

export interface ResponseInput {
  agencyId?: string;
  form: ResponseForm;
  date: string;
  links?: string[];
  mediaIds?: string[];
  languages?: string[];
  note?: string;
}

/** A form of response an agency used (press release, spokesperson statement, briefing, portal post, press information). */
export async function addResponse(ctx: Context, id: string, input: ResponseInput) {
  const agencyId = input.agencyId ?? (ctx.actor.kind === 'user' ? ctx.actor.agencyId : undefined);
  if (!agencyId) throw Invalid.field('agencyId', 'field_required');
  assertNoSecrets([['note', input.note], ...(input.links ?? []).map((l, i) => [`links/${i}`, l] as [string, string])]);
  return withTransaction(ctx, async (tx) => {
    const { row, facts } = await loadCase(tx, id, true);
    if (!facts.agencyIds.includes(agencyId)) throw new Conflict('case_agency_not_notified');
    if (!casePolicy.answerFor(ctx.actor, facts, agencyId)) throw new Forbidden();
    assertActive(row);
    await assertLibraryMedia(tx, input.mediaIds, 'mediaIds');
    const w = who(ctx);
    const r = await repo.insertResponse(tx.db, {
      caseId: row.id,
      agencyId,
      form: input.form,
      date: input.date,
      links: input.links ?? [],
      mediaIds: input.mediaIds ?? [],
      languages: input.languages ?? [],
      note: input.note?.trim() ?? '',
      createdBy: w.id,
      createdByLabel: w.label,
      createdAt: ctx.clock.now(),
    });
    await repo.updateCase(tx.db, row.id, { version: row.version + 1, updatedAt: ctx.clock.now() });
    await record(tx, row, 'response', { agencyId, form: r.form, date: r.date, responseId: r.id }, { agencyId });
    return getCase(tx, row.id);
  });
}
