// Helpers shared by the content use cases: preparing text, checks before storing, snapshots,
// and the denormalised columns of item_versions.
import type { Context } from '../../../../core/context.js';
import { Invalid, NotFound, type FieldError } from '../../../../core/errors.js';
import { t, visibilityParams, type MessageCode } from '../../../../core/i18n.js';
import { contentPolicy } from '../../policy.js';
import type { Database } from '../../../../db/client.js';
import { findSecrecyMark } from '../secrecy.js';
import { htmlToText, sanitizeRichText } from '../sanitize.js';
import { mediaIdsOf, stringsOf, type ItemMetadata, type Snapshot, type VersionText } from '../../model.js';
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
    mediaIds: mediaIdsOf(metadata),
  };
}

export function metadataColumns(metadata: ItemMetadata) {
  return {
    visibility: metadata.visibility ?? 'internal',
    topicIds: metadata.topicIds ?? [],
    activityDate: metadata.activityDate ?? null,
    mediaIds: mediaIdsOf(metadata),
  };
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

const VISIBILITY_RANK: Record<string, number> = { internal: 0, shared: 1, public: 2 };

/** The files an item refers to exist, the actor may use them, and each slot holds the right kind. */
export async function assertMedia(ctx: Context, kind: string, metadata: ItemMetadata | undefined) {
  const ids = mediaIdsOf(metadata);
  if (!ids.length) return;
  const facts = new Map((await repo.attachedMediaFacts(ctx.db, ids)).map((f) => [f.id, f]));
  const usable = (id: string) => {
    const f = facts.get(id);
    return f && contentPolicy.readWorking(ctx.actor, { agencyId: f.agency_id }) ? f : null;
  };
  for (const [i, ref] of (metadata?.media ?? []).entries()) {
    const f = usable(ref.mediaId);
    if (!f) throw Invalid.field(`metadata/media/${i}/mediaId`, 'media_not_found');
    if (kind === 'photo_album' && f.kind !== 'image') throw Invalid.field(`metadata/media/${i}/mediaId`, 'media_kind_expected', { kind: 'image' });
    for (const lang of Object.keys(ref.caption ?? {})) assertLanguage(ctx, lang, `metadata/media/${i}/caption/${lang}`);
  }
  if (kind === 'video' && metadata?.media?.length && !metadata.media.some((r) => facts.get(r.mediaId)?.kind === 'video')) {
    throw Invalid.field('metadata/media', 'media_kind_expected', { kind: 'video' });
  }
  const fileId = metadata?.document?.fileId;
  if (fileId) {
    const f = usable(fileId);
    if (!f) throw Invalid.field('metadata/document/fileId', 'media_not_found');
    if (f.kind !== 'document') throw Invalid.field('metadata/document/fileId', 'media_kind_expected', { kind: 'document' });
  }
}

/**
 * What the files need before a version in `language` goes to appraisal: their own required
 * metadata (authors, copyright holder, licence), alt text in that language for images
 * (accessibility), and a visibility at least as open as the item's.
 */
export async function missingMediaFacts(ctx: Context, metadata: ItemMetadata, language: string): Promise<FieldError[]> {
  const ids = mediaIdsOf(metadata);
  if (!ids.length) return [];
  const facts = new Map((await repo.attachedMediaFacts(ctx.db, ids)).map((f) => [f.id, f]));
  const out: FieldError[] = [];
  const err = (field: string, code: MessageCode, params?: Record<string, string>) => out.push({ field, code, message: t(code, params) });
  const refs: Array<[string, string]> = [...(metadata.media ?? []).map((r, i) => [`metadata/media/${i}`, r.mediaId] as [string, string])];
  if (metadata.document?.fileId) refs.push(['metadata/document/fileId', metadata.document.fileId]);
  const itemRank = VISIBILITY_RANK[metadata.visibility ?? 'internal'];
  for (const [path, id] of refs) {
    const f = facts.get(id);
    if (!f) {
      err(path, 'media_not_found');
      continue;
    }
    if (f.kind === 'image' && !f.alt?.[language]?.trim()) err(`${path}/alt/${language}`, 'media_alt_required', { language });
    if (!f.authors?.some((a) => a.trim())) err(`${path}/authors`, 'field_required');
    if (!f.copyright_holder?.trim()) err(`${path}/copyrightHolder`, 'field_required');
    if (!f.licence) err(`${path}/licence`, 'field_required');
    if (VISIBILITY_RANK[f.visibility] < itemRank)
      err(`${path}/visibility`, 'media_visibility_narrower', visibilityParams(f.visibility, metadata.visibility ?? 'internal'));
  }
  return out;
}
