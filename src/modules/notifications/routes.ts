// HTTP: one's own notifications.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, IsoDateTime, Nullable } from '../../http/schemas.js';
import { listMyNotifications, markNotificationsRead } from './service.js';

const Notification = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String({ description: 'In the language of Accept-Language' }),
  link: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
const notificationExample = {
  id: '3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c',
  kind: 'item.returned',
  title: 'Bị trả lại: Lễ hội Festival Huế 2026 khai mạc tại Đại Nội',
  link: '/admin/items/0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f',
  data: { versionId: '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f', language: 'vi', comment: 'Bổ sung nguồn ảnh.' },
  createdAt: '2026-06-04T11:40:00.000Z',
  readAt: null,
};

export async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/notifications', {
    config: { auth: 'session' },
    schema: {
      tags: ['notifications'],
      summary: 'Your notifications, newest first, and the unread count',
      querystring: Type.Object(
        { unreadOnly: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }, { examples: [{ items: [notificationExample], unread: 1 }] }),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    },
    handler: async (req) => {
      const { items, unread } = await listMyNotifications(req.ctx, req.query);
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: req.ctx.locale === 'en' ? n.titleEn : n.titleVi,
          link: n.link,
          data: n.data,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  });
  api.post('/notifications/:id/read', {
    config: { auth: 'session' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one notification read',
      params: IdParams,
      response: {
        200: Type.Object({ marked: Type.Integer() }, { examples: [{ marked: 1 }] }),
        401: errors[401],
        403: errors[403],
        404: errors[404],
        400: errors[400],
        413: errors[413],
        415: errors[415],
      },
    },
    handler: async (req) => ({ marked: await markNotificationsRead(req.ctx, [req.params.id]) }),
  });
  api.post('/notifications/read-all', {
    config: { auth: 'session' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark all your notifications read',
      response: {
        200: Type.Object({ marked: Type.Integer() }, { examples: [{ marked: 4 }] }),
        401: errors[401],
        403: errors[403],
        400: errors[400],
        413: errors[413],
        415: errors[415],
      },
    },
    handler: async (req) => ({ marked: await markNotificationsRead(req.ctx, 'all') }),
  });
}
