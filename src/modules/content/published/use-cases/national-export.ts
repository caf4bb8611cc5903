// The export for the national foreign-information database (R5.5, Art. 8.1b): public published
// content as JSON Lines — a header line, then one line per upsert or tombstone — in the format
// docs/export.md describes. Read as the anonymous public (the `public` row filter every published
// read applies), so shared and internal content can never leave through it. Lines are handed to
// `write` page by page: memory stays bounded whatever the corpus size.
import { publicBaseUrl } from '../../../../config.js';
import { anonymous } from '../../../../core/actor.js';
import type { Context } from '../../../../core/context.js';
import * as accounts from '../../../accounts/service.js';
import { NotFound } from '../../../../core/errors.js';
import { dublinCoreJsonLd } from '../dublin-core.js';
import { changesHead } from '../changes.repo.js';
import { mediaIdsOf, type ItemMetadata } from '../../model.js';
import { publishedScope } from '../../policy.js';
import { presentPublished, type PublishedForm } from '../present.js';
import * as published from '../repo.js';
import { encodeChangeCursor, listChanges } from './changes.js';

export const EXPORT_FORMAT = 'ttdn-national-export';
export const EXPORT_VERSION = '1.0';
const PAGE = 500;
/** the fields of the published form the content hash covers (docs/content-hash.md) */
const HASH_COVERS = ['itemId', 'language', 'kind', 'agencyId', 'title', 'summary', 'body', 'metadata'];

export interface ExportHeader {
  type: 'header';
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  generator: string;
  jurisdiction: { country: 'VN'; nameVi: string; nameEn: string };
  mode: 'full' | 'incremental';
  audience: 'public';
  generatedAt: string;
  /** incremental: the cursor it starts after */
  since: string | null;
  /** the changes-stream cursor to pass as `--since` next time */
  cursor: string;
  counts: { upserts: number; tombstones: number; media: number };
}

export type ExportLine = (line: Record<string, unknown>) => Promise<void>;

/** ISO 8601 in Asia/Ho_Chi_Minh (+07:00, no daylight saving time). */
export function hueTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
}

/** Builds item lines from published forms, caching agency and topic names across pages. */
function itemWriter(ctx: Context) {
  const agencies = new Map<string, { vi: string; en: string } | null>();
  const topics = new Map<string, { vi: string; en: string }>();
  const base = publicBaseUrl(ctx.config);
  let mediaCount = 0;

  async function agencyName(id: string, vi: boolean): Promise<string | null> {
    if (!agencies.has(id)) {
      try {
        const a = await accounts.getAgency(ctx, id);
        agencies.set(id, { vi: a.nameVi, en: a.nameEn });
      } catch (e) {
        if (!(e instanceof NotFound)) throw e; // an archived agency is not shown to outsiders
        agencies.set(id, null);
      }
    }
    const a = agencies.get(id);
    return a ? (vi ? a.vi : a.en) : null;
  }

  async function lines(forms: PublishedForm[]): Promise<Array<Record<string, unknown>>> {
    const topicIds = forms.flatMap((f) => (Array.isArray(f.metadata.topicIds) ? (f.metadata.topicIds as string[]) : [])).filter((id) => !topics.has(id));
    for (const t of await published.topicNames(ctx.db, topicIds)) topics.set(t.id, { vi: t.nameVi, en: t.nameEn });
    const files = new Map(
      (
        await published.mediaFiles(
          ctx.db,
          forms.flatMap((f) => mediaIdsOf(f.metadata as ItemMetadata)),
        )
      ).map((m) => [m.id, m]),
    );
    const out: Array<Record<string, unknown>> = [];
    for (const f of forms) {
      const vi = f.language === 'vi';
      const ids = Array.isArray(f.metadata.topicIds) ? (f.metadata.topicIds as string[]) : [];
      const url = `${base}/${f.language}/items/${f.itemId}`;
      const facts = {
        publisher: await agencyName(f.agencyId, vi),
        topics: ids
          .map((id) => topics.get(id))
          .filter((t) => t !== undefined)
          .map((t) => (vi ? t.vi : t.en)),
        url,
      };
      const { '@context': _context, ...dc } = dublinCoreJsonLd(f, facts);
      // only files the public may read themselves (a file's own visibility applies on top of the item's)
      const media = mediaIdsOf(f.metadata as ItemMetadata)
        .map((id) => files.get(id))
        .filter((m) => m !== undefined && m.visibility === 'public')
        .map((m) => ({
          id: m!.id,
          kind: m!.kind,
          mime: m!.mime,
          size: m!.size,
          sha256: m!.sha256,
          url: `${base}/api/v1/media/${m!.id}`,
          originalUrl: `${base}/api/v1/media/${m!.id}/original`,
        }));
      mediaCount += media.length;
      out.push({
        type: 'upsert',
        id: f.id,
        itemId: f.itemId,
        language: f.language,
        sourceLanguage: f.sourceLanguage,
        kind: f.kind,
        agencyId: f.agencyId,
        revision: f.revision,
        publishedAt: f.publishedAt,
        firstPublishedAt: f.firstPublishedAt,
        dc,
        text: { title: f.title, summary: f.summary, body: f.body, bodyFormat: 'text/html' },
        metadata: f.metadata,
        contentHash: {
          algorithm: 'sha256',
          value: f.contentHash,
          canonicalForm: 'ttdn-published-form/1',
          reference: 'docs/content-hash.md',
          covers: HASH_COVERS,
        },
        media,
        translations: f.translations,
      });
    }
    return out;
  }
  return { lines, mediaCount: () => mediaCount };
}

