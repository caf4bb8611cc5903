// What a case is: statuses and the transitions between them, severities, the response forms of
// Art. 4.4, and the deadline arithmetic of Art. 4.5 (local calendar days in Asia/Ho_Chi_Minh).
import { toLocalDate } from '../../core/clock.js';

export const CASE_STATUSES = ['opened', 'agencies_notified', 'material_received', 'clarification_published', 'closed_without_publication', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RESPONSE_FORMS = ['press_release', 'spokesperson_statement', 'press_briefing', 'agency_portal_post', 'press_information'] as const;
export type ResponseForm = (typeof RESPONSE_FORMS)[number];
export const REMINDER_KINDS = ['3d', '1d', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Statuses in which the case is still being worked: agencies owe material, reminders run. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['opened', 'agencies_notified', 'material_received'];

/** The DIC's named transitions: from which statuses each may be taken (notify and material are separate use cases). */
export const CASE_TRANSITIONS = {
  'mark-published': { from: ['opened', 'agencies_notified', 'material_received'], to: 'clarification_published', reason: false },
  'close-without-publication': { from: ['opened', 'agencies_notified', 'material_received'], to: 'closed_without_publication', reason: true },
  close: { from: ['clarification_published', 'closed_without_publication'], to: 'closed', reason: false },
  reopen: { from: ['clarification_published', 'closed_without_publication', 'closed'], to: null, reason: true },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null; reason: boolean }>;
export type CaseTransition = keyof typeof CASE_TRANSITIONS;
export const CASE_TRANSITION_NAMES = Object.keys(CASE_TRANSITIONS) as CaseTransition[];

/** The working status a case has from its assignments: none notified, some still owing, all answered. */
export function workingStatus(assignments: Array<{ materialReceivedAt: Date | null }>): CaseStatus {
  if (!assignments.length) return 'opened';
  return assignments.every((a) => a.materialReceivedAt) ? 'material_received' : 'agencies_notified';
}

/** yyyy-mm-dd plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (both yyyy-mm-dd). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The last local day to answer a notification made at `notifiedAt`. */
export function dueDateFor(notifiedAt: Date, days: number): string {
  return addDays(toLocalDate(notifiedAt), days);
}

/** The instant a due date ends: the next local midnight (UTC+7, no daylight saving). */
export function deadlineEnd(dueDate: string): Date {
  return new Date(`${addDays(dueDate, 1)}T00:00:00+07:00`);
}

export interface DeadlineView {
  dueDate: string;
  deadlineAt: string;
  /** local calendar days from today to the due date (0 = due today, negative = passed) */
  daysLeft: number;
  overdue: boolean;
  answered: boolean;
  answeredOnTime: boolean | null;
}

/** `caseActive`: a case published or closed owes nothing any more — its unanswered notifications are not overdue (they still count as unanswered in the figures). */
export function deadlineView(
  a: { dueDate: string; materialReceivedAt: Date | null; answeredOnTime: boolean | null },
  now: Date,
  caseActive = true,
): DeadlineView {
  const end = deadlineEnd(a.dueDate);
  return {
    dueDate: a.dueDate,
    deadlineAt: end.toISOString(),
    daysLeft: daysBetween(toLocalDate(now), a.dueDate),
    overdue: caseActive && !a.materialReceivedAt && now.getTime() >= end.getTime(),
    answered: !!a.materialReceivedAt,
    answeredOnTime: a.answeredOnTime,
  };
}

/** Which reminder is due today for an unanswered assignment, if any: 3 days before, 1 day before, the day after the due date. */
export function reminderDue(dueDate: string, now: Date): ReminderKind | null {
  const left = daysBetween(toLocalDate(now), dueDate);
  if (left < 0) return 'overdue';
  if (left <= 1) return left === 1 ? '1d' : null;
  if (left <= 3) return left === 3 ? '3d' : null;
  return null;
}

const unaccent = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Accent-free, lower-case, single-spaced: how case text is stored for precedent search and how queries are matched. */
export function foldText(s: string): string {
  return unaccent(s).replace(/\s+/g, ' ').trim();
}

const TRACKING = /^(utm_|fbclid$|gclid$|igshid$|si$|mibextid$)/;

/** The duplicate key of a sighting's URL: lower-case scheme and host, no fragment, no tracking parameters, no trailing slash, no "www.". */
export function urlKey(raw: string): string {
  try {
    const u = new URL(raw.trim());
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    const q = u.searchParams.toString();
    return `${host}${u.port ? `:${u.port}` : ''}${path}${q ? `?${q}` : ''}`;
  } catch {
    return raw.trim().toLowerCase();
  }
}
