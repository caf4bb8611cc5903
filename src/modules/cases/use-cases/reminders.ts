// Deadline reminders (Art. 4.5, R7.5): 3 days and 1 day before an agency's due date, and the day
// after it passed. Each (assignment, kind, due date) is claimed with INSERT … ON CONFLICT DO NOTHING
// in the transaction that writes the notifications, so however many processes run the job, one sends it.
import type { Context } from '../../../core/context.js';
import { toLocalDate } from '../../../core/clock.js';
import { withTransaction } from '../../../db/transaction.js';
import * as accounts from '../../accounts/service.js';
import { notifyUsers } from '../../notifications/service.js';
import { addDays, reminderDue, type ReminderKind } from '../model.js';
import * as repo from '../repo.js';

const fmt = (date: string) => date.split('-').reverse().join('/');

function titleOf(kind: ReminderKind, c: { reference: string; title: string }, dueDate: string) {
  if (kind === 'overdue')
    return {
      vi: `Quá hạn cung cấp thông tin giải thích, làm rõ (${c.reference}, hạn ${fmt(dueDate)}): ${c.title}`,
      en: `Overdue: clarification for case ${c.reference} was due ${dueDate}: ${c.title}`,
    };
  const days = kind === '3d' ? 3 : 1;
  return {
    vi: `Còn ${days} ngày để cung cấp thông tin giải thích, làm rõ (${c.reference}, hạn ${fmt(dueDate)}): ${c.title}`,
    en: `${days} day(s) left to answer case ${c.reference} (due ${dueDate}): ${c.title}`,
  };
}

export async function sendCaseReminders(ctx: Context): Promise<{ sent: number; byKind: Record<ReminderKind, number> }> {
  const now = ctx.clock.now();
  const byKind: Record<ReminderKind, number> = { '3d': 0, '1d': 0, overdue: 0 };
  const candidates = await repo.unansweredDueBy(ctx.db, addDays(toLocalDate(now), 3));
  for (const c of candidates) {
    const kind = reminderDue(c.assignment.dueDate, now);
    if (!kind) continue;
    await withTransaction(ctx, async (tx) => {
      if (!(await repo.claimReminder(tx.db, { assignmentId: c.assignment.id, kind, dueDate: c.assignment.dueDate, sentAt: now }))) return;
      const users = await accounts.activeUserIdsOfAgency(tx, c.assignment.agencyId);
      // the DIC follows up overdue agencies (Art. 14.1)
      if (kind === 'overdue') users.push(...(await accounts.activeUserIdsWithRole(tx, 'appraiser')));
      await notifyUsers(tx, users, {
        kind: `case.reminder.${kind}`,
        title: titleOf(kind, c, c.assignment.dueDate),
        link: `/admin/cases/${c.caseId}`,
        data: { caseId: c.caseId, agencyId: c.assignment.agencyId, dueDate: c.assignment.dueDate },
      });
      byKind[kind]++;
    });
  }
  return { sent: byKind['3d'] + byKind['1d'] + byKind.overdue, byKind };
}
