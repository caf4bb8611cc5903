// Bulk import: rows are validated one by one (same rules as the API, state-secret check
// included); bad rows are reported with their reasons and nothing of them is stored; good rows
// land as drafts (or submitted) in one transaction per batch. Progress is kept in `imports`.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../../core/context.js';
import { AppError, Forbidden, Invalid, NotFound, type FieldError } from '../../../core/errors.js';
import { escapeHtml } from '../../../core/html.js';
import { t, type MessageCode } from '../../../core/i18n.js';
import { bumpPublicGeneration } from '../../../db/public-generation.js';
import { changeOf, recordChanges } from '../published/use-cases/changes.js';
import { withTransaction } from '../../../db/transaction.js';
import { analyzeChanged } from '../../../db/statistics.js';
import { recordAuditEvent } from '../../audit/service.js';
import * as accounts from '../../accounts/service.js';
import { publishedContentHash, revisionHash } from '../editorial/hash.js';
import { ImportFileError, parseImportFile, TEMPLATE_COLUMNS, type ImportFormat, type RawRow } from './format.js';
import {
  CLAIM_RATINGS,
  DOCUMENT_TYPES,
  KINDS,
  LICENCES,
  missingClaimStatement,
  missingForSubmission,
  VISIBILITIES,
  type ItemMetadata,
  type Kind,
  type VersionText,
} from '../model.js';
import { contentPolicy } from '../policy.js';
import * as repo from '../editorial/repo.js';
import { assertNoStateSecrets, prepareMetadata, prepareText, workingColumns } from '../editorial/use-cases/internal.js';

const BATCH = 500;
const MAX_REPORTED = 1000;

export interface ImportOptions {
  format: ImportFormat;
  mode: 'draft' | 'submit';
  /** default agency for rows without an `agency` column */
  agencyId?: string;
  /** submit mode: the no-state-secrets declaration for every row (Art. 4.6) */
  declaration?: boolean;
  fileName?: string;
}

export interface Prepared {
  agencyId: string;
  kind: Kind;
  language: string;
  text: VersionText;
  metadata: ItemMetadata;
  translations: Array<{ language: string; text: VersionText }>;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(';') : []).map((s) => s.trim()).filter(Boolean);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();
const bodyHtml = (v: unknown): string => {
  const s = str(v);
  if (!s || /<[a-z][\s\S]*>/i.test(s)) return s;
  return s
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
};
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());

interface Lookups {
  agencies: Map<string, string>;
  topics: Map<string, string>;
}

function err(field: string, code: MessageCode, params?: Record<string, string | number>): FieldError {
  return { field, code, message: t(code, params) };
}

/** A clarification's claim columns: claim_rating, claim_statement (and claim_statement_<lang>), claim_claimant, claim_first_seen, claim_urls. */
function claimOf(ctx: Context, raw: RawRow, language: string, errors: FieldError[]): ItemMetadata['claim'] {
  const rating = str(raw.claim_rating);
  if (rating && !(CLAIM_RATINGS as readonly string[]).includes(rating)) errors.push(err('claim_rating', 'field_enum'));
  const statement: Record<string, string> = {};
  for (const lang of ctx.config.contentLanguages) {
    const column = lang === language ? 'claim_statement' : `claim_statement_${lang}`;
    const value = str(raw[column]);
    if (value.length > 2000) errors.push(err(column, 'field_too_long', { max: 2000 }));
    else if (value) statement[lang] = value;
  }
  const urls = list(raw.claim_urls);
  if (urls.length > 20) errors.push(err('claim_urls', 'field_too_many', { max: 20 }));
  if (urls.some((u) => u.length > 2000 || !/^https?:\/\/\S+$/.test(u))) errors.push(err('claim_urls', 'field_format'));
  if (str(raw.claim_claimant).length > 300) errors.push(err('claim_claimant', 'field_too_long', { max: 300 }));
  return {
    statement,
    ...(rating ? { rating: rating as NonNullable<ItemMetadata['claim']>['rating'] } : {}),
    ...(str(raw.claim_claimant) ? { claimant: str(raw.claim_claimant) } : {}),
    ...(str(raw.claim_first_seen) ? { firstSeen: str(raw.claim_first_seen) } : {}),
    ...(urls.length ? { appearances: urls.map((url) => ({ url })) } : {}),
  };
}

