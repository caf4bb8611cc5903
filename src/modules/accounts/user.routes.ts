// HTTP: user accounts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, exampleOf, IdParams, Ok } from '../../http/schemas.js';
import type { Config } from '../../config.js';
import type { Context } from '../../core/context.js';
import * as accounts from './service.js';
import { presentUser } from './present.js';
import { CreateUserBody, PasswordOnce, PasswordResetBody, UpdateUserBody, User, UserListQuery, UserWithPassword } from './schemas.js';

const tags = ['users'];
const UserList = Type.Object({ items: Type.Array(Type.Ref('User')), total: Type.Integer() }, { examples: [{ items: [exampleOf(User)], total: 1 }] });
const Revoked = Type.Object({ revoked: Type.Integer() }, { examples: [{ revoked: 2 }] });

export async function userRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const show = (row: Parameters<typeof presentUser>[0], now: Date) => presentUser(row, now, config.login.lockMinutes);
  const errorResponses = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };

  api.get('/users', {
    config: { auth: 'user', scope: 'read:shared' },
    schema: {
      tags,
      summary: "List accounts: all for DIC/IOC staff, your agency's for others",
      querystring: UserListQuery,
      response: { 200: UserList, 400: errors[400], 401: errors[401], 403: errors[403] },
    },
    handler: async (req) => {
      const rows = await accounts.listUsers(req.ctx, req.query);
      const now = req.ctx.clock.now();
      return { items: rows.map((u) => show(u, now)), total: rows.length };
    },
  });

  api.get('/users/:id', {
    config: { auth: 'user', scope: 'read:shared' },
    schema: {
      tags,
      summary: 'One account',
      params: IdParams,
      response: { 200: { $ref: 'User' }, 401: errors[401], 404: errors[404], 400: errors[400], 403: errors[403] },
    },
    handler: async (req) => show(await accounts.getUser(req.ctx, req.params.id), req.ctx.clock.now()),
  });

  api.post('/users', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Create an account (admin); returns its initial password once',
      body: CreateUserBody,
      response: { 201: UserWithPassword, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      const { user, password } = await accounts.createUser(req.ctx, req.body);
      return reply.code(201).send({ user: show(user, req.ctx.clock.now()), password });
    },
  });

  api.patch('/users/:id', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Change an account: agency, role, e-mail, name (admin)',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: { $ref: 'User' }, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return show(await accounts.updateUser(req.ctx, req.params.id, version, patch), req.ctx.clock.now());
    },
  });

  const actions = [
    ['disable', 'Disable an account and end its sessions (admin)', (ctx: Context, id: string) => accounts.setUserDisabled(ctx, id, true)],
    ['enable', 'Enable a disabled account (admin)', (ctx: Context, id: string) => accounts.setUserDisabled(ctx, id, false)],
    ['unlock', 'Release a sign-in lock (admin)', accounts.unlockUser],
  ] as const;
  for (const [path, summary, run] of actions) {
    api.post(`/users/:id/${path}`, {
      config: { scope: 'admin' },
      schema: { tags, summary, params: IdParams, response: { 200: { $ref: 'User' }, ...errorResponses, 413: errors[413], 415: errors[415] } },
      handler: async (req) => show(await run(req.ctx, req.params.id), req.ctx.clock.now()),
    });
  }

  api.post('/users/:id/reset-password', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Set a new password (generated unless given); the user must change it at next sign-in (admin)',
      params: IdParams,
      body: Type.Optional(PasswordResetBody),
      response: { 200: PasswordOnce, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => accounts.resetUserPassword(req.ctx, req.params.id, req.body ?? {}),
  });

  api.post('/users/:id/reset-mfa', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Clear the second factor (lost device); the user enrols again (admin)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => {
      await accounts.resetUserMfa(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });

  api.post('/users/:id/revoke-sessions', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'End every session of an account (admin)',
      params: IdParams,
      response: { 200: Revoked, ...errorResponses, 413: errors[413], 415: errors[415] },
    },
    handler: async (req) => ({ revoked: await accounts.revokeAllSessionsOfUser(req.ctx, req.params.id) }),
  });
}
