// Every change of workflow state goes through `transition()`, which applies the declaration in
// workflow.ts, the policy, and the transition's own rules (metadata complete, checklist, source
// published…), and records an audit event in the same transaction.
import type { Context } from '../../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound, type FieldError } from '../../../../core/errors.js';
import { t } from '../../../../core/i18n.js';
import { withTransaction } from '../../../../db/transaction.js';
import { recordAuditEvent } from '../../../audit/service.js';
import * as accounts from '../../../accounts/service.js';
import { notifyUsers } from '../../../notifications/service.js';
import { publishedContentHash } from '../hash.js';
import { mediaIdsOf, missingClaimStatement, missingForSubmission, type ItemMetadata, type Kind } from '../../model.js';
import { contentPolicy } from '../../policy.js';
import * as repo from '../repo.js';
import type { AppraisalChecklist } from '../../tables.js';
import { TRANSITIONS, type State, type TransitionName } from '../workflow.js';
import { assertNoStateSecrets, loadVersion, missingMediaFacts, publishedMetadata, snapshotOf, workingMetadata, type Loaded } from './internal.js';
import { bumpPublicGeneration } from '../../../../db/public-generation.js';
import { changeOf, recordChanges, recordDeletion } from '../../published/use-cases/changes.js';

export interface TransitionInput {
  /** submit: the author's declaration that the content holds no state secrets (Art. 4.6) */
  declaration?: { noStateSecrets: boolean };
  /** return / approve */
  comment?: string;
  /** approve: the Art. 6.4 checklist, every item confirmed */
  checklist?: Partial<AppraisalChecklist>;
  /** approve: publish at this time instead of now */
  publishAt?: Date | null;
}

const CHECKS: Array<keyof AppraisalChecklist> = ['copyright', 'accuracy', 'noHarm', 'noStateSecrets'];

export async function transition(ctx: Context, versionId: string, name: TransitionName, input: TransitionInput = {}) {
  const def = TRANSITIONS[name];
  if (!def) throw new NotFound();
  return withTransaction(ctx, async (tx) => {
    const loaded = await loadVersion(tx.db, versionId, true);
    const { version } = loaded;
    if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
    if (!contentPolicy.take(ctx.actor, def.by, version)) throw new Forbidden();
    if (!(def.from as readonly State[]).includes(version.state as State)) {
      const params = { transition: name, state: version.state };
      throw new Conflict('transition_not_allowed', [{ field: 'state', code: 'transition_not_allowed', message: t('transition_not_allowed', params) }], params);
    }
    const now = ctx.clock.now();
    let result: repo.VersionRow;
    let extra: Record<string, unknown> = {};
    switch (name) {
      case 'submit': {
        if (input.declaration?.noStateSecrets !== true) throw Invalid.field('declaration/noStateSecrets', 'declaration_required');
        const rev = (await repo.findRevision(tx.db, version.workingRevisionId!))!;
        const snap = snapshotOf(rev);
        const metadata = version.isSource ? (snap.metadata ?? {}) : null;
        const itemMetadata = metadata ?? (await publishedMetadata(tx.db, loaded.source)) ?? (await workingMetadata(tx.db, loaded.source));
        const missing = [
          ...missingForSubmission(version.kind as Kind, snap.text, metadata),
          ...missingClaimStatement(version.kind, itemMetadata, version.language),
          ...(await missingMediaFacts(tx, itemMetadata, version.language)),
        ];
        if (missing.length) throw new Invalid(missing);
        assertNoStateSecrets(snap.text, metadata);
        result = await repo.updateVersion(tx.db, version.id, { state: 'submitted', submittedAt: now, submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, updatedAt: now });
        extra = { revision: rev.number, declaration: true };
        await notifyUsers(tx, await accounts.activeUserIdsWithRole(tx, 'appraiser'), {
          kind: 'item.submitted',
          title: { vi: `Chờ thẩm định: ${version.title}`, en: `Awaiting appraisal: ${version.title}` },
          link: `/admin/items/${version.id}`,
          data: { versionId: version.id, language: version.language },
        });
        break;
      }
      case 'withdraw':
        result = await repo.updateVersion(tx.db, version.id, { state: 'draft', submittedAt: null, updatedAt: now });
        break;
      case 'return': {
        if (!input.comment?.trim()) throw Invalid.field('comment', 'field_required');
        await appraise(tx, version, 'return', input);
        result = await repo.updateVersion(tx.db, version.id, { state: 'returned', updatedAt: now });
        extra = { comment: input.comment };
        await notifyAuthor(tx, version, 'item.returned', { vi: `Bị trả lại: ${version.title}`, en: `Returned: ${version.title}` }, { comment: input.comment });
        break;
      }
      case 'approve': {
        const unchecked: FieldError[] = CHECKS.filter((c) => input.checklist?.[c] !== true).map((c) => ({
          field: `checklist/${c}`,
          code: 'checklist_incomplete',
          message: t('checklist_incomplete'),
        }));
        if (unchecked.length) throw new Invalid(unchecked);
        await appraise(tx, version, 'approve', input);
        const publishAt = input.publishAt && input.publishAt > now ? input.publishAt : null;
        result = await repo.updateVersion(tx.db, version.id, { state: 'approved', scheduledAt: publishAt, updatedAt: now });
        extra = { publishAt: publishAt?.toISOString() ?? null };
        await recordAuditEvent(tx, auditOf(version, name, version.state, 'approved', extra));
        await notifyAuthor(tx, version, 'item.approved', { vi: `Đã duyệt: ${version.title}`, en: `Approved: ${version.title}` }, extra);
        // Publish at once unless scheduled; a translation whose source is not online waits, approved.
        if (!publishAt && (version.isSource || loaded.source.publishedRevisionId)) {
          return publish(tx, { ...loaded, version: result });
        }
        return result;
      }
      case 'publish':
        return publish(tx, loaded);
      case 'unpublish':
        return unpublish(tx, loaded, 'unpublish');
      case 'archive':
        // Nothing may sit in the archive while still online: unpublish first (an appraiser's decision).
        if (version.publishedRevisionId) throw new Conflict('unpublish_first');
        result = await repo.updateVersion(tx.db, version.id, { state: 'archived', scheduledAt: null, updatedAt: now });
        await recordDeletion(tx, version); // a version readers once had: its tombstone for good
        break;
      case 'restore':
        result = await repo.updateVersion(tx.db, version.id, { state: 'draft', updatedAt: now });
        break;
    }
    await recordAuditEvent(tx, auditOf(version, name, version.state, result!.state, extra));
    return result!;
  });
}

