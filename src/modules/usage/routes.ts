// HTTP: the API usage report (R5.2). Who sees which principals is decided in policy.ts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.js';
import { UsageQuery } from './schemas.js';
import { readUsage } from './service.js';

export async function usageRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/usage', {
    schema: {
      tags: ['usage'],
      summary: 'API usage per client, person or anonymous address and per agency, by day',
      description:
        'Counters are written every few seconds (USAGE_FLUSH_SECONDS), so the latest requests may appear a moment later. The DIC (administrators, appraisers) and the IOC (security) see every principal; an agency’s accounts see their agency’s clients and accounts; an API client sees its own usage.',
      querystring: UsageQuery,
      response: { 200: Type.Ref('UsageReport'), 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => readUsage(req.ctx, req.query),
  });
}
