// Who the portal reads as, where it answers from, and in which languages. Pages and feeds read
// through the services as an anonymous reader, whoever is signed in, so they never show more than
// the public API would; they carry absolute links built from the origin.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { anonymous } from '../core/actor.js';
import type { Context } from '../core/context.js';
import * as content from '../modules/content/service.js';
import type { GenerationMemo } from './cache.js';

/** An anonymous reader of the portal at an origin. */
export interface Reader {
  ctx: Context;
  origin: string;
}

/** PUBLIC_URL, else the request's scheme and Host. */
export function originOf(config: Config, req: FastifyRequest): string {
  return config.publicUrl ?? `${req.protocol}://${req.headers.host ?? `${config.host}:${config.port}`}`;
}

export function readerOf(config: Config, req: FastifyRequest): Reader {
  return { ctx: { ...req.ctx, actor: anonymous }, origin: originOf(config, req) };
}

/** Which languages have a URL space: vi and en always, other configured languages once something is published in them. */
export function languageSpaces(config: Config, perGeneration: GenerationMemo) {
  const published = (ctx: Context) => perGeneration('languages', () => content.publishedLanguageList(ctx));
  return {
    async isOpen(ctx: Context, language: string): Promise<boolean> {
      if (!config.contentLanguages.includes(language)) return false;
      if (language === 'vi' || language === 'en') return true;
      return (await published(ctx)).includes(language);
    },
    async list(ctx: Context): Promise<string[]> {
      return [...new Set(['vi', 'en', ...(await published(ctx))])].filter((l) => config.contentLanguages.includes(l));
    },
  };
}
