// API credentials: OAuth 2.0 client-credentials clients (systems) and personal tokens (people).
// Secrets are returned once and stored as SHA-256 hashes; every credential records terms acceptance.
import { CLIENT_SCOPES, ROLE_SCOPES, type Scope } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { randomToken, safeEqual, sha256Hex } from '../../../core/crypto.js';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../../core/errors.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { accountsPolicy, apiClientListScope } from '../policy.js';
import * as repo from '../repo.js';

/** Version of the terms of use (Art. 7.5: no commercial use of shared data). Text in docs/terms-of-use.md. */
export const TERMS_VERSION = '2026-11';
const ACCESS_TOKEN_SECONDS = 3600;

export async function createApiClient(
  ctx: Context,
  input: { name: string; description?: string; agencyId: string; scopes: Scope[]; acceptTerms: boolean; expiresAt?: Date | null },
) {
  if (!accountsPolicy.manageApiClients(ctx.actor)) throw new Forbidden();
  if (!input.acceptTerms) throw Invalid.field('acceptTerms', 'terms_not_accepted');
  for (const s of input.scopes) if (!CLIENT_SCOPES.includes(s)) throw Invalid.field('scopes', 'scope_not_allowed', { scope: s });
  const agency = await repo.findAgency(ctx.db, input.agencyId);
  if (!agency || agency.archivedAt) throw Invalid.field('agencyId', 'agency_not_found');
  const clientId = `ttdn_${randomToken(9)}`;
  const clientSecret = `ttdn_cs_${randomToken(32)}`;
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const row = await repo.insertApiClient(tx.db, {
      clientId,
      secretHash: sha256Hex(clientSecret),
      name: input.name,
      description: input.description ?? '',
      agencyId: input.agencyId,
      scopes: [...new Set(input.scopes)],
      termsVersion: TERMS_VERSION,
      termsAcceptedAt: now,
      termsAcceptedBy: ctx.actor.label,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      expiresAt: input.expiresAt ?? null,
      createdAt: now,
    });
    await recordAuditEvent(tx, {
      action: 'api_client.create',
      agencyId: row.agencyId,
      targetType: 'api_client',
      targetId: row.id,
      data: { after: { clientId, name: row.name, scopes: row.scopes, termsVersion: TERMS_VERSION } },
    });
    return { client: row, clientSecret };
  });
}

export async function listApiClients(ctx: Context, f: { agencyId?: string }) {
  const scope = apiClientListScope(ctx.actor);
  if (scope === 'none') throw new Forbidden();
  if (scope.agencyId && f.agencyId && f.agencyId !== scope.agencyId) return [];
  return repo.listApiClients(ctx.db, { agencyId: scope.agencyId ?? f.agencyId });
}

export async function getApiClient(ctx: Context, id: string) {
  const row = await repo.findApiClient(ctx.db, id);
  if (!row || !accountsPolicy.readApiClient(ctx.actor, row)) throw new NotFound();
  return row;
}

export async function revokeApiClient(ctx: Context, id: string) {
  if (!accountsPolicy.manageApiClients(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findApiClient(tx.db, id);
    if (!row) throw new NotFound();
    const after = (await repo.updateApiClient(tx.db, id, { revokedAt: row.revokedAt ?? ctx.clock.now() }))!;
    await repo.deleteAccessTokensOfClient(tx.db, id);
    await recordAuditEvent(tx, { action: 'api_client.revoke', agencyId: row.agencyId, targetType: 'api_client', targetId: id });
    return after;
  });
}

