// Writing content: create an item, save a revision of a language version, add a translation,
// restore an old revision as a new draft. Every save is a new immutable revision.
import { actorId, type Actor } from '../../../../core/actor.js';
import type { Context } from '../../../../core/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../../core/errors.js';
import { withTransaction } from '../../../../db/transaction.js';
import { recordAuditEvent } from '../../../audit/service.js';
import { revisionHash } from '../hash.js';
import type { ItemMetadata, Kind, Snapshot, VersionText } from '../../model.js';
import { contentPolicy } from '../../policy.js';
import * as repo from '../repo.js';
import { EDITABLE_STATES, type State } from '../workflow.js';
import {
  assertLanguage,
  assertNoStateSecrets,
  assertMedia,
  assertTopics,
  loadVersion,
  metadataColumns,
  prepareMetadata,
  prepareText,
  snapshotOf,
  workingColumns,
  workingMetadata,
} from './internal.js';

export interface CreateItemInput {
  agencyId?: string;
  kind: Kind;
  sourceLanguage?: string;
  text: VersionText;
  metadata: ItemMetadata;
  note?: string;
}

function author(actor: Actor) {
  return { createdBy: actorId(actor) ?? 'anonymous', createdByLabel: actor.label };
}

export async function createItem(ctx: Context, input: CreateItemInput) {
  const agencyId = input.agencyId ?? (ctx.actor.kind === 'user' || ctx.actor.kind === 'client' ? ctx.actor.agencyId : undefined);
  if (!agencyId) throw Invalid.field('agencyId', 'field_required');
  if (!contentPolicy.createIn(ctx.actor, agencyId)) throw new Forbidden();
  const language = input.sourceLanguage ?? ctx.config.contentLanguages[0];
  assertLanguage(ctx, language, 'sourceLanguage');
  const text = prepareText(input.text);
  const metadata = prepareMetadata(input.metadata);
  assertNoStateSecrets(text, metadata);
  await assertTopics(ctx, metadata.topicIds);
  await assertMedia(ctx, input.kind, metadata);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const item = await repo.insertItem(tx.db, {
      agencyId,
      kind: input.kind,
      sourceLanguage: language,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    const version = await repo.insertVersion(tx.db, {
      itemId: item.id,
      language,
      isSource: true,
      state: 'draft',
      agencyId,
      kind: input.kind,
      createdAt: now,
      updatedAt: now,
      ...workingColumns(text, metadata),
    });
    const rev = await repo.insertRevision(tx.db, {
      itemVersionId: version.id,
      itemId: item.id,
      language,
      number: 1,
      snapshot: { text, metadata } as unknown as Record<string, unknown>,
      contentHash: revisionHash(version.id, 1, text, metadata),
      note: input.note ?? '',
      ...author(ctx.actor),
      createdAt: now,
    });
    const saved = await repo.updateVersion(tx.db, version.id, { workingRevisionId: rev.id });
    await recordAuditEvent(tx, {
      action: 'item.create',
      agencyId,
      targetType: 'item_version',
      targetId: version.id,
      data: { itemId: item.id, kind: input.kind, language, revision: 1 },
    });
    return saved;
  });
}

export interface SaveInput {
  /** the working revision this edit started from; another one means someone saved meanwhile */
  baseRevisionId: string;
  text: VersionText;
  /** source language only */
  metadata?: ItemMetadata;
  note?: string;
}

export async function saveVersion(ctx: Context, versionId: string, input: SaveInput) {
  const text = prepareText(input.text);
  const metadataIn = input.metadata ? prepareMetadata(input.metadata) : undefined;
  assertNoStateSecrets(text, metadataIn);
  return withTransaction(ctx, async (tx) => {
    const { version, source } = await loadVersion(tx.db, versionId, true);
    if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
    if (!contentPolicy.edit(ctx.actor, version)) throw new Forbidden();
    if (!EDITABLE_STATES.includes(version.state as State)) throw new Conflict('version_not_editable');
    if (version.workingRevisionId !== input.baseRevisionId) throw new Conflict('stale_revision');
    if (metadataIn && !version.isSource) throw Invalid.field('metadata', 'metadata_on_translation');
    await assertTopics(tx, metadataIn?.topicIds);
    await assertMedia(tx, version.kind, metadataIn);
    const previous = snapshotOf((await repo.findRevision(tx.db, version.workingRevisionId!))!);
    const metadata = version.isSource ? (metadataIn ?? previous.metadata ?? {}) : undefined;
    return writeRevision(tx, version, source, { text, metadata }, input.note ?? '', input.baseRevisionId);
  });
}

