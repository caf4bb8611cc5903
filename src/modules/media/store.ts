// One blob store per storage configuration, shared by the process; and the keys things live under.
import type { MediaStorageConfig } from '../../config.js';
import type { Context } from '../../core/context.js';
import { createBlobStore } from './storage/index.js';
import type { BlobStore } from './storage/blob-store.js';

const stores = new WeakMap<MediaStorageConfig, BlobStore>();

export function blobStore(ctx: Pick<Context, 'config'>): BlobStore {
  const cfg = ctx.config.media.storage;
  let s = stores.get(cfg);
  if (!s) {
    s = createBlobStore(cfg);
    stores.set(cfg, s);
  }
  return s;
}

export const originalKey = (sha256: string) => `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
export const variantKey = (mediaId: string, revision: number, name: string) => `variants/${mediaId}/${revision}/${name}`;

/** Wakes the job runner of this process when there is media work (variants) to do now. */
type Waker = () => void;
const wakers = new Set<Waker>();
export function onMediaWork(fn: Waker): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}
export function mediaWorkQueued() {
  for (const fn of wakers) fn();
}
