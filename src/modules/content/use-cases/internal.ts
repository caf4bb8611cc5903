// Helpers shared by the content use cases: preparing text, checks before storing, snapshots,
// and the denormalised columns of item_versions.
import type { Context } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import type { Database } from '../../../db/client.js';
import { findSecrecyMark } from '../secrecy.js';
import { htmlToText, sanitizeRichText } from '../sanitize.js';
import { stringsOf, type ItemMetadata, type Snapshot, type VersionText } from '../model.js';
import * as repo from '../repo.js';

export function prepareText(text: VersionText): VersionText {
  return { title: text.title.trim(), summary: text.summary.trim(), body: sanitizeRichText(text.body) };
}

export function prepareMetadata(m: ItemMetadata): ItemMetadata {
  return {
    ...m,
    authors: m.authors?.map((a) => a.trim()).filter(Boolean),
    tags: [...new Set(m.tags?.map((a) => a.trim()).filter(Boolean))],
    topicIds: [...new Set(m.topicIds ?? [])],
  };
}

/** Art. 4.6: refuse before anything is stored. Checks the text after sanitising, as it would be kept. */
export function assertNoStateSecrets(text: VersionText | null, metadata: ItemMetadata | null | undefined) {
  const fields: Array<[string, string]> = [];
  if (text) fields.push(['text/title', text.title], ['text/summary', text.summary], ['text/body', htmlToText(text.body)]);
  if (metadata) for (const s of stringsOf(metadata)) fields.push(['metadata', s]);
  for (const [field, value] of fields) {
    const hit = findSecrecyMark(value);
    if (hit) throw Invalid.field(field, 'state_secret_mark', { mark: hit.mark });
  }
}

export async function assertTopics(ctx: Context, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await repo.topicsExist(ctx.db, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length) throw Invalid.field('metadata/topicIds', 'topic_not_found');
}

export function assertLanguage(ctx: Context, language: string, field = 'language') {
  if (!ctx.config.contentLanguages.includes(language)) throw Invalid.field(field, 'language_not_configured');
}

export function snapshotOf(rev: repo.RevisionRow): Snapshot {
  return rev.snapshot as unknown as Snapshot;
}

/** Columns of item_versions that mirror the working revision (text) and the item's metadata. */
export function workingColumns(text: VersionText, metadata: ItemMetadata) {
  return {
    title: text.title,
    summary: text.summary,
    bodyText: htmlToText(text.body),
    visibility: metadata.visibility ?? 'internal',
    topicIds: metadata.topicIds ?? [],
    activityDate: metadata.activityDate ?? null,
  };
}

export function metadataColumns(metadata: ItemMetadata) {
  return { visibility: metadata.visibility ?? 'internal', topicIds: metadata.topicIds ?? [], activityDate: metadata.activityDate ?? null };
}

export interface Loaded {
  version: repo.VersionRow;
  item: repo.ItemRow;
  source: repo.VersionRow;
}

export async function loadVersion(db: Database, versionId: string, forUpdate = false): Promise<Loaded> {
  const version = await repo.findVersion(db, versionId, forUpdate);
  if (!version) throw new NotFound();
  const item = (await repo.findItem(db, version.itemId))!;
  const source = version.isSource ? version : (await repo.findVersionByItemLanguage(db, item.id, item.sourceLanguage))!;
  return { version, item, source };
}

/** The item's working metadata: that of the source language's working revision. */
export async function workingMetadata(db: Database, source: repo.VersionRow): Promise<ItemMetadata> {
  const rev = await repo.findRevision(db, source.workingRevisionId!);
  return snapshotOf(rev!).metadata ?? {};
}

export async function publishedMetadata(db: Database, source: repo.VersionRow): Promise<ItemMetadata | null> {
  if (!source.publishedRevisionId) return null;
  const rev = await repo.findRevision(db, source.publishedRevisionId);
  return snapshotOf(rev!).metadata ?? {};
}
