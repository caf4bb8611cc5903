// The media library: reading (who sees what), listing, describing, deleting; storage usage.
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../../core/cursor.js';
import type { Context } from '../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { t, visibilityParams } from '../../../core/i18n.js';
import { withTransaction } from '../../../db/transaction.js';
import { getAgency, setAgencyStorageQuota } from '../../accounts/service.js';
import { recordAuditEvent } from '../../audit/service.js';
import { findSecrecyMark, itemsUsingMedia, mediaReadableThroughPublished, readableWorkingAgencies } from '../../content/service.js';
import { mediaPolicy, type MediaAccess } from '../policy.js';
import { presentShownFile, type ShownFile } from '../present.js';
import * as repo from '../repo.js';
import { mediaWorkQueued } from '../store.js';
import { bumpPublicGeneration } from '../../../db/public-generation.js';

export type { MediaAccess } from '../policy.js';

const RANK: Record<string, number> = { internal: 0, shared: 1, public: 2 };

const unaccent = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** What the library's search looks in: names, titles, captions, alt texts, people, places, and the start of documents' text. */
export function searchTextOf(
  m: Pick<repo.MediaInsert, 'originalName' | 'title' | 'caption' | 'alt' | 'authors' | 'tags' | 'place' | 'copyrightHolder' | 'extractedText'>,
): string {
  const parts = [
    m.originalName,
    ...Object.values(m.title ?? {}),
    ...Object.values(m.caption ?? {}),
    ...Object.values(m.alt ?? {}),
    ...(m.authors ?? []),
    ...(m.tags ?? []),
    m.place ?? '',
    m.copyrightHolder ?? '',
    (m.extractedText ?? '').slice(0, 20_000),
  ];
  return unaccent(parts.join(' \n ')).replace(/\s+/g, ' ').trim();
}

export async function accessTo(ctx: Context, m: repo.MediaRow): Promise<MediaAccess> {
  if (mediaPolicy.readLibrary(ctx.actor, m)) return { library: true, published: true };
  const visibilities = mediaPolicy.publishedVisibilities(ctx.actor);
  if (!visibilities.includes(m.visibility as never)) return { library: false, published: false };
  return { library: false, published: await mediaReadableThroughPublished(ctx, m.id, visibilities) };
}

/** A media record the actor may see, with how they may see it; 404 otherwise. */
export async function getMedia(ctx: Context, id: string): Promise<{ media: repo.MediaRow; access: MediaAccess }> {
  const m = await repo.findMedia(ctx.db, id);
  if (!m) throw new NotFound('media_not_found');
  const access = await accessTo(ctx, m);
  if (!access.library && !access.published) throw new NotFound('media_not_found');
  return { media: m, access };
}

export async function mediaUsage(ctx: Context, id: string) {
  const { media, access } = await getMedia(ctx, id);
  if (!access.library) throw new NotFound('media_not_found');
  return itemsUsingMedia(ctx, media.id);
}