function auditOf(version: repo.VersionRow, name: string, from: string, to: string, data: Record<string, unknown>) {
  return { action: `item.${name}`, agencyId: version.agencyId, targetType: 'item_version', targetId: version.id, data: { from, to, language: version.language, ...data } };
}

async function notifyAuthor(ctx: Context, version: repo.VersionRow, kind: string, title: { vi: string; en: string }, data: Record<string, unknown>) {
  if (!version.submittedBy) return;
  await notifyUsers(ctx, [version.submittedBy], { kind, title, link: `/admin/items/${version.id}`, data: { versionId: version.id, language: version.language, ...data } });
}

async function appraise(ctx: Context, version: repo.VersionRow, decision: 'approve' | 'return', input: TransitionInput) {
  await repo.insertAppraisal(ctx.db, {
    itemVersionId: version.id,
    revisionId: version.workingRevisionId!,
    decision,
    checklist: { copyright: false, accuracy: false, noHarm: false, noStateSecrets: false, ...input.checklist },
    comment: input.comment?.trim() ?? '',
    appraiserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    appraiserLabel: ctx.actor.label,
    createdAt: ctx.clock.now(),
  });
}

/** Puts the working revision online, with its content hash; the source carries its translations' metadata along. */
async function publish(ctx: Context, { version, item, source }: Loaded): Promise<repo.VersionRow> {
  if (!version.isSource && !source.publishedRevisionId) throw new Conflict('source_not_published');
  const now = ctx.clock.now();
  const rev = (await repo.findRevision(ctx.db, version.workingRevisionId!))!;
  const snap = snapshotOf(rev);
  const metadata = version.isSource ? (snap.metadata ?? {}) : ((await publishedMetadata(ctx.db, source)) ?? {});
  // the files may have changed since the submission (alt text removed, visibility narrowed)
  const mediaProblems = await missingMediaFacts(ctx, metadata, version.language);
  if (mediaProblems.length) throw new Invalid(mediaProblems);
  const hash = publishedContentHash({ itemId: item.id, language: version.language, kind: item.kind, agencyId: item.agencyId, ...snap.text, metadata });
  const result = await repo.updateVersion(ctx.db, version.id, {
    state: 'published',
    publishedRevisionId: rev.id,
    publishedAt: now,
    firstPublishedAt: version.firstPublishedAt ?? now,
    scheduledAt: null,
    contentHash: hash,
    updatedAt: now,
    pubTitle: snap.text.title,
    pubSummary: snap.text.summary,
    pubBodyText: version.bodyText, // plain text of the working revision, which is the one going online
    ...pubMetadataColumns(metadata),
  });
  await bumpPublicGeneration(ctx.db);
  await recordChanges(ctx, [changeOf(ctx, version, version.pubVisibility ? 'updated' : 'published', { visibility: result.pubVisibility, contentHash: hash }, version.pubVisibility)]);
  await recordAuditEvent(ctx, auditOf(version, 'publish', version.state, 'published', { revision: rev.number, hash, by: ctx.actor.label }));
  await notifyAuthor(ctx, version, 'item.published', { vi: `Đã công bố: ${snap.text.title}`, en: `Published: ${snap.text.title}` }, { hash });
  if (version.isSource) await refreshTranslations(ctx, item, metadata);
  await repo.touchItem(ctx.db, item.id, now);
  return result;
}