/** Validates and shapes one row; returns the errors instead when it is bad. */
function prepareRow(ctx: Context, raw: RawRow, opts: ImportOptions, look: Lookups): Prepared | FieldError[] {
  const errors: FieldError[] = [];
  const kind = str(raw.kind) || 'news';
  if (!(KINDS as readonly string[]).includes(kind)) errors.push(err('kind', 'field_enum'));
  const language = str(raw.language) || ctx.config.contentLanguages[0];
  if (!ctx.config.contentLanguages.includes(language)) errors.push(err('language', 'language_not_configured'));
  const agencyRef = str(raw.agency);
  const agencyId = agencyRef ? look.agencies.get(agencyRef) : opts.agencyId;
  if (!agencyId) errors.push(err('agency', agencyRef ? 'agency_not_found' : 'field_required'));
  else if (!contentPolicy.createIn(ctx.actor, agencyId)) errors.push(err('agency', 'forbidden'));
  const limits: Array<[string, number]> = [
    ['title', 500],
    ['summary', 3000],
    ['place', 300],
    ['copyright_holder', 300],
    ['source_name', 300],
    ['source_url', 2000],
  ];
  for (const [f, max] of limits) if (str(raw[f]).length > max) errors.push(err(f, 'field_too_long', { max }));
  if (str(raw.body).length > 500_000) errors.push(err('body', 'field_too_long', { max: 500_000 }));
  const activityDate = str(raw.activity_date);
  if (activityDate && !isDate(activityDate)) errors.push(err('activity_date', 'field_format'));
  const topicIds: string[] = [];
  for (const slug of list(raw.topics)) {
    const id = look.topics.get(slug);
    if (id) topicIds.push(id);
    else errors.push(err('topics', 'topic_not_found'));
  }
  const licence = str(raw.licence);
  if (licence && !(LICENCES as readonly string[]).includes(licence)) errors.push(err('licence', 'field_enum'));
  const visibility = str(raw.visibility);
  if (visibility && !(VISIBILITIES as readonly string[]).includes(visibility)) errors.push(err('visibility', 'field_enum'));
  const sourceType = str(raw.source_type);
  if (sourceType && sourceType !== 'own' && sourceType !== 'other') errors.push(err('source_type', 'field_enum'));
  const sourceUrl = str(raw.source_url);
  if (sourceUrl && !/^https?:\/\/\S+$/.test(sourceUrl)) errors.push(err('source_url', 'field_format'));
  const docType = str(raw.document_type);
  if (docType && !(DOCUMENT_TYPES as readonly string[]).includes(docType)) errors.push(err('document_type', 'field_enum'));
  for (const f of ['document_issue_date', 'document_effective_date', 'claim_first_seen'])
    if (str(raw[f]) && !isDate(str(raw[f]))) errors.push(err(f, 'field_format'));
  const claim = kind === 'clarification' ? claimOf(ctx, raw, language, errors) : undefined;
  if (errors.length) return errors;

  const text = prepareText({ title: str(raw.title), summary: str(raw.summary), body: bodyHtml(raw.body) });
  const metadata = prepareMetadata({
    activityDate: activityDate || null,
    authors: list(raw.authors),
    topicIds,
    tags: list(raw.tags),
    place: str(raw.place),
    ...(sourceType
      ? {
          source: {
            type: sourceType as 'own' | 'other',
            ...(str(raw.source_name) ? { name: str(raw.source_name) } : {}),
            ...(sourceUrl ? { url: sourceUrl } : {}),
          },
        }
      : {}),
    copyrightHolder: str(raw.copyright_holder),
    ...(licence ? { licence } : {}),
    ...(visibility ? { visibility: visibility as ItemMetadata['visibility'] } : {}),
    ...(kind === 'document'
      ? {
          document: {
            number: str(raw.document_number),
            issuingBody: str(raw.document_issuing_body),
            issueDate: str(raw.document_issue_date) || undefined,
            effectiveDate: str(raw.document_effective_date) || undefined,
            signer: str(raw.document_signer),
            documentType: docType || undefined,
          },
        }
      : {}),
    ...(claim ? { claim } : {}),
  });
  const translations: Prepared['translations'] = [];
  for (const lang of ctx.config.contentLanguages) {
    if (lang === language) continue;
    const title = str(raw[`title_${lang}`]);
    if (!title && !str(raw[`summary_${lang}`]) && !str(raw[`body_${lang}`])) continue;
    translations.push({ language: lang, text: prepareText({ title, summary: str(raw[`summary_${lang}`]), body: bodyHtml(raw[`body_${lang}`]) }) });
  }
  try {
    assertNoStateSecrets(text, metadata);
    for (const tr of translations) assertNoStateSecrets(tr.text, null);
  } catch (e) {
    return (e as AppError).fields;
  }
  if (opts.mode === 'submit') {
    const missing = [
      ...missingForSubmission(kind as Kind, text, metadata),
      ...missingClaimStatement(kind, metadata, language),
      ...translations.flatMap((tr) =>
        [...missingForSubmission(kind as Kind, tr.text, null), ...missingClaimStatement(kind, metadata, tr.language)].map((f) => ({
          ...f,
          field: `${f.field}_${tr.language}`,
        })),
      ),
    ];
    if (missing.length) return missing;
  }
  return { agencyId: agencyId!, kind: kind as Kind, language, text, metadata, translations };
}

