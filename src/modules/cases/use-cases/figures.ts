// Figures for reports (R7.3): per agency and per quarter (Asia/Ho_Chi_Minh calendar), cases opened,
// agencies notified, answered on time, late, still pending (overdue or not) and the average response time.
import type { Context } from '../../../core/context.js';
import { toLocalDate } from '../../../core/clock.js';
import { Forbidden, Invalid } from '../../../core/errors.js';
import { addDays, deadlineEnd } from '../model.js';
import { readableCases } from '../policy.js';
import * as repo from '../repo.js';

export interface CaseFigure {
  quarter: string;
  agencyId: string;
  opened: number;
  notified: number;
  answeredOnTime: number;
  answeredLate: number;
  /** not answered and past the due date */
  overdue: number;
  /** not answered, not yet due */
  pending: number;
  /** mean hours from notification to material, over answered notifications; null when none */
  averageResponseHours: number | null;
}

const quarterOf = (localDate: string) => `${localDate.slice(0, 4)}-Q${Math.floor((Number(localDate.slice(5, 7)) - 1) / 3) + 1}`;
const localMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

/** Figures for notifications and openings between two local dates (inclusive). */
export async function caseFigures(ctx: Context, input: { from: string; to: string; agencyId?: string }): Promise<CaseFigure[]> {
  const scope = readableCases(ctx.actor);
  if (!scope) throw new Forbidden();
  if (input.to < input.from) throw Invalid.field('to', 'field_format');
  const narrowed = scope === 'all' ? (input.agencyId ? { agencyId: input.agencyId } : 'all') : scope;
  if (scope !== 'all' && input.agencyId && input.agencyId !== scope.agencyId) throw new Forbidden();
  const from = localMidnight(input.from);
  const to = localMidnight(addDays(input.to, 1));
  const now = ctx.clock.now();
  const [assignments, opened] = await Promise.all([
    repo.assignmentsNotifiedBetween(ctx.db, narrowed, from, to),
    repo.casesOpenedBetween(ctx.db, narrowed, from, to),
  ]);
  const out = new Map<string, CaseFigure & { totalHours: number }>();
  const bucket = (quarter: string, agencyId: string) => {
    const key = `${quarter}|${agencyId}`;
    let b = out.get(key);
    if (!b)
      out.set(
        key,
        (b = {
          quarter,
          agencyId,
          opened: 0,
          notified: 0,
          answeredOnTime: 0,
          answeredLate: 0,
          overdue: 0,
          pending: 0,
          averageResponseHours: null,
          totalHours: 0,
        }),
      );
    return b;
  };
  for (const c of opened) bucket(quarterOf(toLocalDate(c.createdAt)), c.openedByAgencyId).opened++;
  for (const { assignment: a } of assignments) {
    const b = bucket(quarterOf(toLocalDate(a.notifiedAt)), a.agencyId);
    b.notified++;
    if (a.materialReceivedAt) {
      if (a.answeredOnTime) b.answeredOnTime++;
      else b.answeredLate++;
      b.totalHours += (a.materialReceivedAt.getTime() - a.notifiedAt.getTime()) / 3_600_000;
    } else if (now.getTime() >= deadlineEnd(a.dueDate).getTime()) b.overdue++;
    else b.pending++;
  }
  return [...out.values()]
    .map(({ totalHours, ...b }) => {
      const answered = b.answeredOnTime + b.answeredLate;
      return { ...b, averageResponseHours: answered ? Math.round((totalHours / answered) * 10) / 10 : null };
    })
    .sort((x, y) => x.quarter.localeCompare(y.quarter) || x.agencyId.localeCompare(y.agencyId));
}
