// The content model as the admin app shows it: kinds, states, visibilities, licences, document
// types and content languages (the lists typed from the API schema in api/enums.ts), with labels.
import { currentLang, useI18n, type Lang, type MessageKey, type TFunction } from '../i18n';
import { CLAIM_RATINGS, DOCUMENT_TYPES, KINDS, LICENCES, STATES, TRANSITION_ORDER, VISIBILITIES, type ItemState } from '../api/enums';
import { useMeta } from '../api/meta';
import type { Topic } from '../api/topics';

export { CLAIM_RATINGS, DOCUMENT_TYPES, KINDS, LICENCES, STATES, TRANSITION_ORDER, VISIBILITIES } from '../api/enums';
export type { ClaimRating, DocumentType, ItemKind as Kind, Licence, ItemState as State, ItemTransition as TransitionName, Visibility } from '../api/enums';
/** As many places where a claim appeared as the API accepts. */
export const MAX_APPEARANCES = 20;
/** Languages with a name in the catalogues; the server's own list comes from GET /meta (useContentLanguageOptions). */
export const CONTENT_LANGUAGES = ['vi', 'en', 'fr', 'zh', 'ja', 'ko', 'ru', 'de'] as const;

const has = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export const kindLabel = (t: TFunction, k: string) => (has(KINDS, k) ? t(`kind.${k}` as MessageKey) : k);
export const stateLabel = (t: TFunction, s: string) => (has(STATES, s) ? t(`state.${s}` as MessageKey) : s);
export const visibilityLabel = (t: TFunction, v: string) => (has(VISIBILITIES, v) ? t(`visibility.${v}` as MessageKey) : v);
export const licenceLabel = (t: TFunction, l: string) => (has(LICENCES, l) ? t(`licence.${l}` as MessageKey) : l);
export const documentTypeLabel = (t: TFunction, d: string) => (has(DOCUMENT_TYPES, d) ? t(`docType.${d}` as MessageKey) : d);
export const claimRatingLabel = (t: TFunction, r: string) => (has(CLAIM_RATINGS, r) ? t(`claimRating.${r}` as MessageKey) : r);
export const transitionLabel = (t: TFunction, n: string) => (has(TRANSITION_ORDER, n) ? t(`wf.${n}` as MessageKey) : n);
/** Language names in the UI language; other codes are named by the browser, or shown as they are. */
export const languageName = (t: TFunction, code: string) => {
  if (has(CONTENT_LANGUAGES, code)) return t(`contentLang.${code}` as MessageKey);
  try {
    const name = new Intl.DisplayNames([currentLang()], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
};

export const kindOptions = (t: TFunction) => KINDS.map((v) => ({ value: v, label: kindLabel(t, v) }));
export const stateOptions = (t: TFunction) => STATES.map((v) => ({ value: v, label: stateLabel(t, v) }));
export const licenceOptions = (t: TFunction) => LICENCES.map((v) => ({ value: v, label: licenceLabel(t, v) }));
export const documentTypeOptions = (t: TFunction) => DOCUMENT_TYPES.map((v) => ({ value: v, label: documentTypeLabel(t, v) }));
export const claimRatingOptions = (t: TFunction) => CLAIM_RATINGS.map((v) => ({ value: v, label: claimRatingLabel(t, v) }));
export const contentLanguageOptions = (t: TFunction, languages: readonly string[], extra: readonly string[] = []) =>
  [...new Set([...languages, ...extra])].map((v) => ({ value: v, label: languageName(t, v) }));

/** The content languages configured on the server (GET /meta), plus `extra` codes already in use. */
export function useContentLanguageOptions(extra: readonly string[] = []) {
  const { t } = useI18n();
  const meta = useMeta();
  return contentLanguageOptions(t, meta.data?.contentLanguages ?? ['vi'], extra);
}

export const STATE_COLORS: Record<ItemState, string> = {
  draft: 'gray',
  submitted: 'orange',
  returned: 'red',
  approved: 'teal',
  published: 'green',
  unpublished: 'dark',
  archived: 'gray',
};
export const stateColor = (s: string) => (has(STATES, s) ? STATE_COLORS[s] : 'gray');

export const topicName = (topic: Pick<Topic, 'nameVi' | 'nameEn'>, lang: Lang) => (lang === 'en' && topic.nameEn ? topic.nameEn : topic.nameVi);

/** "2 ngày 3 giờ" / "2 d 3 h" since an instant; minutes under an hour. */
export function waitingFor(t: TFunction, since: string | null, now = Date.now()): string {
  if (!since) return '—';
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return t('time.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hours', { n: hours });
  const days = Math.floor(hours / 24);
  return t('time.daysHours', { d: days, h: hours % 24 });
}

/** A "datetime-local" value typed in Huế time (UTC+7, no DST) as an ISO instant. */
export function hueLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(`${value}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO instant as a "datetime-local" value in Huế time (the inverse of hueLocalToIso); '' for none. */
export function isoToHueLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Now, in Huế time, as a "datetime-local" value (the minimum of a schedule field). */
export function hueLocalNow(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** A revision's note; the server writes the note of a restore in English, shown here in the UI language. */
export function revisionNote(t: TFunction, note: string): string {
  const m = /^restored from revision (\d+)$/.exec(note);
  return m ? t('history.restoredFrom', { n: m[1] }) : note;
}
