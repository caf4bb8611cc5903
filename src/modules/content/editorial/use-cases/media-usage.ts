// Which items use a media file: the media area asks before showing a file outside its library
// (only through a published item the reader may see) and before deleting one.
import type { Context } from '../../../../core/context.js';
import * as repo from '../repo.js';

export function mediaReadableThroughPublished(ctx: Context, mediaId: string, visibilities: string[]): Promise<boolean> {
  return repo.mediaUsedByPublished(ctx.db, mediaId, visibilities);
}

/** Versions using the media; `online` when their published revision shows it. */
export function itemsUsingMedia(ctx: Context, mediaId: string) {
  return repo.versionsUsingMedia(ctx.db, mediaId);
}