/** Starts an import: checks the file as a whole, records it, returns its id; rows are processed by `runImport`. */
export async function startImport(ctx: Context, body: Buffer | unknown, opts: ImportOptions) {
  if (!contentPolicy.startImport(ctx.actor, opts.agencyId)) throw new Forbidden();
  if (opts.mode === 'submit' && opts.declaration !== true) throw Invalid.field('declaration', 'declaration_required');
  let rows: RawRow[];
  try {
    rows = await parseImportFile(opts.format, body);
  } catch (e) {
    if (e instanceof ImportFileError)
      throw new Invalid([{ field: '(file)', code: 'import_file_invalid', message: t('import_file_invalid', { reason: e.message }) }]);
    throw e;
  }
  const id = randomUUID();
  await repo.insertImport(ctx.db, {
    id,
    agencyId: opts.agencyId ?? null,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : ctx.actor.label,
    createdByLabel: ctx.actor.label,
    fileName: opts.fileName ?? '',
    format: opts.format,
    mode: opts.mode,
    status: 'running',
    total: rows.length,
    createdAt: ctx.clock.now(),
  });
  return { id, rows };
}

/** Processes the rows of a started import, batch by batch; onProgress after each batch. */
export async function runImport(ctx: Context, id: string, rows: RawRow[], opts: ImportOptions, onProgress?: (done: number, total: number) => void) {
  const agencies = new Map<string, string>();
  for (const a of await accounts.listAgencies(ctx, {})) {
    agencies.set(a.slug, a.id);
    agencies.set(a.id, a.id);
  }
  const topics = new Map((await repo.listTopics(ctx.db, false)).flatMap((tp) => [[tp.slug, tp.id] as [string, string], [tp.id, tp.id] as [string, string]]));
  const look = { agencies, topics };
  const report: Array<{ row: number; errors: Array<{ field: string; code: string; message: { vi: string; en: string } }> }> = [];
  let imported = 0;
  let rejected = 0;
  try {
    for (let start = 0; start < rows.length; start += BATCH) {
      const slice = rows.slice(start, start + BATCH);
      const good: Prepared[] = [];
      slice.forEach((raw, i) => {
        const p = prepareRow(ctx, raw, opts, look);
        if (Array.isArray(p)) {
          rejected++;
          if (report.length < MAX_REPORTED) report.push({ row: start + i + 2, errors: p.map((e) => ({ field: e.field, code: e.code, message: e.message })) }); // +2: header is row 1
        } else good.push(p);
      });
      if (good.length) {
        await withTransaction(ctx, async (tx) => {
          const ids = await writeBatch(tx, good, opts.mode);
          await recordAuditEvent(tx, {
            action: 'item.import',
            agencyId: opts.agencyId ?? null,
            targetType: 'import',
            targetId: id,
            data: { rows: [start + 2, start + slice.length + 1], versions: ids.length, mode: opts.mode },
          });
        });
        imported += good.length;
      }
      await repo.updateImport(ctx.db, id, { processed: Math.min(start + BATCH, rows.length), imported, rejected });
      onProgress?.(Math.min(start + BATCH, rows.length), rows.length);
    }
    // thousands of new rows: the planner's statistics before the import says done, not at the next
    // job tick (src/db/statistics.ts); the rows are in, so a failure here only costs speed
    if (imported)
      await analyzeChanged(ctx.db, { written: { items: imported, item_versions: imported, revisions: imported } }).catch((e: Error) =>
        ctx.log.warn({ err: e.message, import: id }, 'ANALYZE after the import failed'),
      );
    await repo.updateImport(ctx.db, id, { status: 'done', report, finishedAt: ctx.clock.now() });
  } catch (e) {
    await repo.updateImport(ctx.db, id, { status: 'failed', report, error: (e as Error).message.slice(0, 1000), finishedAt: ctx.clock.now() });
    throw e;
  }
  return { imported, rejected, report };
}

