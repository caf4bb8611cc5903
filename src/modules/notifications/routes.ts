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

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/notifications', {
    config: { auth: 'session' },
    schema: {
      tags: ['notifications'],
      summary: 'Your notifications, newest first, and the unread count',
      querystring: Type.Object({ unreadOnly: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }), 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      const { items, unread } = await listMyNotifications(req.ctx, req.query);
      return {
        unread,
        items: items.map((n) => ({ id: n.id, kind: n.kind, title: req.ctx.locale === 'en' ? n.titleEn : n.titleVi, link: n.link, data: n.data, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      };
    },
  });
  r.post('/notifications/:id/read', {
    config: { auth: 'session' },
    schema: { tags: ['notifications'], summary: 'Mark one notification read', params: IdParams, response: { 200: Type.Object({ marked: Type.Integer() }), 401: errors[401], 403: errors[403], 404: errors[404], 400: errors[400], 413: errors[413], 415: errors[415] } },
    handler: async (req) => ({ marked: await markNotificationsRead(req.ctx, [req.params.id]) }),
  });
  r.post('/notifications/read-all', {
    config: { auth: 'session' },
    schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: Type.Object({ marked: Type.Integer() }), 401: errors[401], 403: errors[403], 400: errors[400], 413: errors[413], 415: errors[415] } },
    handler: async (req) => ({ marked: await markNotificationsRead(req.ctx, 'all') }),
  });
}
