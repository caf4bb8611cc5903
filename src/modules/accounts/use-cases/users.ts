// Accounts of people: create, update, disable/enable, unlock, read, list.
import type { Role } from '../../../core/actor.js';
import type { Context } from '../../../core/context.js';
import { generatePassword } from '../../../core/crypto.js';
import { Conflict, Forbidden, Invalid, NotFound, type FieldError } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import { withTransaction } from '../../../db/transaction.js';
import { recordAuditEvent } from '../../audit/service.js';
import { assertStrongPassword, hashPassword } from '../passwords.js';
import { accountsPolicy, userListScope } from '../policy.js';
import * as repo from '../repo.js';
import { isLocked } from './sign-in.js';
import { vietnameseOrder } from './agencies.js';

export interface CreateUserInput {
  agencyId: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  locale?: 'vi' | 'en';
  /** When absent a password is generated and returned once. */
  password?: string;
}

async function assertRoleFitsAgency(ctx: Context, role: Role, agencyId: string) {
  const agency = await repo.findAgency(ctx.db, agencyId);
  if (!agency || agency.archivedAt) throw Invalid.field('agencyId', 'agency_not_found');
  if (role === 'appraiser' && !agency.isOperator) {
    throw Invalid.field('role', 'role_agency_mismatch', { role, agency: 'Sở/đơn vị vận hành (operator)' });
  }
  return agency;
}

async function assertUnique(ctx: Context, email: string, username: string, exceptId?: string) {
  const taken = await repo.findUserConflicts(ctx.db, email, username, exceptId);
  const fields: FieldError[] = [];
  if (taken.email) fields.push({ field: 'email', code: 'email_taken', message: t('email_taken') });
  if (taken.username) fields.push({ field: 'username', code: 'username_taken', message: t('username_taken') });
  if (fields.length) throw new Conflict(taken.email ? 'email_taken' : 'username_taken', fields);
}

export async function createUser(ctx: Context, input: CreateUserInput): Promise<{ user: repo.UserRow; password: string }> {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  await assertRoleFitsAgency(ctx, input.role, input.agencyId);
  await assertUnique(ctx, input.email, input.username);
  const password = input.password ?? generatePassword();
  if (input.password) assertStrongPassword(input.password, [input.email, input.username, input.displayName], 'password');
  const passwordHash = await hashPassword(password);
  return withTransaction(ctx, async (tx) => {
    await assertUnique(tx, input.email, input.username);
    const now = ctx.clock.now();
    const user = await repo.insertUser(tx.db, {
      agencyId: input.agencyId,
      email: input.email,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      locale: input.locale ?? 'vi',
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    await recordAuditEvent(tx, {
      action: 'user.create',
      agencyId: user.agencyId,
      targetType: 'user',
      targetId: user.id,
      data: { after: { email: user.email, username: user.username, role: user.role, agencyId: user.agencyId } },
    });
    return { user, password };
  });
}

export interface UpdateUserInput {
  email?: string;
  username?: string;
  displayName?: string;
  role?: Role;
  agencyId?: string;
  locale?: 'vi' | 'en';
}

export async function updateUser(ctx: Context, id: string, version: number, patch: UpdateUserInput) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findUser(tx.db, id);
    if (!before) throw new NotFound();
    const role = (patch.role ?? before.role) as Role;
    if (patch.role || patch.agencyId) await assertRoleFitsAgency(tx, role, patch.agencyId ?? before.agencyId);
    if (patch.email || patch.username) await assertUnique(tx, patch.email ?? before.email, patch.username ?? before.username, id);
    if (before.role === 'admin' && role !== 'admin' && !before.disabledAt && (await repo.countActiveAdmins(tx.db, id)) === 0) {
      throw new Conflict('last_admin');
    }
    const after = await repo.updateUser(tx.db, id, { ...patch, updatedAt: ctx.clock.now() }, version);
    if (!after) throw new Conflict('stale_revision');
    const changed = (Object.keys(patch) as Array<keyof UpdateUserInput>).filter((k) => before[k] !== after[k]);
    await recordAuditEvent(tx, {
      action: patch.role && patch.role !== before.role ? 'user.role_change' : 'user.update',
      agencyId: after.agencyId,
      targetType: 'user',
      targetId: id,
      data: {
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
    return after;
  });
}

export async function updateOwnProfile(ctx: Context, patch: { displayName?: string; locale?: 'vi' | 'en' }) {
  if (ctx.actor.kind !== 'user') throw new Forbidden();
  const userId = ctx.actor.userId;
  return withTransaction(ctx, async (tx) => {
    const after = (await repo.updateUser(tx.db, userId, { ...patch, updatedAt: ctx.clock.now() }))!;
    await recordAuditEvent(tx, { action: 'user.profile_update', targetType: 'user', targetId: userId, data: { after: patch } });
    return after;
  });
}

export async function setUserDisabled(ctx: Context, id: string, disabled: boolean) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const user = await repo.findUser(tx.db, id);
    if (!user) throw new NotFound();
    if (disabled && user.role === 'admin' && !user.disabledAt && (await repo.countActiveAdmins(tx.db, id)) === 0) {
      throw new Conflict('last_admin');
    }
    const now = ctx.clock.now();
    const after = (await repo.updateUser(tx.db, id, { disabledAt: disabled ? now : null, updatedAt: now }))!;
    if (disabled) await repo.revokeSessions(tx.db, { userId: id }, now, 'disabled');
    await recordAuditEvent(tx, { action: disabled ? 'user.disable' : 'user.enable', agencyId: user.agencyId, targetType: 'user', targetId: id });
    return after;
  });
}

