// Every request starts with a context (ARCHITECTURE.md convention 2): an anonymous actor until the
// authentication hook names one, the database, the clock, the reader's locale and the request id,
// which is also sent back in `x-request-id` so a user's report can be found in the logs.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { anonymous } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { pickLocale } from '../../core/i18n.js';
import type { DatabaseHandle } from '../../db/client.js';

/** Fastify's `genReqId`: the caller's `x-request-id` when it looks like one (a proxy's), else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}

async function requestContext(app: FastifyInstance, { config, database, clock }: { config: Config; database: DatabaseHandle; clock: Clock }) {
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
}

/** Not encapsulated: every route of the app reads `req.ctx`. */
export default fp(requestContext, { name: 'request-context' });
