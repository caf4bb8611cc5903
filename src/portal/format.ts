// Dates as readers expect them: dd/mm/yyyy in Vietnamese, the language's own style elsewhere,
// always in the province's time zone (Asia/Ho_Chi_Minh).
import { LOCAL_TIME_ZONE } from '../core/clock.js';

const INTL_LOCALE: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', fr: 'fr-FR', zh: 'zh-CN', ja: 'ja-JP', ko: 'ko-KR', ru: 'ru-RU', de: 'de-DE' };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to build: one per language, kept. */
function formatterFor(language: string): Intl.DateTimeFormat {
  let f = formatters.get(language);
  if (!f) {
    f =
      language === 'vi'
        ? new Intl.DateTimeFormat('en-GB', { timeZone: LOCAL_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' })
        : new Intl.DateTimeFormat(INTL_LOCALE[language] ?? 'en-GB', { timeZone: LOCAL_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(language, f);
  }
  return f;
}

/** A calendar date (yyyy-mm-dd, no time) or an instant, as a date in the page's language. */
export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00+07:00`) : value;
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'vi') {
    const parts = formatterFor('vi').formatToParts(date);
    const get = (t: string) => parts.find((p) => p.type === t)!.value;
    return `${get('day')}/${get('month')}/${get('year')}`;
  }
  return formatterFor(language in INTL_LOCALE ? language : 'en').format(date);
}

/** ISO 8601 with the +07:00 offset, for <time datetime> and structured data. */
export function isoLocal(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

export function formatBytes(n: number, language: string): string {
  const nf = new Intl.NumberFormat(INTL_LOCALE[language] ?? 'en-GB', { maximumFractionDigits: 1 });
  if (n >= 1024 ** 3) return `${nf.format(n / 1024 ** 3)} GB`;
  if (n >= 1024 ** 2) return `${nf.format(n / 1024 ** 2)} MB`;
  return `${nf.format(Math.max(1, Math.round(n / 1024)))} KB`;
}
