// Resumable uploads (tus) of several files: two at a time, 5 MB chunks, automatic retries when the
// connection drops (and again when the browser is back online), pause and resume, and the
// server's refusal (problem+json, in the UI language) kept per file.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import { currentCsrfToken, type Problem } from '../../api/client';
import { useMediaUploaded, type Media } from '../../api/media';
import { currentLang, useI18n, type TFunction } from '../../i18n';

const CHUNK = 5 * 1024 * 1024;
const PARALLEL = 2;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];

export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'done' | 'error';

export interface UploadEntry {
  key: string;
  name: string;
  size: number;
  sent: number;
  status: UploadStatus;
  /** The server's refusal, or the lost connection. */
  error?: string;
  /** Stopped by the network: resumes by itself when the browser is back online. */
  offline?: boolean;
  /** Worth trying again (network, server trouble); a refused file is not. */
  retryable?: boolean;
  media?: Media;
}

let counter = 0;

/** The refusal in the response, or null when no answer came back (network). */
function refusal(err: Error, t: TFunction): { message: string; network: boolean; retryable: boolean } {
  const res = (err as DetailedError).originalResponse;
  const status = res?.getStatus() ?? 0;
  if (!res || status === 0) return { message: t('upload.connectionLost'), network: true, retryable: true };
  const retryable = status >= 500 || status === 423 || status === 401 || status === 403;
  try {
    const p = JSON.parse(res.getBody()) as Partial<Problem>;
    const details = (p.errors ?? []).map((e) => e.message).filter(Boolean);
    return { message: details.length ? details.join(' ') : (p.title ?? t('upload.failed', { status })), network: false, retryable };
  } catch {
    return { message: status >= 500 ? t('upload.serverError') : t('upload.failed', { status }), network: false, retryable };
  }
}

/** A problem document is the server's answer; anything else (offset mismatch, 5xx, no answer) is worth retrying. */
function worthRetrying(err: DetailedError): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  const res = err.originalResponse;
  const status = res?.getStatus() ?? 0;
  if (status === 0 || status >= 500 || status === 423) return true;
  if (status !== 409) return false;
  try {
    return !(JSON.parse(res!.getBody()) as { code?: string }).code;
  } catch {
    return true;
  }
}

export function useUploads({ agencyId, onUploaded }: { agencyId?: string; onUploaded?: (m: Media) => void }) {
  const { t } = useI18n();
  const joinCache = useMediaUploaded();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const files = useRef(new Map<string, File>());
  const uploads = useRef(new Map<string, Upload>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;
  const tRef = useRef(t);
  tRef.current = t;

  const patch = useCallback((key: string, p: Partial<UploadEntry>) => setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...p } : e))), []);

  const begin = useCallback(
    (key: string) => {
      const existing = uploads.current.get(key);
      if (existing) {
        // Paused or interrupted: tus asks the server how far it got and goes on from there.
        patch(key, { status: 'uploading', error: undefined, offline: false });
        existing.start();
        return;
      }
      const file = files.current.get(key);
      if (!file) return;
      const upload = new Upload(file, {
        endpoint: new URL('/api/v1/uploads', location.origin).href,
        chunkSize: CHUNK,
        retryDelays: RETRY_DELAYS,
        metadata: { filename: file.name, filetype: file.type, ...(agencyId ? { agencyId } : {}) },
        // Set once per request: XMLHttpRequest joins repeated values of a header ("a, b").
        headers: { 'X-CSRF-Token': currentCsrfToken() ?? '' },
        removeFingerprintOnSuccess: true,
        // The language as it is now: refusals come back in it even after a language switch.
        onBeforeRequest: (req) => req.setHeader('Accept-Language', currentLang()),
        onShouldRetry: (err) => worthRetrying(err),
        onProgress: (sent) => patch(key, { sent }),
        onSuccess: ({ lastResponse }) => {
          let media: Media | undefined;
          try {
            media = JSON.parse(lastResponse.getBody()) as Media;
          } catch {
            media = undefined;
          }
          patch(key, { status: 'done', sent: file.size, media, error: undefined, offline: false });
          uploads.current.delete(key);
          files.current.delete(key);
          void joinCache(media);
          if (media) uploaded.current?.(media);
        },
        onError: (err) => {
          const r = refusal(err, tRef.current);
          patch(key, { status: 'error', error: r.message, offline: r.network, retryable: r.retryable });
          // A refused file is gone on the server: a new attempt starts from scratch.
          if (!r.network) uploads.current.delete(key);
        },
      });
      uploads.current.set(key, upload);
      patch(key, { status: 'uploading', error: undefined, offline: false });
      // An upload of the same file interrupted earlier (page reloaded): go on where it stopped.
      void upload
        .findPreviousUploads()
        .then((previous) => {
          const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (last) upload.resumeFromPreviousUpload(last);
        })
        .catch(() => undefined)
        .finally(() => upload.start());
    },
    [agencyId, patch, joinCache],
  );

  // Two at a time: the next queued file starts when a slot is free.
  useEffect(() => {
    const running = entries.filter((e) => e.status === 'uploading').length;
    const next = entries.filter((e) => e.status === 'queued').slice(0, Math.max(0, PARALLEL - running));
    for (const e of next) begin(e.key);
  }, [entries, begin]);

  // Back online: the uploads the network stopped go on.
  useEffect(() => {
    const resume = () =>
      setEntries((es) => es.map((e) => (e.status === 'error' && e.offline ? { ...e, status: 'queued', error: undefined, offline: false } : e)));
    window.addEventListener('online', resume);
    return () => window.removeEventListener('online', resume);
  }, []);

  // Leaving the screen stops the transfers (they can be resumed from the same file later).
  useEffect(() => {
    const map = uploads.current;
    return () => {
      for (const u of map.values()) void u.abort();
    };
  }, []);

  const add = useCallback((list: FileList | File[] | null) => {
    if (!list) return;
    const added: UploadEntry[] = [];
    for (const file of Array.from(list)) {
      const key = `u${++counter}`;
      files.current.set(key, file);
      added.push({ key, name: file.name, size: file.size, sent: 0, status: 'queued' });
    }
    setEntries((es) => [...es, ...added]);
  }, []);

  const pause = useCallback(
    (key: string) => {
      const u = uploads.current.get(key);
      if (u) void u.abort();
      patch(key, { status: 'paused' });
    },
    [patch],
  );

  /** Resume a paused or interrupted file; a refused one is tried again from the start. */
  const resume = useCallback((key: string) => patch(key, { status: 'queued', error: undefined, offline: false }), [patch]);

  /** Stop and forget a file: an unfinished upload is deleted on the server too. */
  const remove = useCallback((key: string) => {
    const u = uploads.current.get(key);
    if (u) void u.abort(true).catch(() => undefined);
    uploads.current.delete(key);
    files.current.delete(key);
    setEntries((es) => es.filter((e) => e.key !== key));
  }, []);

  const clearFinished = useCallback(() => setEntries((es) => es.filter((e) => e.status !== 'done')), []);

  return { entries, add, pause, resume, remove, clearFinished, canRetry: (key: string) => files.current.has(key) };
}
