// HTTP: the media library — one-request uploads (multipart), the library, descriptions, deletion,
// storage usage, and delivery of originals and variants (Range, ETag, caching, Content-Disposition).
// Resumable uploads (tus) are in tus.routes.ts.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Invalid } from '../../core/errors.js';
import { errors, exampleOf, IdParams, Nullable, Ok } from '../../http/schemas.js';
import { parseRange, sendBytes } from '../../http/ranges.js';
import * as mediaService from './service.js';
import { presentMedia } from './present.js';
import { ListMediaQuery, MediaSchema, StorageUsage, UpdateMediaBody } from './schemas.js';

const errorResponses = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };

const contentDisposition = (type: 'inline' | 'attachment', name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export async function mediaRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, { throwFileSizeLimit: false });

  api.post('/media', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['media'],
      summary: 'Upload one file (multipart/form-data, field "file"); large files: the resumable /uploads (tus)',
      description:
        'The type is read from the bytes, never from the name: images (JPEG, PNG, WebP, AVIF, GIF, TIFF), videos (MP4/H.264, WebM), documents (PDF, DOCX, XLSX, PPTX, ODT). The same file already in the agency returns the existing record (200, duplicate: true).',
      querystring: Type.Object(
        { agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'Defaults to your agency' })) },
        { additionalProperties: false },
      ),
      consumes: ['multipart/form-data'],
      body: Type.Unknown({
        description:
          'multipart/form-data with exactly one file part named `file` (its filename is kept as the display name; any other file part is refused with 400 `field_unknown`, a second `file` with `media_one_file`). Accepted types, detected from the bytes: JPEG, PNG, WebP, AVIF, GIF, TIFF images; MP4 (H.264) and WebM videos; PDF, DOCX, XLSX, PPTX and ODT documents (anything else: 400 `media_type_not_allowed`; a filename extension that contradicts the bytes: 400 `media_extension_mismatch`). Size limit MEDIA_MAX_UPLOAD_MB (default 100 MB; larger: 400 `media_too_large`, or use the resumable /uploads). Example: `curl -F "file=@le-hoi-festival-hue.jpg" -H "Authorization: Bearer $TOKEN" https://ttdn.hue.gov.vn/api/v1/media`',
      }),
      response: { 200: { $ref: 'Media' }, 201: { $ref: 'Media' }, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const agencyId = await mediaService.uploadTarget(ctx, req.query.agencyId);
      if (!req.isMultipart()) throw Invalid.field('file', 'media_multipart_required');
      const limit = ctx.config.media.maxUploadBytes;
      const dir = mediaService.tempDir(ctx);
      await mkdir(dir, { recursive: true });
      const path = join(dir, `upload-${randomUUID()}`);
      let fileName: string | null = null;
      let tooLarge = false;
      let result: Awaited<ReturnType<typeof mediaService.ingestFile>>;
      try {
        try {
          for await (const part of req.parts({ limits: { fileSize: limit, files: 2, fields: 5, fieldSize: 1000, parts: 8, headerPairs: 50 } })) {
            if (part.type !== 'file') continue;
            if (part.fieldname !== 'file') throw Invalid.field(part.fieldname.slice(0, 50), 'field_unknown');
            if (fileName !== null) throw Invalid.field('file', 'media_one_file');
            fileName = part.filename || 'file';
            await pipeline(part.file, createWriteStream(path));
            tooLarge = part.file.truncated;
          }
        } catch (e) {
          if (e instanceof Invalid) throw e;
          const code = (e as { code?: string }).code ?? '';
          if (code === 'FST_FILES_LIMIT') throw Invalid.field('file', 'media_one_file');
          throw Invalid.field('file', 'media_multipart_required');
        }
        if (fileName === null) throw Invalid.field('file', 'media_multipart_required');
        if (tooLarge) throw Invalid.field('file', 'media_too_large', { max: `${Math.round(limit / 1024 / 1024)} MB` });
        result = await mediaService.ingestFile(ctx, { path, fileName, agencyId, maxBytes: limit });
      } finally {
        // before answering: the temporary copy is gone by the time the client hears back
        await rm(path, { force: true });
      }
      return reply
        .code(result.duplicate ? 200 : 201)
        .send(presentMedia(ctx.actor, result.media, { library: true, published: true }, { duplicate: result.duplicate }));
    },
  });

  api.get('/media', {
    schema: {
      tags: ['media'],
      summary: 'The media library: your agency’s files (all agencies for the DIC/IOC), newest first',
      querystring: ListMediaQuery,
      response: {
        200: Type.Object(
          { items: Type.Array(Type.Ref('Media')), nextCursor: Nullable(Type.String()) },
          { examples: [{ items: [exampleOf(MediaSchema)], nextCursor: null }] },
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const page = await mediaService.listMedia(req.ctx, req.query);
      return { items: page.items.map((m) => presentMedia(req.ctx.actor, m, { library: true, published: true })), nextCursor: page.nextCursor };
    },
  });

  api.get('/media/:id', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['media'],
      summary: 'One file: its description, hash, variants and (where allowed) the original’s address',
      params: IdParams,
      response: { 200: { $ref: 'Media' }, ...errorResponses },
    },
    handler: async (req) => {
      const { media, access } = await mediaService.getMedia(req.ctx, req.params.id);
      return presentMedia(req.ctx.actor, media, access);
    },
  });

  api.get('/media/:id/usage', {
    schema: {
      tags: ['media'],
      summary: 'Items whose working or published version uses the file',
      params: IdParams,
      response: {
        200: Type.Object(
          {
            items: Type.Array(
              Type.Object({
                itemId: Type.String(),
                versionId: Type.String(),
                language: Type.String(),
                state: Type.String(),
                title: Type.String(),
                online: Type.Boolean(),
              }),
            ),
          },
          {
            examples: [
              {
                items: [
                  {
                    itemId: '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
                    versionId: '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f',
                    language: 'vi',
                    state: 'published',
                    title: 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
                    online: true,
                  },
                ],
              },
            ],
          },
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: await mediaService.mediaUsage(req.ctx, req.params.id) }),
  });

  api.patch('/media/:id', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['media'],
      summary: 'Describe a file: titles, captions and alt texts per language, authors, licence, visibility, focal point',
      params: IdParams,
      body: UpdateMediaBody,
      response: { 200: { $ref: 'Media' }, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      const m = await mediaService.updateMedia(req.ctx, req.params.id, version, patch);
      return presentMedia(req.ctx.actor, m, { library: true, published: true });
    },
  });

  api.delete('/media/:id', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['media'],
      summary: 'Delete a file from the library (refused while a published item shows it)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await mediaService.deleteMedia(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });

  api.get('/media/:id/downloads', {
    schema: {
      tags: ['media'],
      summary: 'Downloads of the original per day and account/client (R5.2)',
      params: IdParams,
      response: {
        200: Type.Object(
          {
            items: Type.Array(
              Type.Object({
                day: Type.String(),
                principal: Type.String(),
                principalAgencyId: Nullable(Type.String()),
                count: Type.Integer(),
                bytes: Type.Integer(),
              }),
            ),
          },
          {
            examples: [
              {
                items: [
                  {
                    day: '2026-06-05',
                    principal: 'client:2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
                    principalAgencyId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
                    count: 3,
                    bytes: 12548208,
                  },
                ],
              },
            ],
          },
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => ({ items: (await mediaService.downloadStats(req.ctx, req.params.id)).map(({ mediaId: _m, ...d }) => d) }),
  });

  const deliver = async (
    req: FastifyRequest,
    reply: FastifyReply,
    open: (bodyless: boolean, range?: { start: number; end: number }) => Promise<Delivery>,
    etag: string,
    size: number,
  ) => {
    const notModified = req.headers['if-none-match'] === etag;
    const range = notModified || req.method === 'HEAD' ? null : parseRange(req.headers.range, size, req.headers['if-range'], etag);
    if (range === 'unsatisfiable') {
      await open(true);
      return reply.code(416).header('content-range', `bytes */${size}`).send();
    }
    const d = await open(notModified || req.method === 'HEAD', range ?? undefined);
    reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', d.cacheControl).header('x-content-type-options', 'nosniff');
    if (d.disposition) reply.header('content-disposition', d.disposition);
    if (notModified) return reply.code(304).send();
    return sendBytes(reply, { stream: d.stream, size, range: range ?? null, contentType: d.contentType, head: req.method === 'HEAD' });
  };

  interface Delivery {
    stream: NodeJS.ReadableStream | null;
    contentType: string;
    cacheControl: string;
    disposition?: string;
  }

  api.route({
    method: ['GET', 'HEAD'],
    url: '/media/:id/original',
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['media'],
      summary: 'The original file (Range supported). Images: only for those who may exploit them (R6.3); every download is counted (R5.2)',
      params: IdParams,
      querystring: Type.Object(
        { download: Type.Optional(Type.Boolean({ description: 'Content-Disposition: attachment (default inline for videos and PDFs)' })) },
        { additionalProperties: false },
      ),
      response: {
        200: {
          description: 'The bytes, in the file’s own type (image/jpeg, video/mp4, application/pdf, …)',
          content: { '*/*': { schema: Type.String({ format: 'binary' }) } },
        },
        206: { description: 'A byte range', content: { '*/*': { schema: Type.String({ format: 'binary' }) } } },
        304: Type.Null(),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        416: Type.Null(),
      },
    },
    handler: async (req, reply) => {
      const found = await mediaService.getMedia(req.ctx, req.params.id);
      const { media, access } = found;
      const inline = !req.query.download && (media.kind === 'video' || media.mime === 'application/pdf');
      return deliver(
        req,
        reply,
        async (bodyless, range) => {
          const o = await mediaService.openOriginal(req.ctx, found, { bodyless, range });
          return {
            stream: o.stream,
            contentType: media.mime,
            // originals may be withdrawn or restricted later: caches revalidate
            cacheControl: mediaService.isPubliclyCacheable(access, media) ? 'public, max-age=3600, must-revalidate' : 'private, no-cache',
            disposition: contentDisposition(inline ? 'inline' : 'attachment', media.originalName),
          };
        },
        `"${media.sha256}"`,
        media.size,
      );
    },
  });

  api.route({
    method: ['GET', 'HEAD'],
    url: '/media/:id/variants/:revision/:name',
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['media'],
      summary: 'A web variant of an image (immutable: the address changes when the variant does)',
      params: Type.Object(
        { id: Type.String({ format: 'uuid' }), revision: Type.Integer({ minimum: 1 }), name: Type.String({ pattern: '^[a-z0-9]{1,20}\\.(webp|avif)$' }) },
        { additionalProperties: false },
      ),
      response: {
        200: {
          description: 'The image',
          content: { 'image/webp': { schema: Type.String({ format: 'binary' }) }, 'image/avif': { schema: Type.String({ format: 'binary' }) } },
        },
        206: {
          description: 'A byte range of the image',
          content: { 'image/webp': { schema: Type.String({ format: 'binary' }) }, 'image/avif': { schema: Type.String({ format: 'binary' }) } },
        },
        304: Type.Null(),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        416: Type.Null(),
      },
    },
    handler: async (req, reply) => {
      const found = await mediaService.getMedia(req.ctx, req.params.id);
      const { media, access } = found;
      const variant = media.variants.find((v) => v.name === req.params.name);
      if (!variant || media.variantsStatus !== 'ready' || media.variantsRevision !== req.params.revision) return reply.callNotFound();
      return deliver(
        req,
        reply,
        async (bodyless, range) => {
          const o = await mediaService.openVariant(req.ctx, found, req.params.revision, req.params.name, { bodyless, range });
          return {
            stream: o.stream,
            contentType: `image/${variant.format}`,
            cacheControl: mediaService.isPubliclyCacheable(access, media) ? 'public, max-age=31536000, immutable' : 'private, max-age=31536000, immutable',
          };
        },
        `"${media.sha256.slice(0, 16)}-${media.variantsRevision}-${variant.name}"`,
        variant.size,
      );
    },
  });

  api.get('/media-usage/:id', {
    schema: { tags: ['media'], summary: 'Storage used by an agency, and its quota', params: IdParams, response: { 200: StorageUsage, ...errorResponses } },
    handler: async (req) => mediaService.storageUsage(req.ctx, req.params.id),
  });

  api.put('/media-usage/:id/quota', {
    config: { scope: 'admin' },
    schema: {
      tags: ['media'],
      summary: 'Set an agency’s storage quota (administrators); null restores the default',
      params: IdParams,
      body: Type.Object(
        { quotaBytes: Nullable(Type.Integer({ minimum: 0, maximum: 1024 ** 5 })) },
        { additionalProperties: false, examples: [{ quotaBytes: 53687091200 }] },
      ),
      response: { 200: StorageUsage, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => mediaService.setStorageQuota(req.ctx, req.params.id, req.body.quotaBytes),
  });
}
