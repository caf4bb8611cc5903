// HTTP: full-text search of published content (cached per public generation) and of the working copies.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errors } from '../../../http/schemas.js';
import { cachedRead } from '../../../http/response-cache.js';
import { scopeKey } from '../published/routes.js';
import { SearchQuery, SearchResult } from './schemas.js';
import { searchContent } from './service.js';

const commonErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };

export async function searchRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const publishedSearch = cachedRead(app.apiCache, (req) =>
    (req.query as { view?: string }).view === 'working' ? null : `search ${scopeKey(req)} ${req.url}`,
  );
  api.get('/search', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['search'],
      summary: 'Full-text search (with or without Vietnamese diacritics), facets and suggestions',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...commonErrors },
    },
    // searches of published content depend on what the reader may see and the query only: cached per public generation
    ...publishedSearch,
    handler: async (req) => searchContent(req.ctx, req.query),
  });
}
