// HTTP: the highlights the DIC puts forward on the portal's home page.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IsoDateTime } from '../../../http/schemas.js';
import * as content from '../service.js';

const commonErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };

export async function highlightRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const HighlightCard = Type.Object({
    itemId: Type.String(),
    versionId: Type.String(),
    language: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    publishedAt: IsoDateTime,
  });
  api.get('/highlights', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags: ['portal'],
      summary: 'Items the DIC puts forward on the portal’s home page, in order; `items` are their published versions in `language` that you may read',
      querystring: Type.Object({ language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$' })) }, { additionalProperties: false }),
      response: {
        200: Type.Object(
          { itemIds: Type.Array(Type.String()), items: Type.Array(HighlightCard) },
          {
            examples: [
              {
                itemIds: ['5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b'],
                items: [
                  {
                    itemId: '5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
                    versionId: '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f',
                    language: 'vi',
                    kind: 'news',
                    title: 'Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
                    summary: 'Festival Huế 2026 mở đầu với chương trình nghệ thuật trên sông Hương.',
                    publishedAt: '2026-06-04T12:00:00.000Z',
                  },
                ],
              },
            ],
          },
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    },
    handler: async (req) => {
      const language = req.query.language ?? req.ctx.config.contentLanguages[0];
      const { itemIds, cards } = await content.highlightsIn(req.ctx, language);
      return {
        itemIds,
        items: cards.map((c) => ({
          itemId: c.itemId,
          versionId: c.id,
          language: c.language,
          kind: c.kind,
          title: c.title,
          summary: c.summary,
          publishedAt: c.publishedAt,
        })),
      };
    },
  });
  api.put('/highlights', {
    config: { scope: 'write:own' },
    schema: {
      tags: ['portal'],
      summary: 'Choose the highlights (appraisers): item ids in order, each with a public published version; at most 12',
      body: Type.Object(
        { itemIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 }) },
        { additionalProperties: false, examples: [{ itemIds: ['5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b'] }] },
      ),
      response: {
        200: Type.Object({ itemIds: Type.Array(Type.String()) }, { examples: [{ itemIds: ['5e1f2a3b-6c7d-4e8f-9a0b-1c2d3e4f5a6b'] }] }),
        ...commonErrors,
        413: errors[413],
        415: errors[415],
      },
    },
    handler: async (req) => ({ itemIds: await content.setHighlights(req.ctx, req.body.itemIds) }),
  });
}
