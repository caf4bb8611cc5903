// The media library as the admin app shows it: kinds with labels and icons, sizes and durations in
// the UI language, and which file types the pickers accept.
import { IconFileText, IconMovie, IconPhoto } from '@tabler/icons-react';
import type { Lang, MessageKey, TFunction } from '../i18n';
import { MEDIA_KINDS, type MediaKind } from '../api/enums';
import type { Media } from '../api/media';

export const mediaKindLabel = (t: TFunction, k: string) => ((MEDIA_KINDS as readonly string[]).includes(k) ? t(`mediaKind.${k}` as MessageKey) : k);
export const mediaKindOptions = (t: TFunction) => MEDIA_KINDS.map((v) => ({ value: v, label: mediaKindLabel(t, v) }));
export const mediaKindIcon = (k: string) => (k === 'video' ? IconMovie : k === 'document' ? IconFileText : IconPhoto);

/** What the file inputs offer (the server reads the type from the bytes and has the last word). */
export const ACCEPT: Record<MediaKind | 'any', string> = {
  image: 'image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff',
  video: 'video/mp4,video/webm',
  document: '.pdf,.docx,.xlsx,.pptx,.odt,application/pdf',
  any: 'image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff,video/mp4,video/webm,.pdf,.docx,.xlsx,.pptx,.odt,application/pdf',
};

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1,5 MB / 1.5 MB (binary multiples, as quotas are set). */
export function formatBytes(lang: Lang, bytes: number): string {
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: u === 0 || v >= 100 ? 0 : 1 }).format(v);
  return `${n} ${UNITS[u]}`;
}

/** 1:05:09 or 4:07. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The file's title in `lang`, else in any language, else its file name. */
export const mediaTitle = (m: Pick<Media, 'title' | 'fileName'>, lang: string) => m.title[lang] || Object.values(m.title).find(Boolean) || m.fileName;

export const VISIBILITY_BADGE: Record<string, string> = { public: 'green', shared: 'blue', internal: 'gray' };