/** POST /oauth/token with grant_type=client_credentials. */
export async function issueClientAccessToken(ctx: Context, input: { clientId: string; clientSecret: string; scope?: string }) {
  const now = ctx.clock.now();
  const client = await repo.findApiClientByClientId(ctx.db, input.clientId);
  const valid = !!client && safeEqual(client.secretHash, sha256Hex(input.clientSecret)) && !client.revokedAt && !(client.expiresAt && client.expiresAt <= now);
  if (!valid) {
    await withTransaction(ctx, (tx) =>
      recordAuditEvent(tx, {
        action: 'oauth.token',
        outcome: 'failure',
        actor: { type: 'client', id: client?.id ?? null, label: `client:${input.clientId.slice(0, 100)}` },
        agencyId: client?.agencyId ?? null,
      }),
    );
    throw new Unauthenticated('client_invalid');
  }
  const requested = input.scope ? (input.scope.split(/\s+/).filter(Boolean) as Scope[]) : (client.scopes as Scope[]);
  for (const s of requested) if (!client.scopes.includes(s)) throw Invalid.field('scope', 'scope_not_allowed', { scope: s });
  const token = `ttdn_at_${randomToken(32)}`;
  await withTransaction(ctx, async (tx) => {
    await repo.insertAccessToken(tx.db, {
      id: sha256Hex(token),
      clientId: client.id,
      scopes: requested,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000),
    });
    await repo.updateApiClient(tx.db, client.id, { lastUsedAt: now });
    await recordAuditEvent(tx, {
      action: 'oauth.token',
      actor: { type: 'client', id: client.id, label: `client:${client.clientId}` },
      agencyId: client.agencyId,
      targetType: 'api_client',
      targetId: client.id,
      data: { scopes: requested },
    });
  });
  return { accessToken: token, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_SECONDS, scope: requested.join(' ') };
}

export async function createPersonalToken(ctx: Context, input: { name: string; scopes: Scope[]; expiresAt?: Date | null; acceptTerms: boolean }) {
  if (!accountsPolicy.createPersonalToken(ctx.actor) || ctx.actor.kind !== 'user') throw new Forbidden();
  if (!input.acceptTerms) throw Invalid.field('acceptTerms', 'terms_not_accepted');
  const allowed = ROLE_SCOPES[ctx.actor.role];
  for (const s of input.scopes) if (!allowed.includes(s)) throw Invalid.field('scopes', 'scope_not_allowed', { scope: s });
  if (input.expiresAt && input.expiresAt <= ctx.clock.now()) throw Invalid.field('expiresAt', 'field_range');
  const userId = ctx.actor.userId;
  const token = `ttdn_pat_${randomToken(32)}`;
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const row = await repo.insertPersonalToken(tx.db, {
      userId,
      name: input.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 14),
      scopes: [...new Set(input.scopes)],
      termsVersion: TERMS_VERSION,
      termsAcceptedAt: now,
      expiresAt: input.expiresAt ?? null,
      createdAt: now,
    });
    await recordAuditEvent(tx, {
      action: 'token.create',
      targetType: 'personal_token',
      targetId: row.id,
      data: { after: { name: row.name, scopes: row.scopes } },
    });
    return { token: row, secret: token };
  });
}

export async function listPersonalTokens(ctx: Context, f: { all?: boolean }) {
  if (ctx.actor.kind !== 'user') throw new Forbidden();
  if (f.all) {
    if (!accountsPolicy.listPersonalTokensOfAnyone(ctx.actor)) throw new Forbidden();
    return repo.listPersonalTokens(ctx.db, {});
  }
  return repo.listPersonalTokens(ctx.db, { userId: ctx.actor.userId });
}

export async function revokePersonalToken(ctx: Context, id: string) {
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findPersonalToken(tx.db, id);
    const own = ctx.actor.kind === 'user' && row?.userId === ctx.actor.userId;
    if (!row || !(own || accountsPolicy.listPersonalTokensOfAnyone(ctx.actor))) throw new NotFound();
    if (!accountsPolicy.revokePersonalToken(ctx.actor, row)) throw new Forbidden();
    await repo.updatePersonalToken(tx.db, id, { revokedAt: row.revokedAt ?? ctx.clock.now() });
    await recordAuditEvent(tx, { action: 'token.revoke', targetType: 'personal_token', targetId: id });
  });
}
