// The open API's reads of published content: a filtered, sorted list with keyset pagination and
// field selection (GET /published), one item in one language (GET /published/{itemId}/{language}),
// and the facts its Dublin Core record needs. Rows follow the same rule as every published read:
// public for everyone, shared with the exploit scope, internal for the owning agency and the DIC.
import { publicBaseUrl } from '../../../../config.js';
import type { Context } from '../../../../core/context.js';
import { Invalid, NotFound } from '../../../../core/errors.js';
import * as accounts from '../../../accounts/service.js';
import type { DcFacts } from '../dublin-core.js';
import { inPublishedScope, publishedScope } from '../../policy.js';
import { needsForm, parseFields, presentPublished, selectListFields, type PublishedForm } from '../present.js';
import * as published from '../repo.js';

export type { PublishedSort } from '../repo.js';
export const MAX_PUBLISHED_LIMIT = 100;

export interface PublishedQuery {
  kind?: string;
  topicId?: string;
  agencyId?: string;
  language?: string;
  updatedSince?: string;
  publishedFrom?: string;
  publishedTo?: string;
  activityFrom?: string;
  activityTo?: string;
  sort?: published.PublishedSort;
  fields?: string;
  cursor?: string;
  limit?: number;
}

const VN_OFFSET = '+07:00'; // Asia/Ho_Chi_Minh, no daylight saving time
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function validDate(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return dt.getUTCFullYear() === Number(y) && dt.getUTCMonth() === Number(m) - 1 && dt.getUTCDate() === Number(d);
}

/** A date (a whole day in Asia/Ho_Chi_Minh) or a date-time with its offset → [start, end) instants. */
function parseInstant(value: string, field: string): { start: Date; end: Date } {
  const d = DATE.exec(value);
  if (d && validDate(d[1], d[2], d[3])) {
    const start = new Date(`${value}T00:00:00${VN_OFFSET}`);
    return { start, end: new Date(start.getTime() + 86_400_000) };
  }
  const t = DATE_TIME.exec(value);
  if (t && validDate(t[1], t[2], t[3]) && Number(t[4]) < 24 && Number(t[5]) < 60 && Number(t[6] ?? 0) < 60) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return { start: at, end: new Date(at.getTime() + 1) };
  }
  throw Invalid.field(field, 'field_format');
}

function parseDay(value: string, field: string): string {
  const d = DATE.exec(value);
  if (!d || !validDate(d[1], d[2], d[3])) throw Invalid.field(field, 'field_format');
  return value;
}

function encodeListCursor(sort: published.PublishedSort, key: published.ListKey): string {
  return Buffer.from(JSON.stringify([sort, key.at, key.id])).toString('base64url');
}

function decodeListCursor(cursor: string | undefined, sort: published.PublishedSort): published.ListKey | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown = null;
  try {
    if (/^[A-Za-z0-9_-]{1,300}$/.test(cursor)) parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sort && // a cursor continues the sort it came from
    typeof parsed[1] === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(parsed[1]) &&
    typeof parsed[2] === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(parsed[2]);
  if (!ok) throw Invalid.field('cursor', 'field_format');
  return { at: (parsed as string[])[1], id: (parsed as string[])[2] };
}

/** A page of published versions the reader may see; `nextCursor` null on the last page. */
export async function listPublishedVersions(ctx: Context, q: PublishedQuery): Promise<{ items: Array<Record<string, unknown>>; nextCursor: string | null }> {
  const sort = q.sort ?? '-published';
  const limit = q.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PUBLISHED_LIMIT) throw Invalid.field('limit', 'field_range');
  const fields = parseFields(q.fields);
  const after = decodeListCursor(q.cursor, sort);
  const from = q.publishedFrom !== undefined ? parseInstant(q.publishedFrom, 'publishedFrom').start : undefined;
  const before = q.publishedTo !== undefined ? parseInstant(q.publishedTo, 'publishedTo').end : undefined;
  if (from && before && from >= before) throw Invalid.field('publishedTo', 'field_range');
  const activityFrom = q.activityFrom !== undefined ? parseDay(q.activityFrom, 'activityFrom') : undefined;
  const activityTo = q.activityTo !== undefined ? parseDay(q.activityTo, 'activityTo') : undefined;
  if (activityFrom && activityTo && activityFrom > activityTo) throw Invalid.field('activityTo', 'field_range');
  const scope = publishedScope(ctx.actor);
  const filter: published.CardFilter = {
    scope,
    kind: q.kind,
    topicId: q.topicId,
    agencyId: q.agencyId,
    language: q.language,
    updatedSince: q.updatedSince !== undefined ? parseInstant(q.updatedSince, 'updatedSince').start : undefined,
    publishedFrom: from,
    publishedBefore: before,
    activityFrom,
    activityTo,
  };
  const rows = await published.cardsAfter(ctx.db, filter, sort, after, limit + 1);
  const page = rows.slice(0, limit);
  const forms = needsForm(fields)
    ? new Map(
        (
          await published.publishedForms(
            ctx.db,
            page.map((r) => r.versionId),
          )
        ).map((f) => [f.versionId, presentPublished(f, { audience: scope })]),
      )
    : new Map<string, PublishedForm>();
  return {
    items: page.map((r) => selectListFields(presentPublished(r, { audience: scope }), forms.get(r.versionId), fields)),
    nextCursor: rows.length > limit ? encodeListCursor(sort, page[page.length - 1].key) : null,
  };
}

/** One item's published version in a language, as GET /item-versions/{id}/published gives it; not found when the reader may not see it. */
/** A language version as published, with its content hash and the translations the reader may see; 404 when the reader may not read it. */
export async function getPublishedForm(ctx: Context, versionId: string): Promise<PublishedForm> {
  const [form] = await published.publishedForms(ctx.db, [versionId]);
  return readable(ctx, form);
}

/** The same, found by item and language (GET /published/{itemId}/{language}). */
export async function getPublishedInLanguage(ctx: Context, itemId: string, language: string): Promise<PublishedForm> {
  return readable(ctx, await published.publishedFormOf(ctx.db, itemId, language));
}

function readable(ctx: Context, form: published.PublishedFormRow | null | undefined): PublishedForm {
  const scope = publishedScope(ctx.actor);
  if (!form || !inPublishedScope(scope, form.visibility, form.agencyId)) throw new NotFound();
  return presentPublished(form, { audience: scope });
}

/** What a Dublin Core record of a published form names besides the form: its agency and its topics, in the version's language. */
export async function dublinCoreFacts(ctx: Context, form: PublishedForm): Promise<DcFacts> {
  const vi = form.language === 'vi';
  let publisher: string | null = null;
  try {
    const agency = await accounts.getAgency(ctx, form.agencyId);
    publisher = vi ? agency.nameVi : agency.nameEn;
  } catch (e) {
    if (!(e instanceof NotFound)) throw e; // an archived agency is not shown to outsiders: no publisher then
  }
  const topicIds = Array.isArray(form.metadata.topicIds) ? (form.metadata.topicIds as string[]) : [];
  const names = new Map((await published.topicNames(ctx.db, topicIds)).map((t) => [t.id, vi ? t.nameVi : t.nameEn]));
  const base = publicBaseUrl(ctx.config);
  return {
    publisher,
    topics: topicIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n)),
    // the portal's address of the item in this language (src/portal/urls.ts `paths.item`)
    url: `${base.replace(/\/$/, '')}/${form.language}/items/${form.itemId}`,
  };
}
