// Background work of the media library, run by the job runner: image variants, and the removal of
// bytes nothing uses any more.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../../../core/context.js';
import { bumpPublicGeneration } from '../../../db/public-generation.js';
import * as repo from '../repo.js';
import { blobStore, originalKey, variantKey } from '../store.js';
import { renderVariants } from '../variants.js';

export const tempDir = (ctx: Pick<Context, 'config'>) => join(ctx.config.dataDir, 'tmp');

/** A local copy of a stored original (the store may be remote), removed by the caller. */
async function localCopy(ctx: Context, sha256: string): Promise<string> {
  await mkdir(tempDir(ctx), { recursive: true });
  const path = join(tempDir(ctx), `variant-src-${randomUUID()}`);
  await pipeline(await blobStore(ctx).read(originalKey(sha256)), createWriteStream(path));
  return path;
}

async function renderOne(ctx: Context, m: repo.MediaRow) {
  const store = blobStore(ctx);
  const path = await localCopy(ctx, m.sha256);
  try {
    const rendered = await renderVariants(path, { config: ctx.config.media, focalX: m.focalX, focalY: m.focalY, keepMetadata: m.keepGps });
    for (const v of rendered) await store.putBuffer(variantKey(m.id, m.variantsRevision, v.name), v.data, v.mime);
    const variants = rendered.map(({ data: _d, mime: _m, ...v }) => v);
    // the record may have moved on meanwhile (new focal point): only finish the revision we rendered
    const done = await repo.updateMediaIf(ctx.db, m.id, m.variantsRevision, { variantsStatus: 'ready', variants, variantsError: null });
    if (done) await bumpPublicGeneration(ctx.db); // pages showing the image can now use its variants
    if (done && m.variantsRevision > 1) await removeVariants(ctx, m.id, (r) => r < m.variantsRevision);
  } finally {
    await rm(path, { force: true });
  }
}

async function removeVariants(ctx: Context, mediaId: string, which: (revision: number) => boolean) {
  const store = blobStore(ctx);
  for await (const key of store.list(`variants/${mediaId}/`)) {
    const rev = Number(key.split('/')[2]);
    if (which(rev)) await store.delete(key);
  }
}

/** Makes the variants of images waiting for them; a failure is recorded on the media, not retried forever. */
export async function processPendingVariants(ctx: Context, limit = 5): Promise<{ done: number; failed: number }> {
  await repo.releaseStaleProcessing(ctx.db, new Date(ctx.clock.now().getTime() - 15 * 60_000));
  let done = 0;
  let failed = 0;
  for (;;) {
    const batch = await ctx.db.transaction((tx) => repo.claimPendingVariants(tx as never, 1));
    if (!batch.length) break;
    const m = batch[0];
    try {
      await renderOne(ctx, m);
      done++;
    } catch (e) {
      failed++;
      ctx.log.warn({ err: e, mediaId: m.id }, 'image variants failed');
      await repo.updateMediaIf(ctx.db, m.id, m.variantsRevision, { variantsStatus: 'failed', variantsError: (e as Error).message.slice(0, 500) });
    }
    if (done + failed >= limit) break;
  }
  return { done, failed };
}

/** Removes the bytes of deleted media (originals no live media uses, and their variants). */
export async function collectMediaGarbage(ctx: Context): Promise<{ blobs: number }> {
  const store = blobStore(ctx);
  let blobs = 0;
  const now = ctx.clock.now();
  for (const b of await repo.unusedBlobs(ctx.db, new Date(now.getTime() - 60 * 60_000), 100)) {
    // mark first: an upload of the same file from now on stores the bytes again
    if (!(await repo.markBlobPurged(ctx.db, b.sha256, now))) continue;
    for (const m of await repo.deletedMediaOf(ctx.db, b.sha256)) await removeVariants(ctx, m.id, () => true);
    await store.delete(b.storage_key);
    blobs++;
  }
  return { blobs };
}

/** Removes the parts of resumable uploads abandoned for more than a day. */
export async function cleanExpiredUploads(ctx: Context): Promise<number> {
  const { FileStore } = await import('@tus/file-store');
  const store = new FileStore({ directory: join(ctx.config.dataDir, 'uploads'), expirationPeriodInMilliseconds: 24 * 3_600_000 });
  return store.deleteExpired();
}
