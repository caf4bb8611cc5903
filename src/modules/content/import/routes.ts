// HTTP: bulk import. The file is the request body (CSV, XLSX or a JSON array); rows are processed
// in the background and the import's progress and report are read back by id.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams, IsoDateTime, Nullable } from '../../../http/schemas.js';
import * as content from '../service.js';
import type { ImportFormat } from '../service.js';

const ImportStatus = Type.Object(
  {
    id: Type.String(),
    status: Type.String({ description: 'running | done | failed | interrupted' }),
    format: Type.String(),
    mode: Type.String(),
    fileName: Type.String(),
    total: Type.Integer(),
    processed: Type.Integer(),
    imported: Type.Integer(),
    rejected: Type.Integer(),
    report: Type.Array(
      Type.Object({ row: Type.Integer(), errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })) }),
    ),
    error: Nullable(Type.String()),
    createdBy: Type.String(),
    createdByLabel: Type.String({ description: 'User name (or system actor) who started the import' }),
    createdAt: IsoDateTime,
    finishedAt: Nullable(IsoDateTime),
  },
  {
    examples: [
      {
        id: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f',
        status: 'done',
        format: 'csv',
        mode: 'draft',
        fileName: 'tin-doi-ngoai-thang-5.csv',
        total: 3,
        processed: 3,
        imported: 2,
        rejected: 1,
        report: [{ row: 3, errors: [{ field: 'title', code: 'field_required', message: 'Bắt buộc nhập.' }] }],
        error: null,
        createdBy: '3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d',
        createdByLabel: 'nguyenvanan',
        createdAt: '2026-06-01T02:00:00.000Z',
        finishedAt: '2026-06-01T02:00:04.000Z',
      },
    ],
  },
);

/** Documentation only: what GET /imports/template.csv answers (importTemplateCsv; the BOM left out). */
const templateCsvExample = [
  'kind,language,agency,title,summary,body,activity_date,authors,topics,tags,place,source_type,source_name,source_url,copyright_holder,licence,visibility,document_number,document_issuing_body,document_issue_date,document_effective_date,document_signer,document_type,claim_rating,claim_statement,claim_claimant,claim_first_seen,claim_urls,title_en,summary_en,body_en',
  'news,vi,so-du-lich,Huế đón du khách quốc tế dịp cuối năm,Lượng khách quốc tế tăng mạnh.,"Đoạn thứ nhất.',
  '',
  'Đoạn thứ hai.",2026-12-01,Nguyễn Văn An; Trần Thị Bình,du-lich-di-san-le-hoi,du lịch; khách quốc tế,Thành phố Huế,own,,,Sở Du lịch,CC-BY-4.0,public,,,,,,,,,,,,Hue welcomes international visitors at year end,International arrivals rise sharply.,"First paragraph.',
  '',
  'Second paragraph."',
  '',
].join('\n');

const MIME: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/json': 'json',
};

export async function importRoutes(app: FastifyInstance) {
  // Raw file bodies, in this plugin only.
  app.addContentTypeParser(
    ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const present = (row: Awaited<ReturnType<typeof content.getImport>>, locale: 'vi' | 'en') => ({
    ...row,
    report: (row.report as Array<{ row: number; errors: Array<{ field: string; code: string; message: { vi: string; en: string } }> }>).map((x) => ({
      row: x.row,
      errors: x.errors.map((e) => ({ field: e.field, code: e.code, message: e.message[locale] })),
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });

  api.post('/imports', {
    config: { scope: 'write:own' },
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      tags: ['import'],
      summary: 'Import items from a CSV, XLSX or JSON file sent as the body (see docs/import.md); answers at once, rows are processed in the background',
      querystring: Type.Object(
        {
          mode: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submit')])),
          agencyId: Type.Optional(Type.String({ format: 'uuid' })),
          declaration: Type.Optional(Type.Boolean({ description: 'submit mode: the author declares no row holds state secrets' })),
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
        },
        { additionalProperties: false },
      ),
      consumes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'],
      body: Type.Unknown({
        description:
          'The file itself as the raw body (not multipart), with its Content-Type: `text/csv` (UTF-8, comma-separated, header row; a BOM is allowed), `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (XLSX, first sheet, header row) or `application/json` (an array of objects with the same keys). Columns: kind, language, agency, title, summary, body, activity_date, authors, topics, tags, place, source_type, source_name, source_url, copyright_holder, licence, visibility, document_*, claim_* and title_<lang>/summary_<lang>/body_<lang> for translations (docs/import.md; GET /imports/template.csv has them all and an example row). At most 64 MiB and 100,000 rows. Example JSON body: `[{"kind":"news","language":"vi","agency":"so-du-lich","title":"Huế đón du khách quốc tế dịp cuối năm","activity_date":"2026-12-01","title_en":"Hue welcomes international visitors at year end"}]`',
      }),
      response: {
        202: Type.Object({ id: Type.String(), total: Type.Integer() }, { examples: [{ id: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', total: 3 }] }),
        ...errors,
      },
    },
    handler: async (req, reply) => {
      const mime = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const format = MIME[mime] ?? (req.query.fileName?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
      const opts = {
        format,
        mode: req.query.mode ?? 'draft',
        agencyId: req.query.agencyId,
        declaration: req.query.declaration,
        fileName: req.query.fileName,
      } as const;
      const { id, rows } = await content.startImport(req.ctx, req.body, opts);
      const ctx = { ...req.ctx };
      void content.runImport(ctx, id, rows, opts).catch((e) => req.log.error({ err: e, importId: id }, 'import failed'));
      return reply.code(202).send({ id, total: rows.length });
    },
  });

  api.get('/imports', {
    schema: {
      tags: ['import'],
      summary: 'Your imports (all of them for the DIC)',
      response: { 200: Type.Object({ items: Type.Array(ImportStatus) }, { examples: [{ items: [exampleOf(ImportStatus)] }] }), ...errors },
    },
    handler: async (req) => ({ items: (await content.listImports(req.ctx)).map((row) => present(row, req.ctx.locale)) }),
  });

  api.get('/imports/:id', {
    schema: { tags: ['import'], summary: 'Progress and report of an import', params: IdParams, response: { 200: ImportStatus, ...errors } },
    handler: async (req) => present(await content.getImport(req.ctx, req.params.id), req.ctx.locale),
  });

  api.get('/imports/template.csv', {
    config: { auth: 'public' },
    schema: {
      tags: ['import'],
      summary: 'The import template: header row and one example row',
      response: {
        200: {
          description: 'CSV, UTF-8 with BOM, sent as an attachment (ttdn-import-template.csv): the header row with every column, then one complete example row',
          content: { 'text/csv': { schema: Type.String(), example: templateCsvExample } },
        },
        404: errors[404],
        401: errors[401],
      },
    },
    handler: async (_req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ttdn-import-template.csv"');
      return content.importTemplateCsv();
    },
  });
}