/**
 * Writes prepared items in three multi-row inserts. `published` is for synthetic benchmark data
 * only (publishSyntheticBatch): the versions go online at once, with their content hashes.
 */
export async function writeBatch(ctx: Context, good: Prepared[], mode: 'draft' | 'submit' | 'published', publishedAt?: (i: number) => Date): Promise<string[]> {
  const now = ctx.clock.now();
  const who = { createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : ctx.actor.label, createdByLabel: ctx.actor.label };
  const state = mode === 'submit' ? 'submitted' : mode === 'published' ? 'published' : 'draft';
  const submitted = mode === 'submit' ? { submittedAt: now, submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null } : {};
  const batch: Parameters<typeof repo.insertBatch>[1] = { items: [], versions: [], revisions: [] };
  for (const [index, p] of good.entries()) {
    const itemId = randomUUID();
    batch.items.push({
      id: itemId,
      agencyId: p.agencyId,
      kind: p.kind,
      sourceLanguage: p.language,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    const versions: Array<{ language: string; text: VersionText; isSource: boolean }> = [
      { language: p.language, text: p.text, isSource: true },
      ...p.translations.map((tr) => ({ ...tr, isSource: false })),
    ];
    for (const v of versions) {
      const versionId = randomUUID();
      const revisionId = randomUUID();
      const working = workingColumns(v.text, p.metadata);
      const online =
        mode === 'published'
          ? {
              publishedRevisionId: revisionId,
              publishedAt: publishedAt?.(index) ?? now,
              firstPublishedAt: publishedAt?.(index) ?? now,
              contentHash: publishedContentHash({ itemId, language: v.language, kind: p.kind, agencyId: p.agencyId, ...v.text, metadata: p.metadata }),
              pubTitle: working.title,
              pubSummary: working.summary,
              pubBodyText: working.bodyText,
              pubVisibility: working.visibility,
              pubTopicIds: working.topicIds,
              pubActivityDate: working.activityDate,
              pubMediaIds: working.mediaIds,
            }
          : {};
      batch.versions.push({
        id: versionId,
        itemId,
        language: v.language,
        isSource: v.isSource,
        state,
        workingRevisionId: revisionId,
        agencyId: p.agencyId,
        kind: p.kind,
        createdAt: now,
        updatedAt: now,
        ...submitted,
        ...working,
        ...online,
      });
      const metadata = v.isSource ? p.metadata : undefined;
      batch.revisions.push({
        id: revisionId,
        itemVersionId: versionId,
        itemId,
        language: v.language,
        number: 1,
        snapshot: { text: v.text, ...(metadata ? { metadata } : {}) },
        contentHash: revisionHash(versionId, 1, v.text, metadata),
        note: 'import',
        ...who,
        createdAt: now,
      });
    }
  }
  await repo.insertBatch(ctx.db, batch);
  if (mode === 'published') {
    // (synthetic published items for benchmarks) — in the changes stream too, after the bump that orders it
    await bumpPublicGeneration(ctx.db);
    await recordChanges(
      ctx,
      batch.versions.map((v) =>
        changeOf(
          ctx,
          { id: v.id!, itemId: v.itemId, language: v.language, agencyId: v.agencyId, kind: v.kind },
          'published',
          { visibility: v.pubVisibility ?? null, contentHash: v.contentHash ?? null },
          null,
        ),
      ),
    );
  }
  return batch.versions.map((v) => v.id!);
}

/**
 * Synthetic published items for benchmarks (`ttdn seed --items N`, src/cli/synthetic.ts): online at
 * once, at the given publication times, with one audit event for the batch. System actors only.
 */
export async function publishSyntheticBatch(ctx: Context, batch: Prepared[], publishedAt: Date[]): Promise<string[]> {
  if (ctx.actor.kind !== 'system') throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const ids = await writeBatch(tx, batch, 'published', (i) => publishedAt[i]);
    await recordAuditEvent(tx, { action: 'item.seed_synthetic', targetType: 'item_version', targetId: ids[0], agencyId: null, data: { count: ids.length } });
    return ids;
  });
}

