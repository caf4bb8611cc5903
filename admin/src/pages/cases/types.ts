// Clarification cases (issue 7) as the admin app shows them: the labelled option lists (from the
// schema's enums), agency names, and the deadline countdown in Huế calendar days.
import { CASE_STATUSES, RESPONSE_FORMS, SEVERITIES } from '../../api/enums';
import { useAgencies } from '../../api/agencies';
import { useI18n, type MessageKey, type TFunction } from '../../i18n';
import { agencyName } from '../../lib/labels';

/** Transitions that need a reason (the server answers 400 on `reason` otherwise). */
export const REASON_TRANSITIONS: readonly string[] = ['close-without-publication', 'reopen'];

export const STATUS_COLORS: Record<string, string> = {
  opened: 'blue',
  agencies_notified: 'orange',
  material_received: 'teal',
  clarification_published: 'green',
  closed_without_publication: 'gray',
  closed: 'dark',
};
export const SEVERITY_COLORS: Record<string, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

export const statusLabel = (t: TFunction, s: string) => t(`cases.status.${s}` as MessageKey);
export const severityLabel = (t: TFunction, s: string) => t(`cases.severity.${s}` as MessageKey);
export const formLabel = (t: TFunction, f: string) => t(`cases.form.${f}` as MessageKey);
export const statusOptions = (t: TFunction) => CASE_STATUSES.map((v) => ({ value: v, label: statusLabel(t, v) }));
export const severityOptions = (t: TFunction) => SEVERITIES.map((v) => ({ value: v, label: severityLabel(t, v) }));
export const formOptions = (t: TFunction) => RESPONSE_FORMS.map((v) => ({ value: v, label: formLabel(t, v) }));

/** Today's calendar date in Huế (UTC+7, no daylight saving), yyyy-mm-dd. */
export const hueToday = (now = Date.now()) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

/** yyyy-mm-dd plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from today (Huế) to a due date: 0 = due today, negative = passed. */
export const daysLeft = (dueDate: string, now = Date.now()) =>
  Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${hueToday(now)}T00:00:00Z`)) / 86_400_000);

export interface Countdown {
  text: string;
  color: string;
  overdue: boolean;
}

/** "còn 3 ngày" / "hạn hôm nay" / "quá hạn 2 ngày" / "đã nộp đúng hạn" / "đã nộp trễ", with a colour. */
export function countdown(
  t: TFunction,
  d: { dueDate: string; answered: boolean; answeredOnTime: boolean | null; overdue: boolean },
  now = Date.now(),
): Countdown {
  if (d.answered)
    return d.answeredOnTime === false
      ? { text: t('cases.answeredLate'), color: 'orange', overdue: false }
      : { text: t('cases.answeredOnTime'), color: 'green', overdue: false };
  const n = daysLeft(d.dueDate, now);
  // past its due date but not overdue by the server: the case is published or closed and owes nothing any more
  if (n < 0 && !d.overdue) return { text: t('cases.notAnswered'), color: 'gray', overdue: false };
  if (n < 0) return { text: t(n === -1 ? 'cases.overdueDaysOne' : 'cases.overdueDays', { n: -n }), color: 'red', overdue: true };
  if (n === 0) return { text: t('cases.dueToday'), color: 'orange', overdue: false };
  return { text: t(n === 1 ? 'cases.daysLeftOne' : 'cases.daysLeft', { n }), color: n <= 3 ? 'yellow' : 'blue', overdue: false };
}

/** Agencies by id and their names in the UI language (archived ones included: old cases name them). */
export function useAgencyNames() {
  const { lang } = useI18n();
  const agencies = useAgencies({ includeArchived: true });
  const list = agencies.data?.items ?? [];
  const byId = new Map(list.map((a) => [a.id, a]));
  const name = (id: string | null | undefined) => {
    const a = id ? byId.get(id) : undefined;
    return a ? agencyName(a, lang) : '…';
  };
  /** Agencies that answer cases, still active: the ones the DIC can notify. */
  const answering = list.filter((a) => !a.archivedAt && (a.functions?.includes('answer_cases') ?? true));
  return { name, answering, list, error: agencies.error };
}
