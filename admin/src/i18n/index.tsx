// UI language: Vietnamese by default, English on request; remembered in localStorage and
// mirrored on <html lang>. The API client reads it for Accept-Language.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export const LANGS: readonly Lang[] = ['vi', 'en'];
const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'ttdn.admin.lang';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function readStored(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

let current: Lang = readStored() ?? 'vi';
const listeners = new Set<() => void>();

export function currentLang(): Lang {
  return current;
}

/** Whether the person chose a language on this browser (otherwise their profile's language may apply). */
export function hasStoredLang(): boolean {
  return readStored() !== null;
}

export function setLang(lang: Lang, remember = true) {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
  if (lang === current) return;
  current = lang;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[lang][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useI18n() {
  const lang = useSyncExternalStore(subscribe, currentLang);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const formatDateTime = useCallback((iso: string | null | undefined) => formatDateTimeIn(lang, iso), [lang]);
  const formatDate = useCallback((iso: string | null | undefined) => formatDateIn(lang, iso), [lang]);
  return { lang, t, formatDateTime, formatDate };
}

/** Keeps <html lang> and the document title in step with the UI language. */
export function useDocumentLanguage() {
  const { lang, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);
}

function parts(lang: Lang, d: Date, withTime: boolean) {
  const f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(d)) p[x.type] = x.value;
  return p;
}

/** Vietnamese: dd/mm/yyyy HH:mm; English: 26 Nov 2025, 14:05 — both in Huế time. */
export function formatDateTimeIn(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(lang, d, true);
  return lang === 'vi' ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

export function formatDateIn(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(lang, d, false);
  return lang === 'vi' ? `${p.day}/${p.month}/${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

/** A calendar date typed in a date field (yyyy-mm-dd), as the end of that day in Huế time (UTC+7, no DST). */
export function endOfDayInHue(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return new Date(`${date}T23:59:59+07:00`).toISOString();
}

export function startOfDayInHue(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}
