// Reading content: one language version (working or published view), lists with keyset
// pagination, the appraisal queue, revision history and diffs.
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../../../core/cursor.js';
import { diffWords } from 'diff';
import type { Context } from '../../../../core/context.js';
import { Forbidden, NotFound } from '../../../../core/errors.js';
import { canonicalJson } from '../../../../core/crypto.js';
import { contentPolicy, readableWorkingAgencies } from '../../policy.js';
import * as repo from '../repo.js';
import type { Database } from '../../../../db/client.js';
import { loadVersion, snapshotOf, type Loaded } from './internal.js';

export async function getWorkingVersion(ctx: Context, versionId: string): Promise<WorkingView> {
  const loaded = await loadVersion(ctx.db, versionId);
  if (!contentPolicy.readWorking(ctx.actor, loaded.version)) throw new NotFound();
  return workingViewOf(ctx.db, loaded);
}

export type WorkingView = Awaited<ReturnType<typeof workingViewOf>>;

/**
 * A version as its editors and appraisers see it: its working revision, the item's working metadata,
 * the item's other versions and its appraisals. Also read by the workflow's use cases inside their
 * transaction, after the change, so they answer without a second read.
 */
export async function workingViewOf(db: Database, { version, item, source }: Loaded) {
  const rev = (await repo.findRevision(db, version.workingRevisionId!))!;
  const sourceRev = version.isSource ? rev : (await repo.findRevision(db, source.workingRevisionId!))!;
  const versions = await repo.versionsOfItem(db, item.id);
  const appraisals = await repo.appraisalsOfVersion(db, version.id);
  return { version, item, revision: rev, text: snapshotOf(rev).text, metadata: snapshotOf(sourceRev).metadata ?? {}, versions, appraisals };
}

export interface ListInput {
  agencyId?: string;
  kind?: string;
  state?: string;
  language?: string;
  topicId?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** Cursor: the last row's updatedAt and id (core/cursor.ts). */
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const { at, id } = decodeTimeIdCursor(cursor);
  return { updatedAt: at, id };
}

export async function listWorkingVersions(ctx: Context, input: ListInput) {
  const scope = readableWorkingAgencies(ctx.actor);
  if (!scope) throw new Forbidden();
  const limit = input.limit ?? 50;
  const rows = await repo.listWorkingVersions(ctx.db, { ...input, workingScope: scope, after: decodeCursor(input.cursor), limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeTimeIdCursor(last.updatedAt, last.id) : null;
  return { items: page, nextCursor };
}

export async function appraisalQueue(ctx: Context, limit = 100) {
  if (!contentPolicy.oversee(ctx.actor)) throw new Forbidden();
  const [items, total] = await Promise.all([repo.listSubmitted(ctx.db, limit), repo.countSubmitted(ctx.db)]);
  return { items, total };
}

export async function versionHistory(ctx: Context, versionId: string) {
  const { version } = await loadVersion(ctx.db, versionId);
  if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
  const revisions = await repo.revisionsOfVersion(ctx.db, version.id);
  const appraisals = await repo.appraisalsOfVersion(ctx.db, version.id);
  const lastApproved = await repo.lastApprovedRevisionId(ctx.db, version.id);
  return { version, revisions, appraisals, lastApprovedRevisionId: lastApproved };
}

export interface FieldDiff {
  field: string;
  parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
}

/** Word diff of each field between two revisions of the same version (from → to). */
export async function diffRevisions(ctx: Context, versionId: string, fromId: string, toId: string): Promise<FieldDiff[]> {
  const { version } = await loadVersion(ctx.db, versionId);
  if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
  const [a, b] = await Promise.all([repo.findRevision(ctx.db, fromId), repo.findRevision(ctx.db, toId)]);
  if (!a || !b || a.itemVersionId !== version.id || b.itemVersionId !== version.id) throw new NotFound();
  const sa = snapshotOf(a);
  const sb = snapshotOf(b);
  const fields: Array<[string, string, string]> = [
    ['title', sa.text.title, sb.text.title],
    ['summary', sa.text.summary, sb.text.summary],
    ['body', sa.text.body, sb.text.body],
  ];
  if (sa.metadata || sb.metadata) {
    const keys = new Set([...Object.keys(sa.metadata ?? {}), ...Object.keys(sb.metadata ?? {})]);
    for (const k of [...keys].sort()) {
      const va = canonicalJson((sa.metadata as Record<string, unknown> | undefined)?.[k] ?? null);
      const vb = canonicalJson((sb.metadata as Record<string, unknown> | undefined)?.[k] ?? null);
      fields.push([`metadata/${k}`, va, vb]);
    }
  }
  return fields
    .filter(([, x, y]) => x !== y)
    .map(([field, x, y]) => ({
      field,
      parts: diffWords(x, y).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })),
    }));
}

/** Whether scheduled publishing is running: its last run, the next due time, and anything overdue. */
export async function schedulingStatus(ctx: Context, job: { lastRunAt: Date; lastOkAt: Date | null; lastError: string | null } | null) {
  if (!readableWorkingAgencies(ctx.actor)) throw new Forbidden();
  const next = await repo.nextScheduled(ctx.db);
  const now = ctx.clock.now();
  return {
    lastRunAt: job?.lastRunAt.toISOString() ?? null,
    lastOkAt: job?.lastOkAt?.toISOString() ?? null,
    lastError: job?.lastError ?? null,
    nextScheduledAt: next?.toISOString() ?? null,
    // Due more than two runs ago and still not published: the job is not running or failing.
    overdue: !!next && now.getTime() - next.getTime() > 120_000,
  };
}
