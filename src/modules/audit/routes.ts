// HTTP: reading the audit log and verifying its chain (admins and IOC security).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Forbidden } from '../../core/errors.js';
import { errors, exampleOf, IsoDateTime, Nullable } from '../../http/schemas.js';
import { canReadAudit, listAuditEvents, verifyAuditChain, type AuditRow } from './service.js';

const AuditEvent = Type.Object(
  {
    seq: Type.Integer(),
    occurredAt: IsoDateTime,
    actorType: Type.String(),
    actorId: Nullable(Type.String()),
    actorLabel: Type.String(),
    agencyId: Nullable(Type.String()),
    action: Type.String(),
    outcome: Type.String(),
    targetType: Nullable(Type.String()),
    targetId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    hash: Type.String(),
  },
  {
    $id: 'AuditEvent',
    examples: [
      {
        seq: 10482,
        occurredAt: '2026-03-02T02:15:04.000Z',
        actorType: 'user',
        actorId: '3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d',
        actorLabel: 'nguyenvanan',
        agencyId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
        action: 'item.approve',
        outcome: 'success',
        targetType: 'item_version',
        targetId: '0b9c6d1e-4f2a-4c3b-9d8e-7a6b5c4d3e2f',
        ip: '203.113.130.10',
        requestId: '5d0c8a8e-3f4b-4f7e-9a51-2c6e1b7d9f30',
        data: { from: 'submitted', to: 'published', language: 'vi' },
        hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    ],
  },
);

const Query = Type.Object(
  {
    actorId: Type.Optional(Type.String({ maxLength: 100 })),
    agencyId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 100, description: 'Action or its prefix, e.g. "auth." or "user.create"' })),
    targetType: Type.Optional(Type.String({ maxLength: 50 })),
    targetId: Type.Optional(Type.String({ maxLength: 100 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Cursor: events with a smaller seq' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

const present = (e: AuditRow) => ({ ...e, occurredAt: e.occurredAt.toISOString() });

export async function auditRoutes(app: FastifyInstance) {
  app.addSchema(AuditEvent);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/audit-events', {
    config: { auth: 'user', scope: 'admin' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first (admins and IOC security)',
      querystring: Query,
      response: {
        200: Type.Object(
          { items: Type.Array(Type.Ref('AuditEvent')), nextBefore: Nullable(Type.Integer()) },
          { examples: [{ items: [exampleOf(AuditEvent)], nextBefore: 10482 }] },
        ),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    },
    handler: async (req) => {
      const { limit = 50, before, from, to, ...f } = req.query;
      const rows = await listAuditEvents(
        req.ctx,
        { ...f, beforeSeq: before, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        limit,
      );
      return { items: rows.map(present), nextBefore: rows.length === limit ? rows[rows.length - 1].seq : null };
    },
  });
  api.get('/audit-events/verify', {
    config: { auth: 'user', scope: 'admin' },
    schema: {
      tags: ['audit'],
      summary: 'Walk the hash chain and report the first broken link',
      response: {
        200: Type.Object(
          {
            ok: Type.Boolean(),
            checked: Type.Integer(),
            head: Type.Optional(Type.String()),
            brokenAt: Type.Optional(Type.Integer()),
            reason: Type.Optional(Type.String()),
          },
          { examples: [{ ok: true, checked: 10482, head: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }] },
        ),
        401: errors[401],
        403: errors[403],
      },
    },
    handler: async (req) => {
      if (!canReadAudit(req.ctx.actor)) throw new Forbidden();
      return verifyAuditChain(req.ctx.db);
    },
  });
}