function header(ctx: Context, mode: ExportHeader['mode'], since: string | null, cursor: string, counts: ExportHeader['counts']): ExportHeader {
  const j = ctx.config.jurisdiction;
  return {
    type: 'header',
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generator: 'TTDN',
    jurisdiction: { country: 'VN', nameVi: j.nameVi, nameEn: j.nameEn },
    mode,
    audience: 'public',
    generatedAt: hueTime(ctx.clock.now()),
    since,
    cursor,
    counts,
  };
}

/**
 * Every public published version, oldest first publication first, then the header. `cursor` is the
 * stream's head read *before* the first page: every change up to it is in the export; a later one
 * may be too, which is harmless — the next incremental export (`since = cursor`) repeats it.
 */
export async function exportNationalFull(ctx: Context, write: ExportLine): Promise<ExportHeader> {
  const pub: Context = { ...ctx, actor: anonymous }; // explicit: the export is what the anonymous public reads
  const scope = publishedScope(pub.actor);
  const cursor = encodeChangeCursor(await changesHead(pub.db));
  const items = itemWriter(pub);
  let after: published.ListKey | null = null;
  let upserts = 0;
  for (;;) {
    const rows = await published.cardsAfter(pub.db, { scope }, 'published', after, PAGE);
    if (!rows.length) break;
    const forms = new Map(
      (
        await published.publishedForms(
          pub.db,
          rows.map((r) => r.versionId),
        )
      ).map((f) => [f.versionId, presentPublished(f, { audience: scope })]),
    );
    const ordered = rows.map((r) => forms.get(r.versionId)).filter((f): f is PublishedForm => f !== undefined);
    for (const line of await items.lines(ordered)) await write(line);
    upserts += ordered.length;
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].key;
  }
  return header(pub, 'full', null, cursor, { upserts, tombstones: 0, media: items.mediaCount() });
}

/**
 * The public changes after `since`, in stream order: an upsert (the published form now) for each
 * publication or update, a tombstone for each unpublication or deletion. Apply them in order.
 */
export async function exportNationalSince(ctx: Context, since: string, write: ExportLine): Promise<ExportHeader> {
  const pub: Context = { ...ctx, actor: anonymous };
  const items = itemWriter(pub);
  let cursor = since;
  let upserts = 0;
  let tombstones = 0;
  for (;;) {
    const page = await listChanges(pub, { since: cursor, limit: PAGE, include: 'data' });
    const live = page.changes.filter((c) => c.data);
    const lines = new Map((await items.lines(live.map((c) => c.data!))).map((l, i) => [live[i].cursor, l]));
    for (const c of page.changes) {
      const line = lines.get(c.cursor);
      if (line) {
        upserts++;
        await write({ ...line, event: c.event, cursor: c.cursor, at: hueTime(new Date(c.at)) });
      } else {
        // a tombstone, or a live change the public can no longer read (its tombstone follows): delete it
        tombstones++;
        await write({
          type: 'tombstone',
          event: c.contentHash === null ? c.event : 'unpublished',
          id: c.versionId,
          itemId: c.itemId,
          language: c.language,
          kind: c.kind,
          agencyId: c.agencyId,
          cursor: c.cursor,
          at: hueTime(new Date(c.at)),
        });
      }
    }
    cursor = page.nextCursor;
    if (page.changes.length < PAGE) break;
  }
  return header(pub, 'incremental', since, cursor, { upserts, tombstones, media: items.mediaCount() });
}
