// The changes stream: recording every change to what readers outside the agencies may see (called
// by the transitions and the bulk import, after `bumpPublicGeneration` in their transaction), and
// reading it as one reader sees it (GET /api/v1/changes): tombstones for what it may no longer read.
import type { Context } from '../../../../core/context.js';
import { Invalid } from '../../../../core/errors.js';
import { bumpPublicGeneration } from '../../../../db/public-generation.js';
import * as changes from '../changes.repo.js';
import { inPublishedScope, publishedScope } from '../../policy.js';
import { presentPublished, type PublishedForm } from '../present.js';
import * as published from '../repo.js';

export type { ChangeEvent } from '../changes.repo.js';

interface VersionRef {
  id: string;
  itemId: string;
  language: string;
  agencyId: string;
  kind: string;
}

/** One row of the stream; `visibility` after the change (null: not online), `prevVisibility` before. */
export function changeOf(
  ctx: Context,
  v: VersionRef,
  event: changes.ChangeEvent,
  after: { visibility: string | null; contentHash: string | null },
  prevVisibility: string | null,
): changes.ChangeInsert {
  return {
    at: ctx.clock.now(),
    event,
    itemId: v.itemId,
    versionId: v.id,
    language: v.language,
    agencyId: v.agencyId,
    kind: v.kind,
    visibility: after.visibility,
    prevVisibility,
    contentHash: after.contentHash,
  };
}

/** Records changes; the caller has bumped the public generation in this transaction (that lock orders the stream). */
export async function recordChanges(ctx: Context, rows: changes.ChangeInsert[]): Promise<void> {
  if (rows.length) await changes.insertChanges(ctx.db, rows);
}

/**
 * An archived version that readers once had leaves the stream as `deleted`. Its `prevVisibility` is
 * the visibility it had when last online (it was unpublished before), so every reader who had it
 * gets the tombstone. Versions never in the stream, or already deleted, record nothing.
 */
export async function recordDeletion(ctx: Context, v: VersionRef): Promise<void> {
  const last = await changes.lastChangeOf(ctx.db, v.id);
  if (!last || last.event === 'deleted') return;
  await bumpPublicGeneration(ctx.db);
  await recordChanges(ctx, [changeOf(ctx, v, 'deleted', { visibility: null, contentHash: null }, last.visibility)]);
}

// ----- reading

const CURSOR_PREFIX = 'seq:';
export const MAX_CHANGES_LIMIT = 1000;

export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`).toString('base64url');
}

function decodeChangeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^seq:(0|[1-9][0-9]{0,15})$/.exec(text);
  const seq = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(seq)) throw Invalid.field('since', 'field_format');
  return seq;
}

export interface ChangesInput {
  since?: string;
  limit?: number;
  include?: 'data';
}

export interface ChangeView {
  cursor: string;
  event: changes.ChangeEvent;
  at: string;
  itemId: string;
  versionId: string;
  language: string;
  kind: string;
  agencyId: string;
  /** for the reader: the visibility after the change; absent on tombstones */
  visibility?: string;
  /** the published form's hash after the change; null on tombstones */
  contentHash: string | null;
  /** include=data: the version's published form now, when the reader may still read it; null otherwise */
  data?: PublishedForm | null;
}

/** A reader's view of the stream: its published scope (what `viewOfChange` evaluates against). */
export type ChangeReader = ReturnType<typeof publishedScope>;
export type { ChangeRow } from '../changes.repo.js';

/** The scope of what this actor may read in the stream. */
export function changeReaderOf(actor: Context['actor']): ChangeReader {
  return publishedScope(actor);
}

/**
 * One row of the stream as this reader sees it, or null when the reader could read the version
 * neither before nor after the change. Pure: GET /changes and the webhook dispatcher share it.
 */
export function viewOfChange(scope: ChangeReader, r: changes.ChangeRow): ChangeView | null {
  const now = inPublishedScope(scope, r.visibility, r.agencyId);
  const before = inPublishedScope(scope, r.prevVisibility, r.agencyId);
  if (!now && !before) return null;
  const event: changes.ChangeEvent = now ? (before ? 'updated' : 'published') : r.event === 'deleted' ? 'deleted' : 'unpublished';
  const base = {
    cursor: encodeChangeCursor(r.seq),
    event,
    at: r.at.toISOString(),
    itemId: r.itemId,
    versionId: r.versionId,
    language: r.language,
    kind: r.kind,
    agencyId: r.agencyId,
  };
  return now ? { ...base, visibility: r.visibility!, contentHash: r.contentHash } : { ...base, contentHash: null };
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGES_LIMIT) throw Invalid.field('limit', 'field_range', { min: 1, max: MAX_CHANGES_LIMIT });
}

/**
 * The raw rows after `since` that the context's actor may see (before or after), oldest first, up
 * to `limit`, and the stream's head; `end` is where this page ends (as `nextCursor` of listChanges).
 */
export async function readChangeRows(ctx: Context, since: number, limit: number): Promise<{ rows: changes.ChangeRow[]; head: number; end: number }> {
  checkLimit(limit);
  const { rows, head } = await changes.changesAfter(ctx.db, publishedScope(ctx.actor), since, limit);
  // A cursor past the head was not given by this database (a restored backup, another server): start again.
  if (since > head) throw Invalid.field('since', 'field_range', { min: 0, max: head });
  const end = rows.length === limit ? rows[rows.length - 1].seq : Math.max(head, since);
  return { rows, head, end };
}

/**
 * Changes after the cursor that the reader may see, oldest first. For this reader, a change is
 * `published` when it could not read the version before and can now, `updated` when it could read it
 * before and still can, and a tombstone (`unpublished`, or `deleted` for an archived version) when it
 * could read it before and cannot now — a narrowed visibility included. `nextCursor` is where to
 * continue: the last change given, or the stream's head when the page is not full.
 */
export async function listChanges(ctx: Context, input: ChangesInput): Promise<{ changes: ChangeView[]; nextCursor: string }> {
  const since = decodeChangeCursor(input.since);
  const limit = input.limit ?? 100;
  checkLimit(limit);
  const scope = publishedScope(ctx.actor);
  const { rows, end } = await readChangeRows(ctx, since, limit);
  const views: ChangeView[] = rows.map((r) => viewOfChange(scope, r)).filter((v): v is ChangeView => v !== null);
  if (input.include === 'data') {
    const live = views.filter((v) => v.contentHash !== null).map((v) => v.versionId);
    const forms = new Map(
      (await published.publishedForms(ctx.db, live))
        .filter((f) => inPublishedScope(scope, f.visibility, f.agencyId))
        .map((f) => [f.versionId, presentPublished(f, { audience: scope })]),
    );
    for (const v of views) v.data = v.contentHash === null ? null : (forms.get(v.versionId) ?? null);
  }
  return { changes: views, nextCursor: encodeChangeCursor(end) };
}
