// HTTP: agencies.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams } from '../../http/schemas.js';
import * as accounts from './service.js';
import { presentAgency } from './present.js';
import { Agency, AgencyListQuery, CreateAgencyBody, UpdateAgencyBody } from './schemas.js';

const tags = ['agencies'];
const AgencyList = Type.Object({ items: Type.Array(Type.Ref('Agency')), total: Type.Integer() }, { examples: [{ items: [exampleOf(Agency)], total: 1 }] });

export async function agencyRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/agencies', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags,
      summary: 'List agencies (public information; staff fields for signed-in users)',
      querystring: AgencyListQuery,
      response: { 200: AgencyList, 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      const rows = await accounts.listAgencies(req.ctx, req.query);
      return { items: rows.map((a) => presentAgency(a, req.ctx.actor)), total: rows.length };
    },
  });

  api.get('/agencies/:id', {
    config: { auth: 'public', scope: 'read:public' },
    schema: {
      tags,
      summary: 'One agency',
      params: IdParams,
      response: { 200: { $ref: 'Agency' }, 404: errors[404], 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => presentAgency(await accounts.getAgency(req.ctx, req.params.id), req.ctx.actor),
  });

  api.post('/agencies', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Create an agency (admin)',
      body: CreateAgencyBody,
      response: { 201: { $ref: 'Agency' }, 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409], 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const row = await accounts.createAgency(req.ctx, req.body);
      return reply.code(201).send(presentAgency(row, req.ctx.actor));
    },
  });

  api.patch('/agencies/:id', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Update an agency (admin); send the version you edited',
      params: IdParams,
      body: UpdateAgencyBody,
      response: {
        200: { $ref: 'Agency' },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        413: errors[413],
        415: errors[415],
      },
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return presentAgency(await accounts.updateAgency(req.ctx, req.params.id, version, patch), req.ctx.actor);
    },
  });

  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    api.post(`/agencies/:id/${path}`, {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: archived ? 'Archive an agency that has no active accounts (admin)' : 'Restore an archived agency (admin)',
        params: IdParams,
        response: {
          200: { $ref: 'Agency' },
          400: errors[400],
          401: errors[401],
          403: errors[403],
          404: errors[404],
          409: errors[409],
          413: errors[413],
          415: errors[415],
        },
      },
      handler: async (req) => presentAgency(await accounts.setAgencyArchived(req.ctx, req.params.id, archived), req.ctx.actor),
    });
  }
}
