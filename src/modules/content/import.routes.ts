// HTTP: bulk import. The file is the request body (CSV, XLSX or a JSON array); rows are processed
// in the background and the import's progress and report are read back by id.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams, IsoDateTime, Nullable } from '../../http/schemas.js';
import * as content from './service.js';
import type { ImportFormat } from './service.js';

const ImportStatus = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'running | done | failed | interrupted' }),
  format: Type.String(),
  mode: Type.String(),
  fileName: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  report: Type.Array(Type.Object({ row: Type.Integer(), errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })) })),
  error: Nullable(Type.String()),
  createdBy: Type.String(),
  createdByLabel: Type.String({ description: 'User name (or system actor) who started the import' }),
  createdAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
}, {
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
});

const MIME: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/json': 'json',
};

export async function importRoutes(app: FastifyInstance) {
  // Raw file bodies, in this plugin only.
  app.addContentTypeParser(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const present = (row: Awaited<ReturnType<typeof content.getImport>>, locale: 'vi' | 'en') => ({
    ...row,
    report: (row.report as Array<{ row: number; errors: Array<{ field: string; code: string; message: { vi: string; en: string } }> }>).map((x) => ({
      row: x.row,
      errors: x.errors.map((e) => ({ field: e.field, code: e.code, message: e.message[locale] })),
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });

  r.post('/imports', {
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
      body: Type.Unknown({ description: 'The file itself: CSV (UTF-8, header row), XLSX (first sheet) or a JSON array of objects; see GET /imports/template.csv' }),
      response: { 202: Type.Object({ id: Type.String(), total: Type.Integer() }, { examples: [{ id: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', total: 3 }] }), ...errors },
    },
    handler: async (req, reply) => {
      const mime = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const format = MIME[mime] ?? (req.query.fileName?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
      const opts = { format, mode: req.query.mode ?? 'draft', agencyId: req.query.agencyId, declaration: req.query.declaration, fileName: req.query.fileName } as const;
      const { id, rows } = await content.startImport(req.ctx, req.body, opts);
      const ctx = { ...req.ctx };
      void content.runImport(ctx, id, rows, opts).catch((e) => req.log.error({ err: e, importId: id }, 'import failed'));
      return reply.code(202).send({ id, total: rows.length });
    },
  });

  r.get('/imports', {
    schema: { tags: ['import'], summary: 'Your imports (all of them for the DIC)', response: { 200: Type.Object({ items: Type.Array(ImportStatus) }, { examples: [{ items: [exampleOf(ImportStatus)] }] }), ...errors } },
    handler: async (req) => ({ items: (await content.listImports(req.ctx)).map((row) => present(row, req.ctx.locale)) }),
  });

  r.get('/imports/:id', {
    schema: { tags: ['import'], summary: 'Progress and report of an import', params: IdParams, response: { 200: ImportStatus, ...errors } },
    handler: async (req) => present(await content.getImport(req.ctx, req.params.id), req.ctx.locale),
  });

  r.get('/imports/template.csv', {
    config: { auth: 'public' },
    schema: { tags: ['import'], summary: 'The import template: header row and one example row', response: { 200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: Type.String() } } }, 404: errors[404], 401: errors[401] } },
    handler: async (_req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ttdn-import-template.csv"');
      return content.importTemplateCsv();
    },
  });
}
