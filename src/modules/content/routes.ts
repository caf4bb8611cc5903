// HTTP of the content area: each part registers its own routes (the order is the OpenAPI document's).
import type { FastifyInstance } from 'fastify';
import { editorialRoutes } from './editorial/routes.js';
import { importRoutes } from './import/routes.js';
import { highlightRoutes } from './published/highlights.routes.js';
import { publishedRoutes } from './published/routes.js';
import { searchRoutes } from './search/routes.js';

export { contentSchemas } from './editorial/schemas.js';

export async function contentRoutes(app: FastifyInstance) {
  await app.register(publishedRoutes); // GET /published, /published/{itemId}/{language}, /changes
  await app.register(editorialRoutes);
  await app.register(searchRoutes);
  await app.register(highlightRoutes);
  await app.register(importRoutes);
}