export async function getImport(ctx: Context, id: string) {
  const row = await repo.findImport(ctx.db, id);
  const mine = ctx.actor.kind === 'user' ? row?.createdBy === ctx.actor.userId : row?.createdBy === ctx.actor.label;
  if (!row || !(mine || contentPolicy.oversee(ctx.actor))) throw new NotFound();
  return row;
}

export async function listImports(ctx: Context) {
  const all = contentPolicy.oversee(ctx.actor);
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : ctx.actor.label;
  return repo.listImports(ctx.db, all ? null : me, 100);
}

export async function markInterruptedImports(ctx: Context) {
  await repo.markInterruptedImports(ctx.db, ctx.clock.now());
}

/** The template users fill in: every column, and one complete example row. */
export function importTemplateCsv(): string {
  const header = [...TEMPLATE_COLUMNS, 'title_en', 'summary_en', 'body_en'];
  const example: Record<string, string> = {
    kind: 'news',
    language: 'vi',
    agency: 'so-du-lich',
    title: 'Huế đón du khách quốc tế dịp cuối năm',
    summary: 'Lượng khách quốc tế tăng mạnh.',
    body: 'Đoạn thứ nhất.\n\nĐoạn thứ hai.',
    activity_date: '2026-12-01',
    authors: 'Nguyễn Văn An; Trần Thị Bình',
    topics: 'du-lich-di-san-le-hoi',
    tags: 'du lịch; khách quốc tế',
    place: 'Thành phố Huế',
    source_type: 'own',
    source_name: '',
    source_url: '',
    copyright_holder: 'Sở Du lịch',
    licence: 'CC-BY-4.0',
    visibility: 'public',
    document_number: '',
    document_issuing_body: '',
    document_issue_date: '',
    document_effective_date: '',
    document_signer: '',
    document_type: '',
    title_en: 'Hue welcomes international visitors at year end',
    summary_en: 'International arrivals rise sharply.',
    body_en: 'First paragraph.\n\nSecond paragraph.',
  };
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${header.join(',')}\n${header.map((h) => cell(example[h] ?? '')).join(',')}\n`;
}
