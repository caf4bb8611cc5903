// Builds the Fastify app from the modules: API under /api/v1, admin SPA under /admin, portal at /.
import { documentOperationIds } from './http/operation-ids.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox';
import { Settings } from 'typebox/system';
import { publicBaseUrl, type Config } from './config.js';
import { anonymous, systemActor } from './core/actor.js';
import { systemClock, type Clock } from './core/clock.js';
import { pickLocale, t } from './core/i18n.js';
import type { DatabaseHandle } from './db/client.js';
import { watchPublicGeneration } from './db/public-generation.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerJsonBodyParser, registerNulRefusal } from './http/json-body.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerProblemHandlers, sendProblem } from './http/problems.js';
import { documentRateLimits, registerApiRateLimit } from './http/rate-limit.js';
import { openRedis } from './http/redis.js';
import { registerUsageAccounting } from './http/usage.js';
import { createResponseCache } from './http/response-cache.js';
import { Problem } from './http/schemas.js';
import './http/types.js';
import { agencyRoutes } from './modules/accounts/agency.routes.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { credentialRoutes } from './modules/accounts/credential.routes.js';
import { oauthRoutes } from './modules/accounts/oauth.routes.js';
import { sharedSchemas } from './modules/accounts/schemas.js';
import { userRoutes } from './modules/accounts/user.routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { caseRoutes } from './modules/cases/routes.js';
import { contentRoutes, contentSchemas } from './modules/content/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { monitoringRoutes } from './modules/monitoring/routes.js';
import { mediaRoutes } from './modules/media/routes.js';
import { mediaSchemas } from './modules/media/schemas.js';
import { tusRoutes } from './modules/media/tus.routes.js';
import { feedRoutes } from './portal/feeds.routes.js';
import { portalRoutes } from './portal/routes.js';
import { UsageRecorder } from './modules/usage/recorder.js';
import { usageRoutes } from './modules/usage/routes.js';
import { usageSchemas } from './modules/usage/schemas.js';
import { webhookRoutes } from './modules/webhooks/routes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectRoot = existsSync(join(root, 'package.json')) ? root : join(root, '..');
export const adminDist = join(projectRoot, 'admin', 'dist');

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean | object;
  /** false: portal pages are rendered on every request (benchmarks of the uncached path) */
  portalCache?: boolean;
  /** false: public API reads are answered by their handler every time (benchmarks of the uncached path) */
  apiCache?: boolean;
}

