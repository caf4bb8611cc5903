// Clarification cases (issue 7) as the admin app uses them: shapes from the generated OpenAPI
// types, the labelled option lists, and the deadline countdown in Huế calendar days.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAgencies } from '../../api/hooks';
import { useI18n, type MessageKey, type TFunction } from '../../i18n';
import { agencyName } from '../../lib/labels';

export type Case = Schemas['Case'];
export type CaseSummary = Schemas['CaseSummary'];
export type Assignment = Schemas['CaseAssignment'];
export type CaseResponse = Schemas['CaseResponse'];
export type CaseEvent = Schemas['CaseEvent'];
export type CaseQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type OpenCaseBody = paths['/api/v1/cases']['post']['requestBody']['content']['application/json'];
export type Figures = paths['/api/v1/cases/figures']['get']['responses'][200]['content']['application/json'];
export type TransitionName = Case['allowed']['transitions'][number];

export const CASE_STATUSES = ['opened', 'agencies_notified', 'material_received', 'clarification_published', 'closed_without_publication', 'closed'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RESPONSE_FORMS = ['press_release', 'spokesperson_statement', 'press_briefing', 'agency_portal_post', 'press_information'] as const;
/** Transitions that need a reason (the server answers 400 on `reason` otherwise). */
export const REASON_TRANSITIONS: readonly string[] = ['close-without-publication', 'reopen'];

export const CASE_KEY = (id: string) => ['case', id] as const;

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
export const daysLeft = (dueDate: string, now = Date.now()) => Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${hueToday(now)}T00:00:00Z`)) / 86_400_000);

export interface Countdown {
  text: string;
  color: string;
  overdue: boolean;
}

/** "còn 3 ngày" / "hạn hôm nay" / "quá hạn 2 ngày" / "đã nộp đúng hạn" / "đã nộp trễ", with a colour. */
export function countdown(t: TFunction, d: { dueDate: string; answered: boolean; answeredOnTime: boolean | null; overdue: boolean }, now = Date.now()): Countdown {
  if (d.answered) return d.answeredOnTime === false ? { text: t('cases.answeredLate'), color: 'orange', overdue: false } : { text: t('cases.answeredOnTime'), color: 'green', overdue: false };
  const n = daysLeft(d.dueDate, now);
  // past its due date but not overdue by the server: the case is published or closed and owes nothing any more
  if (n < 0 && !d.overdue) return { text: t('cases.notAnswered'), color: 'gray', overdue: false };
  if (n < 0) return { text: t(n === -1 ? 'cases.overdueDaysOne' : 'cases.overdueDays', { n: -n }), color: 'red', overdue: true };
  if (n === 0) return { text: t('cases.dueToday'), color: 'orange', overdue: false };
  return { text: t(n === 1 ? 'cases.daysLeftOne' : 'cases.daysLeft', { n }), color: n <= 3 ? 'yellow' : 'blue', overdue: false };
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: CASE_KEY(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/cases/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 0,
    retry: (n, e) => n < 1 && !(e instanceof Error && 'status' in e && [403, 404].includes((e as { status: number }).status)),
  });
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