function pubMetadataColumns(m: ItemMetadata) {
  return { pubVisibility: m.visibility ?? 'internal', pubTopicIds: m.topicIds ?? [], pubActivityDate: m.activityDate ?? null, pubMediaIds: mediaIdsOf(m) };
}

/**
 * The source's new published metadata applies to its online translations: new hashes. A translation
 * whose published form changes this way goes online again (`publishedAt`, an `updated` change), so
 * readers following `updatedSince` or the changes stream see it. Runs after the public generation was bumped.
 */
async function refreshTranslations(ctx: Context, item: repo.ItemRow, metadata: ItemMetadata) {
  for (const v of await repo.versionsOfItem(ctx.db, item.id)) {
    if (v.isSource || !v.publishedRevisionId) continue;
    const snap = snapshotOf((await repo.findRevision(ctx.db, v.publishedRevisionId))!);
    const hash = publishedContentHash({ itemId: item.id, language: v.language, kind: item.kind, agencyId: item.agencyId, ...snap.text, metadata });
    if (hash === v.contentHash) continue;
    const columns = pubMetadataColumns(metadata);
    await repo.updateVersion(ctx.db, v.id, { contentHash: hash, publishedAt: ctx.clock.now(), ...columns });
    await recordChanges(ctx, [changeOf(ctx, v, 'updated', { visibility: columns.pubVisibility, contentHash: hash }, v.pubVisibility)]);
  }
}

/** Takes a version offline (410 on the portal); unpublishing the source takes its translations down too. */
async function unpublish(ctx: Context, { version, item }: Loaded, reason: string): Promise<repo.VersionRow> {
  if (!version.publishedRevisionId) throw new Conflict('not_online');
  const now = ctx.clock.now();
  const result = await repo.updateVersion(ctx.db, version.id, {
    state: 'unpublished',
    publishedRevisionId: null,
    contentHash: null,
    scheduledAt: null,
    updatedAt: now,
    pubTitle: null,
    pubSummary: null,
    pubBodyText: null,
    pubVisibility: null,
    pubTopicIds: null,
    pubActivityDate: null,
    pubMediaIds: null,
  });
  await bumpPublicGeneration(ctx.db);
  await recordChanges(ctx, [changeOf(ctx, version, 'unpublished', { visibility: null, contentHash: null }, version.pubVisibility)]);
  await recordAuditEvent(ctx, auditOf(version, 'unpublish', version.state, 'unpublished', { reason }));
  if (version.isSource) {
    for (const v of await repo.versionsOfItem(ctx.db, item.id)) {
      if (!v.isSource && v.publishedRevisionId) await unpublish(ctx, { version: v, item, source: version }, 'source_unpublished');
    }
  }
  return result;
}

/** Scheduled publishing: publishes every approved version whose time has come. Run by the scheduler job. */
export async function publishDue(ctx: Context, limit = 50): Promise<{ published: string[]; failed: Array<{ id: string; reason: string }> }> {
  const published: string[] = [];
  const failed: Array<{ id: string; reason: string }> = [];
  const due = await withTransaction(ctx, async (tx) => (await repo.dueScheduled(tx.db, ctx.clock.now(), limit)).map((r) => r.id));
  for (const id of due) {
    try {
      await withTransaction(ctx, async (tx) => {
        const loaded = await loadVersion(tx.db, id, true);
        if (loaded.version.state !== 'approved' || !loaded.version.scheduledAt || loaded.version.scheduledAt > ctx.clock.now()) return;
        await publish(tx, loaded);
      });
      published.push(id);
    } catch (e) {
      failed.push({ id, reason: (e as Error).message });
    }
  }
  return { published, failed };
}

