// Files of the demo items: album photos, the document's PDF, the video report. Uploaded through
// the media library's use case as the item's author, then described (captions, alt texts in
// every language of the item, licence) so the items pass appraisal like anyone's.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../core/context.js';
import * as media from '../modules/media/service.js';
import { demoPhoto, mp4, pdf } from './demo-files.js';

export interface DemoFileDescription {
  caption?: Record<string, string>;
  alt?: Record<string, string>;
  title?: Record<string, string>;
  authors: string[];
  copyrightHolder: string;
  licence: string;
  visibility: string;
  place: string;
  dateTaken: string;
}

async function uploadAs(author: Context, data: Buffer, fileName: string, d: DemoFileDescription): Promise<string> {
  const dir = media.tempDir(author);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `demo-${randomUUID()}`);
  await writeFile(path, data);
  try {
    const agencyId = author.actor.kind === 'user' ? author.actor.agencyId : '';
    const { media: m } = await media.ingestFile(author, { path, fileName, agencyId, maxBytes: author.config.media.maxUploadBytes });
    await media.updateMedia(author, m.id, m.version, {
      caption: d.caption,
      alt: d.alt,
      title: d.title,
      authors: d.authors,
      copyrightHolder: d.copyrightHolder,
      licence: d.licence,
      visibility: d.visibility,
      place: d.place,
      dateTaken: d.dateTaken,
    });
    return m.id;
  } finally {
    await rm(path, { force: true });
  }
}

const PALETTES = [
  { sky: '#f6b26b', land: '#5b7f3a', water: '#3d6f99', accent: '#ffe08a' },
  { sky: '#9fc5e8', land: '#6a8f4e', water: '#2f5d80', accent: '#fff2cc' },
  { sky: '#b4a7d6', land: '#4f6b3a', water: '#274e6b', accent: '#f9cb9c' },
];

export async function demoPhotos(
  author: Context,
  seed: number,
  shots: Array<{ caption: Record<string, string>; alt: Record<string, string> }>,
  d: Omit<DemoFileDescription, 'caption' | 'alt'>,
) {
  const ids: Array<{ mediaId: string; caption: Record<string, string> }> = [];
  for (const [i, shot] of shots.entries()) {
    const data = await demoPhoto(seed * 10 + i, PALETTES[(seed + i) % PALETTES.length]);
    ids.push({ mediaId: await uploadAs(author, data, `anh-${seed}-${i + 1}.jpg`, { ...d, caption: shot.caption, alt: shot.alt }), caption: shot.caption });
  }
  return ids;
}

export function demoDocumentFile(author: Context, pages: string[], fileName: string, d: DemoFileDescription) {
  return uploadAs(author, pdf(pages), fileName, d);
}

/** A well-formed MP4 container without playable frames (no video encoder at seed time). */
export function demoVideoFile(author: Context, fileName: string, d: DemoFileDescription) {
  return uploadAs(author, mp4(64 * 1024), fileName, d);
}
