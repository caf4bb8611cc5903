// Media records as the API shows them: library readers see everything; readers through a
// published item see the description, the variants and (where R6.3 allows) the original.
import type { Actor } from '../../core/actor.js';
import { mediaPolicy, type MediaAccess } from './policy.js';
import type { MediaRow, MediaShown } from './repo.js';

export const variantUrl = (m: Pick<MediaRow, 'id' | 'variantsRevision'>, name: string) => `/api/v1/media/${m.id}/variants/${m.variantsRevision}/${name}`;
export const originalUrl = (m: Pick<MediaRow, 'id'>) => `/api/v1/media/${m.id}/original`;

/** What any reader of a file sees: its description, its variants and (where R6.3 allows) its original, with their URLs. */
export function presentShownFile(actor: Actor, m: MediaShown, access: MediaAccess) {
  return {
    id: m.id,
    agencyId: m.agencyId,
    kind: m.kind as 'image' | 'video' | 'document',
    sha256: m.sha256,
    mime: m.mime,
    size: m.size,
    fileName: m.originalName,
    width: m.width,
    height: m.height,
    durationSeconds: m.durationSeconds,
    pageCount: m.pageCount,
    title: m.title,
    caption: m.caption,
    alt: m.alt,
    authors: m.authors,
    tags: m.tags,
    dateTaken: m.dateTaken,
    place: m.place,
    copyrightHolder: m.copyrightHolder,
    licence: m.licence,
    visibility: m.visibility as 'public' | 'shared' | 'internal',
    focalPoint: { x: m.focalX, y: m.focalY },
    keepGps: m.keepGps,
    variantsStatus: m.variantsStatus as 'none' | 'pending' | 'processing' | 'ready' | 'failed',
    variants: m.variantsStatus === 'ready' ? m.variants.map((v) => ({ ...v, url: variantUrl(m, v.name) })) : [],
    originalUrl: mediaPolicy.downloadOriginal(actor, m, access) ? originalUrl(m) : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** A file as a published item shows it (portal pages, feeds, sitemaps). */
export type ShownFile = ReturnType<typeof presentShownFile>;

export function presentMedia(actor: Actor, m: MediaShown, access: MediaAccess, extra: { duplicate?: boolean } = {}) {
  const base = { ...presentShownFile(actor, m, access), ...(extra.duplicate !== undefined ? { duplicate: extra.duplicate } : {}) };
  if (!access.library) return base;
  return {
    ...base,
    embedded: m.facts.embedded ?? {},
    gps: m.facts.gps ?? null,
    ...(m.facts.video ? { video: { probed: m.facts.video.probed, ...(m.facts.video.codec ? { codec: m.facts.video.codec } : {}) } } : {}),
    createdByLabel: m.createdByLabel,
    version: m.version,
  };
}
