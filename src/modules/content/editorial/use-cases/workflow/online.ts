// Putting a version online and taking it offline: the published columns, the content hash, the
// public generation (caches), the changes stream, the audit event and the author's notification.
// Shared by the publish and unpublish use cases, approval (publish at once) and the scheduler.
import type { Context } from '../../../../../core/context.js';
import { Conflict, Invalid } from '../../../../../core/errors.js';
import { bumpPublicGeneration } from '../../../../../db/public-generation.js';
import { mediaIdsOf, type ItemMetadata } from '../../../model.js';
import { changeOf, recordChanges } from '../../../published/use-cases/changes.js';
import { publishedContentHash } from '../../hash.js';
import * as repo from '../../repo.js';
import { missingMediaFacts, publishedMetadata, snapshotOf, type Loaded } from '../internal.js';
import { recordTransition } from './guard.js';
import { notifyAuthor } from './notify.js';

/** Puts the working revision online, with its content hash; the source carries its translations' metadata along. */
export async function putOnline(ctx: Context, { version, item, source }: Loaded): Promise<repo.VersionRow> {
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
  await recordChanges(ctx, [
    changeOf(ctx, version, version.pubVisibility ? 'updated' : 'published', { visibility: result.pubVisibility, contentHash: hash }, version.pubVisibility),
  ]);
  await recordTransition(ctx, version, 'publish', 'published', { revision: rev.number, hash, by: ctx.actor.label });
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

/** Takes a version offline (410 on the portal); taking the source offline takes its translations down too. */
export async function takeOffline(ctx: Context, { version, item }: Loaded, reason: string): Promise<repo.VersionRow> {
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
  await recordTransition(ctx, version, 'unpublish', 'unpublished', { reason });
  if (version.isSource) {
    for (const v of await repo.versionsOfItem(ctx.db, item.id)) {
      if (!v.isSource && v.publishedRevisionId) await takeOffline(ctx, { version: v, item, source: version }, 'source_unpublished');
    }
  }
  return result;
}
