// The one way a portal address is answered, pages and feeds alike: from the cache of the current
// public generation (or 304 when the reader holds its ETag), rendering on a miss; bodies compressed
// once (brotli, gzip); a thrown error answers the address's failure body, never cached.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { etagOf, type GenerationSource, type PageCache } from './cache.js';
import { originOf } from './reader.js';

export interface Rendered {
  status: number;
  body: string;
  /** text/html unless given */
  type?: string;
}

export interface Answer {
  /**
   * What the body depends on besides the origin and the generation. Without a key the body is
   * rendered on every request and not cached (search: its query space is unbounded).
   */
  key?: string;
  render(): Promise<Rendered>;
  /** the body of a 500 when `render` throws */
  failure(): Promise<Rendered>;
  /** headers that depend on the status (the item's saved copy) */
  headers?(status: number): Record<string, string>;
}

const HTML = 'text/html; charset=utf-8';

export type Serve = (req: FastifyRequest, reply: FastifyReply, answer: Answer) => Promise<FastifyReply>;

export function createServe(opts: {
  config: Config;
  generation: GenerationSource | null;
  cache: PageCache;
  /** the cache key: bodies carry absolute links, so a body rendered for one host is never served to another (no cache poisoning through Host) */
  keyOf(origin: string, key: string): string;
  /** the log message of a failed render */
  failureLog: string;
}): Serve {
  const { config, generation, cache } = opts;

  /** The answer's body; null once a thrown error has been answered with the failure body. */
  async function renderOrFail(req: FastifyRequest, reply: FastifyReply, answer: Answer): Promise<Rendered | null> {
    try {
      return await answer.render();
    } catch (err) {
      req.log.error({ err }, opts.failureLog);
      const failed = await answer.failure();
      reply
        .code(500)
        .type(failed.type ?? HTML)
        .header('cache-control', 'no-store')
        .send(failed.body);
      return null;
    }
  }

  return async function serve(req, reply, answer) {
    if (answer.key === undefined) {
      const rendered = await renderOrFail(req, reply, answer);
      return rendered
        ? reply
            .code(rendered.status)
            .type(rendered.type ?? HTML)
            .header('cache-control', 'no-cache')
            .send(rendered.body)
        : reply;
    }
    const key = opts.keyOf(originOf(config, req), answer.key);
    const gen = generation?.current() ?? 0;
    reply.header('vary', 'Accept-Encoding').header('cache-control', 'public, max-age=0, must-revalidate');
    const ifNoneMatch = req.headers['if-none-match'];
    if (generation && ifNoneMatch && ifNoneMatch === etagOf(gen, key)) return reply.code(304).header('etag', ifNoneMatch).send();
    let page = generation ? cache.get(gen, key) : undefined;
    if (!page) {
      const rendered = await renderOrFail(req, reply, answer);
      if (!rendered) return reply;
      page = cache.put(gen, key, rendered.status, rendered.body, rendered.type);
    }
    reply.code(page.status).type(page.type).header('etag', page.etag).header('last-modified', page.lastModifiedHttp);
    for (const [k, v] of Object.entries(answer.headers?.(page.status) ?? {})) reply.header(k, v);
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(page.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(page.gzip);
    return reply.send(page.html);
  };
}