export interface ListMediaQuery {
  agencyId?: string;
  kind?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

const encodeCursor = (m: repo.MediaRow) => encodeTimeIdCursor(m.createdAt, m.id);
function decodeCursor(c: string): { createdAt: Date; id: string } {
  const { at, id } = decodeTimeIdCursor(c);
  return { createdAt: at, id };
}

export async function listMedia(ctx: Context, q: ListMediaQuery) {
  const scope = readableWorkingAgencies(ctx.actor);
  if (!scope) throw new Forbidden();
  if (q.agencyId && scope !== 'all' && q.agencyId !== scope) throw new Forbidden();
  const limit = q.limit ?? 50;
  const rows = await repo.listMedia(
    ctx.db,
    scope,
    { agencyId: q.agencyId, kind: q.kind, q: q.q ? unaccent(q.q.trim()) : undefined },
    q.cursor ? decodeCursor(q.cursor) : null,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export interface MediaPatch {
  title?: Record<string, string>;
  caption?: Record<string, string>;
  alt?: Record<string, string>;
  authors?: string[];
  tags?: string[];
  dateTaken?: string | null;
  place?: string;
  copyrightHolder?: string;
  licence?: string | null;
  visibility?: string;
  keepGps?: boolean;
  focalPoint?: { x: number; y: number };
}

function checkTexts(ctx: Context, patch: MediaPatch) {
  for (const field of ['title', 'caption', 'alt'] as const) {
    for (const [lang, text] of Object.entries(patch[field] ?? {})) {
      if (!ctx.config.contentLanguages.includes(lang)) throw Invalid.field(`${field}/${lang}`, 'language_not_configured');
      const hit = findSecrecyMark(text);
      if (hit) throw Invalid.field(`${field}/${lang}`, 'state_secret_mark', { mark: hit.mark });
    }
  }
  const singles: Array<[string, string | undefined | null]> = [
    ['place', patch.place],
    ['copyrightHolder', patch.copyrightHolder],
    ...(patch.authors ?? []).map((a, i) => [`authors/${i}`, a] as [string, string]),
    ...(patch.tags ?? []).map((a, i) => [`tags/${i}`, a] as [string, string]),
  ];
  for (const [field, text] of singles) {
    const hit = text ? findSecrecyMark(text) : null;
    if (hit) throw Invalid.field(field, 'state_secret_mark', { mark: hit.mark });
  }
}

const trimMap = (m: Record<string, string> | undefined) =>
  m
    ? Object.fromEntries(
        Object.entries(m)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v),
      )
    : undefined;

export async function updateMedia(ctx: Context, id: string, version: number, patch: MediaPatch): Promise<repo.MediaRow> {
  checkTexts(ctx, patch);
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findMedia(tx.db, id);
    if (!before || !mediaPolicy.readLibrary(ctx.actor, before)) throw new NotFound('media_not_found');
    if (!mediaPolicy.edit(ctx.actor, before)) throw new Forbidden();
    if (patch.visibility && RANK[patch.visibility] < RANK[before.visibility]) {
      // a published item shows the file: it cannot become narrower than that item
      const wider = (await itemsUsingMedia(tx, id)).find((u) => u.online && RANK[u.pubVisibility ?? 'internal'] > RANK[patch.visibility!]);
      if (wider) {
        const params = visibilityParams(patch.visibility, wider.pubVisibility!);
        throw new Conflict(
          'media_visibility_narrower',
          [{ field: 'visibility', code: 'media_visibility_narrower', message: t('media_visibility_narrower', params) }],
          params,
        );
      }
    }
    const { focalPoint, ...rest } = patch;
    const next: Partial<repo.MediaInsert> = {
      ...rest,
      title: trimMap(rest.title) ?? before.title,
      caption: trimMap(rest.caption) ?? before.caption,
      alt: trimMap(rest.alt) ?? before.alt,
      authors: rest.authors?.map((a) => a.trim()).filter(Boolean) ?? before.authors,
      tags: rest.tags?.map((a) => a.trim()).filter(Boolean) ?? before.tags,
      updatedAt: ctx.clock.now(),
    };
    if (focalPoint) Object.assign(next, { focalX: focalPoint.x, focalY: focalPoint.y });
    const variantsChange =
      before.kind === 'image' &&
      ((focalPoint && (focalPoint.x !== before.focalX || focalPoint.y !== before.focalY)) || (patch.keepGps !== undefined && patch.keepGps !== before.keepGps));
    if (variantsChange) Object.assign(next, { variantsRevision: before.variantsRevision + 1, variantsStatus: 'pending', variantsError: null });
    next.searchText = searchTextOf({ ...before, ...next } as repo.MediaInsert);
    const after = await repo.updateMedia(tx.db, id, version, next);
    if (!after) throw new Conflict('stale_revision');
    const changed = Object.keys(patch).sort();
    await bumpPublicGeneration(tx.db);
    await recordAuditEvent(tx, { action: 'media.update', agencyId: after.agencyId, targetType: 'media', targetId: id, data: { fields: changed } });
    if (variantsChange) queueMicrotask(mediaWorkQueued);
    return after;
  });
}

/** Deletes a file from the library; refused while a published item shows it. The bytes go when no media uses them. */
export async function deleteMedia(ctx: Context, id: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const m = await repo.findMedia(tx.db, id);
    if (!m || !mediaPolicy.readLibrary(ctx.actor, m)) throw new NotFound('media_not_found');
    if (!mediaPolicy.edit(ctx.actor, m)) throw new Forbidden();
    const online = (await itemsUsingMedia(tx, id)).filter((u) => u.online);
    if (online.length) throw new Conflict('media_in_use', [], { title: online[0].title });
    await repo.updateMedia(tx.db, id, null, { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    await recordAuditEvent(tx, {
      action: 'media.delete',
      agencyId: m.agencyId,
      targetType: 'media',
      targetId: id,
      data: { sha256: m.sha256, fileName: m.originalName },
    });
  });
}

export async function storageUsage(ctx: Context, agencyId: string) {
  if (!mediaPolicy.readUsage(ctx.actor, agencyId)) throw new Forbidden();
  const agency = await getAgency(ctx, agencyId);
  const u = await repo.usageOf(ctx.db, agencyId);
  return {
    agencyId,
    usedBytes: u.usedBytes,
    files: u.files,
    quotaBytes: agency.storageQuotaBytes ?? ctx.config.media.agencyQuotaBytes,
    customQuota: agency.storageQuotaBytes !== null,
  };
}

export async function setStorageQuota(ctx: Context, agencyId: string, quotaBytes: number | null) {
  if (!mediaPolicy.setQuota(ctx.actor)) throw new Forbidden();
  await setAgencyStorageQuota(ctx, agencyId, quotaBytes);
  return storageUsage(ctx, agencyId);
}

/**
 * Files that a published item the reader may see shows (ids from its published metadata), in
 * one query: the item's publication already proves them readable, so only each file's own
 * visibility is checked. For listings and pages of published items.
 */
export async function mediaOfPublishedItem(ctx: Context, ids: string[]): Promise<ShownFile[]> {
  if (!ids.length) return [];
  const visibilities = mediaPolicy.publishedVisibilities(ctx.actor);
  const rows = await repo.findMediaMany(ctx.db, [...new Set(ids)]);
  const byId = new Map(rows.filter((m) => visibilities.includes(m.visibility as never)).map((m) => [m.id, m]));
  // presented as any reader through a published item sees them, with the URLs of their variants and original
  return ids.flatMap((id) => {
    const m = byId.get(id);
    return m ? [presentShownFile(ctx.actor, m, { library: false, published: true })] : [];
  });
}
