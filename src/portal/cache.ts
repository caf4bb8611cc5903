// Rendered pages, kept per generation of what the public sees (see db/public-generation.ts): a
// publish or unpublish in any process moves the generation, so the next request renders afresh.
// Entries hold the body (HTML, or a feed's or sitemap's XML/JSON with its content type) compressed
// once (brotli and gzip) and an ETag for 304 answers.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { CacheSize } from '../core/cache-sizes.js';

export interface CachedPage {
  status: number;
  etag: string;
  /** the body's content type (text/html unless given to `put`) */
  type: string;
  html: Buffer;
  br: Buffer;
  gzip: Buffer;
  /** when the generation it belongs to began, as far as this process knows */
  lastModified: Date;
  /** the same, formatted once for the Last-Modified header */
  lastModifiedHttp: string;
}

export interface PageCache {
  get(generation: number, key: string): CachedPage | undefined;
  put(generation: number, key: string, status: number, html: string, type?: string): CachedPage;
  /** entries and bytes held (all encodings and keys), for /metrics */
  size(): CacheSize;
}

export function etagOf(generation: number, key: string): string {
  return `"g${generation}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
}

export function createPageCache(maxEntries = 1000): PageCache {
  const entries = new Map<string, CachedPage>();
  let bytes = 0;
  const cost = (key: string, p: CachedPage) => key.length + p.html.length + p.br.length + p.gzip.length;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= cost(key, old);
    entries.delete(key);
  };
  let currentGeneration = -1;
  let generationSince = new Date();
  return {
    get(generation, key) {
      const hit = entries.get(`${generation}\n${key}`);
      if (hit) {
        // least recently used goes first
        entries.delete(`${generation}\n${key}`);
        entries.set(`${generation}\n${key}`, hit);
      }
      return hit;
    },
    put(generation, key, status, html, type = 'text/html; charset=utf-8') {
      if (generation !== currentGeneration) {
        // a new generation: everything older is stale
        if (generation > currentGeneration) {
          for (const k of [...entries.keys()]) if (!k.startsWith(`${generation}\n`)) drop(k);
          currentGeneration = generation;
          generationSince = new Date();
        }
      }
      const body = Buffer.from(html, 'utf8');
      const page: CachedPage = {
        status,
        etag: etagOf(generation, key),
        type,
        html: body,
        br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gzip: gzipSync(body, { level: 6 }),
        lastModified: generationSince,
        lastModifiedHttp: generationSince.toUTCString(),
      };
      if (generation === currentGeneration) {
        const k = `${generation}\n${key}`;
        drop(k);
        entries.set(k, page);
        bytes += cost(k, page);
        if (entries.size > maxEntries) drop(entries.keys().next().value!);
      }
      return page;
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}

export interface GenerationSource {
  current(): number;
  refresh(): Promise<number>;
}

/**
 * Values that change only with the public generation (agencies, topics with counts, open languages),
 * kept for the current generation and dropped when it moves; made afresh every time without a
 * generation source. A failed value is not kept.
 */
export type GenerationMemo = <T>(key: string, make: () => Promise<T>) => Promise<T>;

export function generationMemo(generation: GenerationSource | null): GenerationMemo {
  let memoGeneration = -1;
  const memo = new Map<string, Promise<unknown>>();
  return function perGeneration<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!generation) return make();
    const gen = generation.current();
    if (gen !== memoGeneration) {
      memo.clear();
      memoGeneration = gen;
    }
    let hit = memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = make();
      hit.catch(() => memo.delete(key));
      memo.set(key, hit);
    }
    return hit;
  };
}
