// HTTP: sessions, API clients, personal tokens, and the OAuth 2.0 token endpoint.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams, Ok } from '../../http/schemas.js';
import type { Config } from '../../config.js';
import * as accounts from './service.js';
import { presentApiClient, presentPersonalToken, presentSession } from './present.js';
import {
  ApiClient,
  ApiClientWithSecret,
  CreateApiClientBody,
  CreatePersonalTokenBody,
  PersonalToken,
  PersonalTokenWithSecret,
  Session,
  SessionIdParams,
  SessionListQuery,
  TokenListQuery,
} from './schemas.js';
import type { Scope } from '../../core/actor.js';
import { termsOfUse } from './terms.js';

const ClientQuery = Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });

export async function credentialRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const errorResponses = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };

  api.get('/terms', {
    config: { auth: 'public' },
    schema: {
      tags: ['api-clients'],
      operationId: 'getTermsOfUse',
      summary: 'The terms of use an API client or personal token accepts: their version (recorded with each acceptance) and text (Markdown)',
      response: {
        200: Type.Object(
          { version: Type.String({ description: 'Recorded as termsVersion with each credential' }), markdown: Type.String() },
          { examples: [{ version: '2026-11', markdown: '# Terms of use of shared data (version 2026-11)\n\n…' }] },
        ),
        401: errors[401],
      },
    },
    handler: async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return termsOfUse();
    },
  });

  api.get('/sessions', {
    config: { auth: 'session' },
    schema: {
      tags: ['sessions'],
      summary: "Active sessions: yours, or anyone's (all=true) for admins and IOC",
      querystring: SessionListQuery,
      response: {
        200: Type.Object({ items: Type.Array(Type.Ref('Session')), total: Type.Integer() }, { examples: [{ items: [exampleOf(Session)], total: 1 }] }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const rows = await accounts.listSessions(req.ctx, req.query);
      const current = req.session?.session.id;
      return { items: rows.map((s) => presentSession(s, config.session.idleMinutes, current)), total: rows.length };
    },
  });

  api.delete('/sessions/:id', {
    config: { auth: 'session' },
    schema: {
      tags: ['sessions'],
      summary: "Revoke a session (your own; anyone's for admins)",
      params: SessionIdParams,
      response: { 200: Ok, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await accounts.revokeSession(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });

  api.get('/api-clients', {
    config: { auth: 'user', scope: 'read:shared' },
    schema: {
      tags: ['api-clients'],
      summary: "API clients: all for admins and IOC, your agency's for others",
      querystring: ClientQuery,
      response: {
        200: Type.Object({ items: Type.Array(Type.Ref('ApiClient')), total: Type.Integer() }, { examples: [{ items: [exampleOf(ApiClient)], total: 1 }] }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const rows = await accounts.listApiClients(req.ctx, req.query);
      return { items: rows.map(presentApiClient), total: rows.length };
    },
  });

  api.post('/api-clients', {
    config: { scope: 'admin' },
    schema: {
      tags: ['api-clients'],
      summary: 'Register a system as an OAuth 2.0 client (admin); returns its secret once',
      body: CreateApiClientBody,
      response: { 201: ApiClientWithSecret, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const { expiresAt, ...rest } = req.body;
      const { client, clientSecret } = await accounts.createApiClient(req.ctx, {
        ...rest,
        scopes: rest.scopes as Scope[],
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      });
      return reply.code(201).send({ client: presentApiClient(client), clientSecret });
    },
  });

  api.post('/api-clients/:id/revoke', {
    config: { scope: 'admin' },
    schema: {
      tags: ['api-clients'],
      summary: 'Revoke a client and its access tokens (admin)',
      params: IdParams,
      response: { 200: { $ref: 'ApiClient' }, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => presentApiClient(await accounts.revokeApiClient(req.ctx, req.params.id)),
  });

  api.get('/tokens', {
    config: { auth: 'session' },
    schema: {
      tags: ['tokens'],
      summary: "Your personal API tokens (all=true: everyone's, for admins and IOC)",
      querystring: TokenListQuery,
      response: {
        200: Type.Object(
          { items: Type.Array(Type.Ref('PersonalToken')), total: Type.Integer() },
          { examples: [{ items: [exampleOf(PersonalToken)], total: 1 }] },
        ),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const rows = await accounts.listPersonalTokens(req.ctx, req.query);
      return { items: rows.map(presentPersonalToken), total: rows.length };
    },
  });

  api.post('/tokens', {
    config: { auth: 'session' },
    schema: {
      tags: ['tokens'],
      summary: 'Create a personal API token (signed-in session only); returns it once',
      body: CreatePersonalTokenBody,
      response: { 201: PersonalTokenWithSecret, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const { token, secret } = await accounts.createPersonalToken(req.ctx, {
        ...req.body,
        scopes: req.body.scopes as Scope[],
        expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
      });
      return reply.code(201).send({ token: presentPersonalToken(token), secret });
    },
  });

  api.delete('/tokens/:id', {
    config: { auth: 'session' },
    schema: {
      tags: ['tokens'],
      summary: "Revoke a personal token (yours; anyone's for admins)",
      params: IdParams,
      response: { 200: Ok, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await accounts.revokePersonalToken(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}