/** Appends a revision, makes it the working copy, returns a published/approved version to draft. */
async function writeRevision(ctx: Context, version: repo.VersionRow, source: repo.VersionRow, snapshot: Snapshot, note: string, basedOn: string | null) {
  const now = ctx.clock.now();
  const number = (await repo.maxRevisionNumber(ctx.db, version.id)) + 1;
  const rev = await repo.insertRevision(ctx.db, {
    itemVersionId: version.id,
    itemId: version.itemId,
    language: version.language,
    number,
    snapshot: snapshot as unknown as Record<string, unknown>,
    contentHash: revisionHash(version.id, number, snapshot.text, snapshot.metadata),
    basedOnRevisionId: basedOn,
    note,
    ...author(ctx.actor),
    createdAt: now,
  });
  // Editing what is approved, published or unpublished starts a new draft; the published revision stays online.
  const state = ['approved', 'published', 'unpublished'].includes(version.state) ? 'draft' : version.state;
  const metadata = version.isSource ? snapshot.metadata! : await workingMetadata(ctx.db, source);
  const saved = await repo.updateVersion(ctx.db, version.id, {
    workingRevisionId: rev.id,
    state,
    scheduledAt: null,
    updatedAt: now,
    ...workingColumns(snapshot.text, metadata),
  });
  if (version.isSource) {
    // Translations list and filter by the item's metadata too.
    for (const v of await repo.versionsOfItem(ctx.db, version.itemId)) {
      if (!v.isSource) await repo.updateVersion(ctx.db, v.id, metadataColumns(metadata));
    }
  }
  await repo.touchItem(ctx.db, version.itemId, now);
  await recordAuditEvent(ctx, {
    action: 'item.save',
    agencyId: version.agencyId,
    targetType: 'item_version',
    targetId: version.id,
    data: { revision: number, from: version.state, to: state, hash: rev.contentHash },
  });
  return saved;
}

export async function addTranslation(ctx: Context, itemId: string, input: { language: string; text: VersionText; note?: string }) {
  assertLanguage(ctx, input.language);
  const text = prepareText(input.text);
  assertNoStateSecrets(text, null);
  return withTransaction(ctx, async (tx) => {
    const item = await repo.findItem(tx.db, itemId);
    if (!item || !contentPolicy.readWorking(ctx.actor, item)) throw new NotFound();
    if (!contentPolicy.edit(ctx.actor, item)) throw new Forbidden();
    if (await repo.findVersionByItemLanguage(tx.db, itemId, input.language)) throw new Conflict('translation_exists');
    const source = (await repo.findVersionByItemLanguage(tx.db, itemId, item.sourceLanguage))!;
    const metadata = await workingMetadata(tx.db, source);
    const now = ctx.clock.now();
    const version = await repo.insertVersion(tx.db, {
      itemId,
      language: input.language,
      isSource: false,
      state: 'draft',
      agencyId: item.agencyId,
      kind: item.kind,
      createdAt: now,
      updatedAt: now,
      ...workingColumns(text, metadata),
    });
    const rev = await repo.insertRevision(tx.db, {
      itemVersionId: version.id,
      itemId,
      language: input.language,
      number: 1,
      snapshot: { text } as unknown as Record<string, unknown>,
      contentHash: revisionHash(version.id, 1, text, undefined),
      note: input.note ?? '',
      ...author(ctx.actor),
      createdAt: now,
    });
    const saved = await repo.updateVersion(tx.db, version.id, { workingRevisionId: rev.id });
    await repo.touchItem(tx.db, itemId, now);
    await recordAuditEvent(tx, {
      action: 'item.translate',
      agencyId: item.agencyId,
      targetType: 'item_version',
      targetId: version.id,
      data: { itemId, language: input.language },
    });
    return saved;
  });
}

/** Makes an old revision the working copy again, as a new revision (history is never rewritten). */
export async function restoreRevision(ctx: Context, versionId: string, input: { revisionId: string; baseRevisionId: string }) {
  return withTransaction(ctx, async (tx) => {
    const { version, source } = await loadVersion(tx.db, versionId, true);
    if (!contentPolicy.readWorking(ctx.actor, version)) throw new NotFound();
    if (!contentPolicy.edit(ctx.actor, version)) throw new Forbidden();
    if (!EDITABLE_STATES.includes(version.state as State)) throw new Conflict('version_not_editable');
    if (version.workingRevisionId !== input.baseRevisionId) throw new Conflict('stale_revision');
    const old = await repo.findRevision(tx.db, input.revisionId);
    if (!old || old.itemVersionId !== version.id) throw new NotFound();
    const snap = snapshotOf(old);
    if (snap.metadata) await assertTopics(tx, snap.metadata.topicIds);
    if (snap.metadata) await assertMedia(tx, version.kind, snap.metadata);
    return writeRevision(tx, version, source, snap, `restored from revision ${old.number}`, input.baseRevisionId);
  });
}
