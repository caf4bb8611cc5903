// The OpenAPI 3.1 document (@fastify/swagger: every route's TypeBox schemas, so the docs cannot
// drift), served at /api/v1/openapi.json, and its Swagger UI page at /api/docs.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { publicBaseUrl, type Config } from '../../config.js';
import { documentOperationIds } from '../operation-ids.js';
import { documentRateLimits } from '../rate-limit.js';
import { Problem } from '../schemas.js';

interface OpenApiOptions {
  config: Config;
  /** Shared response schemas (with `$id`), named under `components` and referenced by routes as `{ $ref: 'Name' }`. */
  components: readonly object[];
}

async function openApi(app: FastifyInstance, { config, components }: OpenApiOptions) {
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
          oauth: {
            type: 'oauth2',
            flows: {
              clientCredentials: {
                tokenUrl: '/api/v1/oauth/token',
                scopes: {
                  'read:public': 'Read public data',
                  'read:shared': 'Exploit shared data (Art. 10)',
                  'write:own': "Create and update your agency's data",
                  admin: 'Administration',
                },
              },
            },
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }, { oauth: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
    transform: documentRateLimits as never,
    transformObject: documentOperationIds as never,
  });
  app.addSchema(Problem);
  for (const schema of components) app.addSchema(schema);
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());

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
}

/** Not encapsulated: swagger must see the routes of every plugin, and the components are the app's shared schemas. */
export default fp(openApi, { name: 'openapi' });
