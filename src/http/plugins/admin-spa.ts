// The admin app (admin/dist, built by Vite) under /admin/, and the app's not-found answer: a GET
// of an admin route that is not a file gets the app's index.html (the SPA routes it), anything
// else a problem+json 404. Without a build (tests, the API alone) only the 404 remains.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { t } from '../../core/i18n.js';
import { sendProblem } from '../problems.js';

// src/http/plugins, or dist/src/http/plugins when compiled: the project root holds package.json.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const projectRoot = existsSync(join(root, 'package.json')) ? root : join(root, '..');
const adminDist = join(projectRoot, 'admin', 'dist');

async function adminSpa(app: FastifyInstance) {
  const hasAdmin = existsSync(join(adminDist, 'index.html'));
  const sendIndex = (_req: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', adminDist, { immutable: false, maxAge: 0 });
  if (hasAdmin) {
    // Vite fingerprints assets: cache them for a year; index.html is revalidated.
    await app.register(fastifyStatic, {
      root: adminDist,
      prefix: '/admin/',
      index: ['index.html'],
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    });
    app.get('/admin', { schema: { hide: true } }, sendIndex);
  }
  app.setNotFoundHandler((req, reply) => {
    // SPA routes: a GET under /admin/ that is not a file (no extension) gets the app.
    const path = req.url.split('?')[0];
    if (hasAdmin && req.method === 'GET' && path.startsWith('/admin/') && !/\.[a-z0-9]+$/i.test(path)) return sendIndex(req, reply);
    return sendProblem(req, reply, 404, 'not_found', t('not_found'));
  });
}

/** Not encapsulated: the not-found handler is the whole app's. */
export default fp(adminSpa, { name: 'admin-spa' });
