// Taking a file into an agency's library: every transport (one-request upload, tus, CLI) hands a
// complete file on local disk to ingestFile. Refusals happen before anything is stored; the blob
// goes to the store under its SHA-256, then the records are written in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { actorId } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { getAgency } from '../../accounts/service.js';
import { recordAuditEvent } from '../../audit/service.js';
import { cleanFileName } from '../file-types.js';
import { inspectFile } from '../inspect.js';
import { mediaPolicy } from '../policy.js';
import * as repo from '../repo.js';
import { blobStore, mediaWorkQueued, originalKey } from '../store.js';
import { scanFile, VirusScanUnavailable } from '../virus-scan.js';
import { searchTextOf } from './library.js';

export interface IngestResult {
  media: repo.MediaRow;
  /** the agency already had this exact file: nothing new was stored */
  duplicate: boolean;
}

/**
 * The agency an upload goes to, checked before the body is read: the one named, or the uploader's
 * own. Throws when the actor may not upload there.
 */
export async function uploadTarget(ctx: Context, agencyId: string | undefined): Promise<string> {
  const a = ctx.actor;
  const target = agencyId ?? (a.kind === 'user' || a.kind === 'client' ? a.agencyId : undefined);
  if (!target) throw Invalid.field('agencyId', 'field_required');
  if (!mediaPolicy.upload(a, target)) throw new Forbidden();
  const agency = await getAgency(ctx, target).catch(() => null);
  if (!agency || agency.archivedAt) throw Invalid.field('agencyId', 'not_found');
  return target;
}

export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

const fmtBytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${Math.max(1, Math.round(n / 1024 ** 2))} MB`);

/** Whether adding `bytes` keeps the agency within its quota; throws media_quota_exceeded otherwise. */
export async function assertQuota(ctx: Context, agencyId: string, bytes: number, reserved = 0) {
  const u = await repo.usageOf(ctx.db, agencyId);
  const quota = (await getAgency(ctx, agencyId)).storageQuotaBytes ?? ctx.config.media.agencyQuotaBytes;
  if (u.usedBytes + reserved + bytes > quota) throw new Conflict('media_quota_exceeded', [], { used: fmtBytes(u.usedBytes), quota: fmtBytes(quota) });
}

export async function ingestFile(ctx: Context, input: { path: string; fileName: string; agencyId: string; maxBytes: number }): Promise<IngestResult> {
  if (!mediaPolicy.upload(ctx.actor, input.agencyId)) throw new Forbidden();
  const { size } = await stat(input.path);
  if (size > input.maxBytes) throw Invalid.field('file', 'media_too_large', { max: fmtBytes(input.maxBytes) });
  const inspection = await inspectFile(input.path, size, input.fileName, ctx.config.media);
  const { sha256 } = await sha256OfFile(input.path);

  const existing = await repo.findLiveBySha(ctx.db, input.agencyId, sha256);
  if (existing) return { media: existing, duplicate: true };

  if (ctx.config.media.clamdUrl) {
    let verdict;
    try {
      verdict = await scanFile(ctx.config.media.clamdUrl, input.path);
    } catch (e) {
      if (e instanceof VirusScanUnavailable) throw new Conflict('media_scan_unavailable');
      throw e;
    }
    if (!verdict.clean) {
      await recordAuditEvent(ctx, {
        action: 'media.upload',
        outcome: 'failure',
        targetType: 'media',
        data: { sha256, reason: 'infected', signature: verdict.signature, fileName: input.fileName },
      });
      throw Invalid.field('file', 'media_infected', { signature: verdict.signature });
    }
  }
  await assertQuota(ctx, input.agencyId, size);

  const store = blobStore(ctx);
  const key = originalKey(sha256);
  const blob = await repo.findBlob(ctx.db, sha256);
  if (!blob || blob.purgedAt || !(await store.stat(key))) await store.putFile(key, input.path, inspection.type.mime);

  const now = ctx.clock.now();
  const lang = ctx.config.contentLanguages[0];
  const e = inspection.facts.embedded ?? {};
  const fileName = cleanFileName(input.fileName, inspection.type.ext);
  const row: repo.MediaInsert = {
    id: randomUUID(),
    agencyId: input.agencyId,
    kind: inspection.kind,
    sha256,
    mime: inspection.type.mime,
    ext: inspection.type.ext,
    size,
    originalName: fileName,
    width: inspection.width,
    height: inspection.height,
    durationSeconds: inspection.durationSeconds,
    pageCount: inspection.pageCount,
    facts: inspection.facts,
    extractedText: inspection.extractedText,
    title: {},
    caption: e.caption ? { [lang]: e.caption } : {},
    alt: {},
    authors: e.author ? [e.author] : [],
    tags: [],
    dateTaken: e.dateTaken ?? null,
    place: e.place ?? '',
    copyrightHolder: e.copyright ?? '',
    licence: null,
    visibility: 'internal',
    variantsStatus: inspection.kind === 'image' ? 'pending' : 'none',
    createdBy: actorId(ctx.actor) ?? 'anonymous',
    createdByLabel: ctx.actor.label,
    createdAt: now,
    updatedAt: now,
  };
  row.searchText = searchTextOf(row);
  try {
    const created = await withTransaction(ctx, async (tx) => {
      await repo.insertBlob(tx.db, { sha256, size, mime: inspection.type.mime, storageKey: key, createdAt: now });
      const m = await repo.insertMedia(tx.db, row);
      await recordAuditEvent(tx, {
        action: 'media.upload',
        agencyId: input.agencyId,
        targetType: 'media',
        targetId: m.id,
        data: { sha256, size, mime: m.mime, fileName },
      });
      return m;
    });
    if (created.variantsStatus === 'pending') mediaWorkQueued();
    return { media: created, duplicate: false };
  } catch (err) {
    // two uploads of the same file into the same agency at once: the other one won
    const winner = await repo.findLiveBySha(ctx.db, input.agencyId, sha256);
    if (winner) return { media: winner, duplicate: true };
    throw err;
  }
}

export async function getUploadForActor(ctx: Context, id: string): Promise<repo.UploadRow> {
  const u = await repo.findUpload(ctx.db, id);
  if (!u || u.createdBy !== (actorId(ctx.actor) ?? '')) throw new NotFound('upload_not_found');
  return u;
}

/** A resumable upload starts: its size must fit the limit and the agency's quota (counting other unfinished uploads). */
export async function reserveUpload(ctx: Context, u: { id: string; agencyId: string; size: number; fileName: string }) {
  const max = ctx.config.media.maxResumableBytes;
  if (u.size > max) throw Invalid.field('file', 'media_too_large', { max: fmtBytes(max) });
  if (u.size === 0) throw Invalid.field('file', 'media_empty');
  const since = new Date(ctx.clock.now().getTime() - 24 * 3_600_000);
  await assertQuota(ctx, u.agencyId, u.size, await repo.pendingUploadBytes(ctx.db, u.agencyId, since));
  await repo.insertUpload(ctx.db, {
    id: u.id,
    agencyId: u.agencyId,
    createdBy: actorId(ctx.actor) ?? 'anonymous',
    size: u.size,
    fileName: u.fileName.slice(0, 255),
    createdAt: ctx.clock.now(),
  });
}

export async function finishUpload(ctx: Context, id: string, mediaId: string) {
  await repo.finishUpload(ctx.db, id, mediaId, ctx.clock.now());
}

/** A refused or cancelled upload no longer reserves quota. */
export async function abandonUpload(ctx: Context, id: string) {
  await repo.deleteUpload(ctx.db, id);
}
