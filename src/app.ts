// Builds the Fastify app from the modules: API under /api/v1, admin SPA under /admin, portal at /.
// Cross-cutting parts are plugins of src/http/ (request context, security headers, authentication,
// OpenAPI, public generation, admin SPA); this file only puts them and the areas' routes in order.
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox';
import { Settings } from 'typebox/system';
import type { Config } from './config.js';
import { systemActor } from './core/actor.js';
import { systemClock, type Clock } from './core/clock.js';
import type { DatabaseHandle } from './db/client.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerJsonBodyParser, registerNulRefusal } from './http/json-body.js';
import adminSpa from './http/plugins/admin-spa.js';
import openApi from './http/plugins/openapi.js';
import publicGeneration from './http/plugins/public-generation.js';
import requestContext, { requestIdOf } from './http/plugins/request-context.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerProblemHandlers } from './http/problems.js';
import { registerApiRateLimit } from './http/rate-limit.js';
import { openRedis } from './http/redis.js';
import { registerUsageAccounting } from './http/usage.js';
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
import type { CacheSizes } from './core/cache-sizes.js';
import { AccessLogController, registerAccessLog } from './http/access-log.js';

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
    genReqId: requestIdOf,
    // one line per request that matters, from registerAccessLog (http/access-log.ts)
    logController: new AccessLogController(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  // Hooks run in the order they are added: each one relies on those before it.
  await app.register(requestContext, { config, database, clock });
  registerSecurityHeaders(app, config); // first after the context: refusals carry the headers too
  registerAccessLog(app);
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
  await app.register(publicGeneration, { config, database, apiCache: opts.apiCache });
  // before any route, so the document sees them all
  await app.register(openApi, { config, components: [...sharedSchemas, ...contentSchemas, ...mediaSchemas, ...usageSchemas] });

  await app.register(apiRoutes, { prefix: '/api/v1', config });
  // what each answer cache holds, reported on /metrics
  const cacheSizes: CacheSizes = new Map([['api_reads', () => app.apiCache.size()]]);
  await app.register(monitoringRoutes, { handle: database, cacheSizes });
  await app.register(portalRoutes, { config, generation: opts.portalCache === false ? null : app.publicGeneration, cacheSizes });
  await app.register(feedRoutes, { config, generation: app.publicGeneration, cacheSizes });
  await app.register(adminSpa); // last: its not-found handler answers what no route above did
  return app;
}

/** The areas' API routes, under /api/v1. */
async function apiRoutes(api: FastifyInstance, { config }: { config: Config }) {
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
}
