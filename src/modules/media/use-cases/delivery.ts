// Serving media bytes: originals (with the R6.3 rule and a download counter, R5.2) and variants.
import { actorAgencyId, actorId } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { toLocalDate } from '../../../core/clock.js';
import { mediaPolicy } from '../policy.js';
import * as repo from '../repo.js';
import { blobStore, originalKey, variantKey } from '../store.js';
import { getMedia, type MediaAccess } from './library.js';

export interface ByteRequest {
  /** inclusive; already checked against the size by the transport */
  range?: { start: number; end: number };
  /** HEAD or a conditional request answered 304: nothing is sent, nothing counted */
  bodyless?: boolean;
}

/** A media record and how the actor may see it, as `getMedia` returns it (read once per request). */
export type FoundMedia = Awaited<ReturnType<typeof getMedia>>;

/** The original file, if the actor may download it; each download (not each range) is counted. */
export async function openOriginal(ctx: Context, found: FoundMedia, req: ByteRequest = {}) {
  const { media, access } = found;
  if (!mediaPolicy.downloadOriginal(ctx.actor, media, access)) throw new NotFound('media_not_found');
  const stream = req.bodyless ? null : await blobStore(ctx).read(originalKey(media.sha256), req.range);
  // a download is counted once: on the request that starts at the first byte
  if (!req.bodyless && (!req.range || req.range.start === 0)) {
    const principal = ctx.actor.kind === 'anonymous' ? 'anonymous' : `${ctx.actor.kind}:${actorId(ctx.actor)}`;
    await repo.countDownload(ctx.db, {
      day: toLocalDate(ctx.clock.now()),
      mediaId: media.id,
      principal,
      principalAgencyId: actorAgencyId(ctx.actor),
      bytes: req.range ? req.range.end - req.range.start + 1 : media.size,
    });
  }
  return { media, access, stream };
}

/** A web variant of an image (any reader of the media may fetch it). */
export async function openVariant(ctx: Context, found: FoundMedia, revision: number, name: string, req: ByteRequest = {}) {
  const { media, access } = found;
  const variant = media.variants.find((v) => v.name === name);
  if (!variant || revision !== media.variantsRevision || media.variantsStatus !== 'ready') throw new NotFound();
  const stream = req.bodyless ? null : await blobStore(ctx).read(variantKey(media.id, revision, name), req.range);
  return { media, access, variant, stream };
}

export function isPubliclyCacheable(access: MediaAccess, media: repo.MediaRow) {
  return media.visibility === 'public' && access.published;
}

export async function downloadStats(ctx: Context, id: string) {
  const { media, access } = await getMedia(ctx, id);
  if (!access.library) throw new NotFound('media_not_found');
  return repo.downloadsOf(ctx.db, media.id);
}
