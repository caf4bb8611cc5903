// HTTP: resumable uploads with the tus protocol (@tus/server), for large files (videos up to
// MEDIA_MAX_RESUMABLE_MB) over unreliable office connections. Our authentication runs first (a
// Fastify route); the request's context travels into tus's hooks through AsyncLocalStorage, so
// the same use cases decide: where the upload may go (creation), who may continue it (every
// later request), and what the finished file becomes (ingestFile, as for one-request uploads).
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { Context } from '../../core/context.js';
import { AppError, Invalid } from '../../core/errors.js';
import { actorId } from '../../core/actor.js';
import * as mediaService from './service.js';
import { presentMedia } from './present.js';

export const TUS_PATH = '/api/v1/uploads';
/** Unfinished uploads are forgotten after this long. */
const EXPIRY_MS = 24 * 3_600_000;

const contexts = new AsyncLocalStorage<Context>();
const current = () => {
  const ctx = contexts.getStore();
  if (!ctx) throw { status_code: 500, body: 'no context' };
  return ctx;
};

function problemBody(ctx: Context, e: unknown): { status_code: number; body: string } {
  if (e instanceof AppError) {
    return {
      status_code: e.status,
      body: JSON.stringify({
        type: `urn:ttdn:problem:${e.code}`,
        title: e.text[ctx.locale],
        status: e.status,
        code: e.code,
        instance: ctx.requestId,
        ...(e.fields.length ? { errors: e.fields.map((f) => ({ field: f.field, code: f.code, message: f.message[ctx.locale] })) } : {}),
      }),
    };
  }
  ctx.log.error({ err: e }, 'resumable upload failed');
  return { status_code: 500, body: JSON.stringify({ type: 'urn:ttdn:problem:internal', title: 'Internal error', status: 500, code: 'internal' }) };
}

export async function tusRoutes(app: FastifyInstance, opts: { uploadDir: string; maxBytes: number }) {
  const datastore = new FileStore({ directory: opts.uploadDir, expirationPeriodInMilliseconds: EXPIRY_MS });
  const tus = new Server({
    path: TUS_PATH,
    datastore,
    // the size limit is checked in onUploadCreate (reserveUpload), with a clear problem+json answer
    relativeLocation: true,
    respectForwardedHeaders: false,
    exposedHeaders: ['Ttdn-Media-Id'],
    onIncomingRequest: async (req, uploadId) => {
      // every request on an existing upload: only its creator may see or continue it
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const ctx = current();
      try {
        await mediaService.getUploadForActor(ctx, uploadId);
      } catch (e) {
        throw problemBody(ctx, e);
      }
    },
    onUploadCreate: async (_req, upload: Upload) => {
      const ctx = current();
      try {
        if (upload.size === undefined) throw Invalid.field('Upload-Length', 'field_required');
        const meta = upload.metadata ?? {};
        const agencyId = await mediaService.uploadTarget(ctx, meta.agencyId ?? undefined);
        await mediaService.reserveUpload(ctx, { id: upload.id, agencyId, size: upload.size, fileName: meta.filename ?? meta.name ?? 'file' });
        return { metadata: { ...meta, agencyId } };
      } catch (e) {
        throw problemBody(ctx, e);
      }
    },
    onUploadFinish: async (_req, upload: Upload) => {
      const ctx = current();
      const path = join(opts.uploadDir, upload.id);
      try {
        const meta = upload.metadata ?? {};
        const result = await mediaService.ingestFile(ctx, {
          path,
          fileName: meta.filename ?? meta.name ?? 'file',
          agencyId: meta.agencyId!,
          maxBytes: opts.maxBytes,
        });
        await mediaService.finishUpload(ctx, upload.id, result.media.id);
        return {
          status_code: 200,
          headers: { 'Ttdn-Media-Id': result.media.id, 'Content-Type': 'application/json' },
          body: JSON.stringify(presentMedia(ctx.actor, result.media, { library: true, published: true }, { duplicate: result.duplicate })),
        };
      } catch (e) {
        // refused: nothing of the file is kept
        await mediaService.abandonUpload(ctx, upload.id);
        throw problemBody(ctx, e);
      } finally {
        await datastore.remove(upload.id).catch(() => undefined);
      }
    },
  });

  // tus sends raw bytes: leave the body as a stream for tus to read
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.ctx || actorId(req.ctx.actor) === null) return; // the auth hook has already answered
    reply.hijack();
    await contexts.run(req.ctx, () => tus.handle(req.raw, reply.raw));
  };
  const route = { config: { scope: 'write:own' as const }, schema: { hide: true } };
  app.route({ method: ['POST', 'OPTIONS'], url: '/uploads', ...route, handler });
  app.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: '/uploads/:id', ...route, handler });
}