export async function unlockUser(ctx: Context, id: string) {
  if (!accountsPolicy.manageUsers(ctx.actor)) throw new Forbidden();
  return withTransaction(ctx, async (tx) => {
    const user = await repo.findUser(tx.db, id);
    if (!user) throw new NotFound();
    const after = (await repo.updateUser(tx.db, id, { lockedAt: null, failedLogins: 0, lastFailedLoginAt: null, updatedAt: ctx.clock.now() }))!;
    await recordAuditEvent(tx, { action: 'user.unlock', agencyId: user.agencyId, targetType: 'user', targetId: id, data: { wasLockedAt: user.lockedAt } });
    return after;
  });
}

export async function getUser(ctx: Context, id: string): Promise<repo.UserRow> {
  const user = await repo.findUser(ctx.db, id);
  if (!user || !accountsPolicy.readUser(ctx.actor, user)) throw new NotFound();
  return user;
}

export async function findUserByLogin(ctx: Context, login: string): Promise<repo.UserRow> {
  const user = await repo.findUserByLogin(ctx.db, login);
  if (!user || !accountsPolicy.readUser(ctx.actor, user)) throw new NotFound();
  return user;
}

export async function listUsers(
  ctx: Context,
  f: { agencyId?: string; role?: string; q?: string; locked?: boolean; disabled?: boolean },
): Promise<repo.UserRow[]> {
  const scope = userListScope(ctx.actor);
  if (scope === 'none') throw new Forbidden();
  if (scope.agencyId && f.agencyId && f.agencyId !== scope.agencyId) return [];
  const rows = (await repo.listUsers(ctx.db, { ...f, locked: undefined, agencyId: scope.agencyId ?? f.agencyId })).sort((a, b) =>
    vietnameseOrder.compare(a.displayName, b.displayName),
  );
  if (f.locked === undefined) return rows;
  const now = ctx.clock.now();
  return rows.filter((u) => isLocked(u, now, ctx.config.login.lockMinutes) === f.locked);
}

export async function countAllUsers(ctx: Context): Promise<number> {
  return repo.countUsers(ctx.db);
}

export async function countActiveAdmins(ctx: Context): Promise<number> {
  return repo.countActiveAdmins(ctx.db);
}

/**
 * Ids of active accounts with a role, for system-level fan-out (notifications). Returns ids only and
 * is not policy-filtered: callers are use cases, never a route.
 */
export async function activeUserIdsWithRole(ctx: Context, role: Role): Promise<string[]> {
  return (await repo.listUsers(ctx.db, { role, disabled: false })).map((u) => u.id);
}

/** Ids of an agency's active accounts, for system-level fan-out (reminders). Same caveat as above. */
export async function activeUserIdsOfAgency(ctx: Context, agencyId: string): Promise<string[]> {
  return (await repo.listUsers(ctx.db, { agencyId, disabled: false })).map((u) => u.id);
}

/**
 * Display names of accounts by username, for records that name their actor by the username it had
 * (case timelines, like the audit log): the reader sees the person's current name.
 */
export async function displayNamesOf(ctx: Context, usernames: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)].filter((u) => u && !u.includes(':')).slice(0, 1000); // system:… and webhook:… are not accounts
  return new Map((await repo.displayNamesByUsername(ctx.db, wanted)).map((u) => [u.username, u.displayName]));
}

/** E-mail addresses and languages of active accounts, for notification e-mails (system use). */
export async function emailsOf(ctx: Context, ids: string[]): Promise<Map<string, { email: string; locale: string }>> {
  const out = new Map<string, { email: string; locale: string }>();
  for (const u of await repo.findUsers(ctx.db, ids)) if (!u.disabledAt) out.set(u.id, { email: u.email, locale: u.locale });
  return out;
}
