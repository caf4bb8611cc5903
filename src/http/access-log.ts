// One log line per request that matters. Fastify's default writes two lines at info for every
// request ("incoming request", "request completed"), which on a cached page or API read costs more
// than the answer itself. So: writes, refusals and errors, and anything slow, one line at info; a
// successful read (mostly cache hits of the portal and the public API) at debug. The reverse proxy
// keeps the full access log.
import { LogController, type FastifyInstance } from 'fastify';

/**
 * Fastify's request logging without its two lines per request ("incoming request", "request
 * completed"): the logs of a request's errors (a stream, a serializer, a failed write of headers)
 * stay. Given to Fastify as `logController`; registerAccessLog writes the one line that matters.
 */
export class AccessLogController extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(): void {}
}

/** A read slower than this is logged at info, whatever its status. */
export const SLOW_REQUEST_MS = 1000;

export function registerAccessLog(app: FastifyInstance) {
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    const read = req.method === 'GET' || req.method === 'HEAD';
    const level = !read || reply.statusCode >= 400 || ms >= SLOW_REQUEST_MS ? 'info' : 'debug';
    // a disabled level is a no-op in pino
    req.log[level]({ method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(ms) }, 'request');
    done();
  });
}
