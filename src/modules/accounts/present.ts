// Rows -> API shapes. Database rows never leave the area unshaped; secrets never leave at all.
import { ROLE_SCOPES, type Actor, type Role } from '../../core/actor.js';
import { accountsPolicy } from './policy.js';
import type { AgencyRow, ApiClientRow, PersonalTokenRow, SessionRow, UserRow } from './repo.js';
import { isLocked, type PendingStep } from './use-cases/sign-in.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentAgency(row: AgencyRow, viewer: Actor) {
  const base = {
    id: row.id,
    slug: row.slug,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    type: row.type,
    parentId: row.parentId,
    contact: row.contact,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
  };
  if (!accountsPolicy.readAgencyStaffView(viewer) && viewer.kind !== 'user') return base;
  return {
    ...base,
    isOperator: row.isOperator,
    functions: row.functions,
    archivedAt: iso(row.archivedAt),
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

export function presentUser(row: UserRow, now: Date, lockMinutes: number) {
  const locked = isLocked(row, now, lockMinutes);
  return {
    id: row.id,
    agencyId: row.agencyId,
    email: row.email,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    locale: row.locale as 'vi' | 'en',
    scopes: ROLE_SCOPES[row.role as Role] ?? [],
    mfaEnabled: !!row.mfaEnabledAt,
    mustChangePassword: row.mustChangePassword,
    locked,
    lockedUntil: locked ? new Date(row.lockedAt!.getTime() + lockMinutes * 60_000).toISOString() : null,
    failedLogins: row.failedLogins,
    disabled: !!row.disabledAt,
    lastLoginAt: iso(row.lastLoginAt),
    version: row.version,
    createdAt: iso(row.createdAt)!,
  };
}

export function presentSession(row: SessionRow & { username?: string; displayName?: string }, idleMinutes: number, currentId?: string) {
  return {
    id: row.id.slice(0, 16),
    userId: row.userId,
    username: row.username ?? null,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: iso(row.createdAt)!,
    lastSeenAt: iso(row.lastSeenAt)!,
    expiresAt: iso(row.expiresAt)!,
    idleExpiresAt: new Date(row.lastSeenAt.getTime() + idleMinutes * 60_000).toISOString(),
    current: row.id === currentId,
  };
}

export function presentSessionState(user: UserRow, session: SessionRow, pending: PendingStep, now: Date, cfg: { idleMinutes: number; lockMinutes: number }) {
  return {
    user: presentUser(user, now, cfg.lockMinutes),
    pending,
    csrfToken: session.csrfToken,
    session: presentSession(session, cfg.idleMinutes, session.id),
  };
}

export function presentApiClient(row: ApiClientRow) {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    description: row.description,
    agencyId: row.agencyId,
    scopes: row.scopes,
    termsVersion: row.termsVersion,
    termsAcceptedAt: iso(row.termsAcceptedAt)!,
    termsAcceptedBy: row.termsAcceptedBy,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    createdAt: iso(row.createdAt)!,
  };
}

export function presentPersonalToken(row: PersonalTokenRow) {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    termsVersion: row.termsVersion,
    termsAcceptedAt: iso(row.termsAcceptedAt)!,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    createdAt: iso(row.createdAt)!,
  };
}