registerAjvFormats();
// Report every invalid field (TypeBox keeps 8 by default); bodies are size-limited, so this is bounded.
Settings.Set({ maxErrors: 100 });

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  app.decorateRequest('ctx', null as never);
  // Hooks on every request's path are callback-style: an async hook costs a promise and a tick per request.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    req.ctx = {
      actor: anonymous,
      db: database.db,
      clock,
      log: req.log,
      locale: pickLocale(req.headers['accept-language']),
      requestId: req.id,
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      config,
    };
    done();
  });

  registerSecurityHeaders(app, config); // first: refusals carry the headers too
  await app.register(cookie); // parses cookies in its own onRequest hook, needed by the next one
  const redis = await openRedis(config, app.log);
  if (redis) app.addHook('onClose', async () => redis.close());
  registerAuthentication(app, config, { rateLimit: await registerApiRateLimit(app, config, redis) });
  registerProblemHandlers(app);
  const usage = new UsageRecorder(
    () => ({ actor: systemActor('system:usage'), db: database.db, clock, log: app.log, locale: 'vi', requestId: 'usage-flush', ip: null, config }),
    { flushMs: config.usage.flushMs },
  );
  app.decorate('usageRecorder', usage);
  registerUsageAccounting(app, usage);
  registerJsonBodyParser(app);
  registerNulRefusal(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TTDN — Cơ sở dữ liệu thông tin đối ngoại (Huế) API',
        version: '1.0.0',
        // No open licence: shared data is used under the terms of use (docs/terms-of-use.md), accepted with each credential.
        license: { name: 'Proprietary — UBND tỉnh Thừa Thiên Huế', url: `${publicBaseUrl(config)}/api/v1/terms` },
        description:
          'Open API of the foreign-information database of Huế (Decision 69/2021/QĐ-UBND). Authenticate with a personal token or OAuth 2.0 client credentials (POST /api/v1/oauth/token); errors are application/problem+json in Vietnamese or English (Accept-Language); published versions carry a SHA-256 content hash over a canonical JSON form (keys sorted) of itemId, language, kind, agencyId, title, summary, body and metadata.',
      },
      servers: [{ url: publicBaseUrl(config) }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ttdn_session', description: 'Browser session (admin app); writes need the X-CSRF-Token header' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (ttdn_pat_…) or OAuth access token (ttdn_at_…)' },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: { 'read:public': 'Read public data', 'read:shared': 'Exploit shared data (Art. 10)', 'write:own': "Create and update your agency's data", admin: 'Administration' } } } },
        },
      },
      security: [{ session: [] }, { bearer: [] }, { oauth: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
    transform: documentRateLimits as never,
    transformObject: documentOperationIds as never,
  });
  app.addSchema(Problem);
  for (const s of [...sharedSchemas, ...contentSchemas, ...mediaSchemas, ...usageSchemas]) app.addSchema(s);

  const generation = await watchPublicGeneration(database, (e) => app.log.warn({ err: e }, 'public generation listener'));
  app.addHook('onClose', async () => generation.close());
  // After a write in this process, learn the new generation before the response leaves, so the writer's
  // next public page, feed or API read is fresh (a root hook: one inside the portal's plugin only sees its own routes).
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done(null, payload);
    generation.refresh().then(
      () => done(null, payload),
      () => done(null, payload),
    );
  });
  const cacheLimits = { ...config.apiCache, maxEntryBytes: Math.min(4 * 1024 * 1024, config.apiCache.maxBytes) };
  app.decorate('apiCache', createResponseCache(opts.apiCache === false || config.apiCache.maxBytes === 0 ? null : generation, cacheLimits));

  await app.register(
    async (api) => {
      await api.register(authRoutes, { config });
      await api.register(agencyRoutes);
      await api.register(userRoutes, { config });
      await api.register(credentialRoutes, { config });
      await api.register(oauthRoutes);
      await api.register(auditRoutes);
      await api.register(contentRoutes);
      await api.register(notificationRoutes);
      await api.register(usageRoutes);
      await api.register(mediaRoutes);
      await api.register(webhookRoutes);
      await api.register(caseRoutes);
      await api.register(tusRoutes, { uploadDir: join(config.dataDir, 'uploads'), maxBytes: config.media.maxResumableBytes });
      api.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  const tls = config.publicUrl?.startsWith('https:') ?? false;
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets style attributes from its script (blocked by its own policy: a console error on
    // every page), and `upgrade-insecure-requests` would break the page served over plain HTTP.
    transformStaticCSP: (header) => {
      const policy = header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline' https:");
      return tls ? policy : policy.replace(/\s*upgrade-insecure-requests;?/, '');
    },
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  await app.register(monitoringRoutes, { handle: database });
  await app.register(portalRoutes, { config, generation: opts.portalCache === false ? null : generation });
  await app.register(feedRoutes, { config, generation });

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
      setHeaders: (reply, path) =>
        reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    });
    app.get('/admin', { schema: { hide: true } }, sendIndex);
  }
  app.setNotFoundHandler((req, reply) => {
    // SPA routes: any GET under /admin/ that is not a built file.
    // SPA routes: a GET under /admin/ that is not a file (no extension) gets the app.
    const path = req.url.split('?')[0];
    if (hasAdmin && req.method === 'GET' && path.startsWith('/admin/') && !/\.[a-z0-9]+$/i.test(path)) return sendIndex(req, reply);
    return sendProblem(req, reply, 404, 'not_found', t('not_found'));
  });
  return app;
}
