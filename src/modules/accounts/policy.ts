// Who may do what with agencies, users, sessions and API credentials. Pure functions of
// (actor, action, resource); use cases call them, lists apply the row filters below.
import type { Actor, Role } from '../../core/actor.js';

/** DIC and IOC staff see every account; agencies see their own. */
const STAFF_WIDE: readonly Role[] = ['admin', 'appraiser', 'security'];

export const accountsPolicy = {
  manageAgencies: (a: Actor) => isRole(a, 'admin'),
  manageUsers: (a: Actor) => isRole(a, 'admin'),
  /** Read the staff view of agencies (functions, archived ones). */
  readAgencyStaffView: (a: Actor) => a.kind === 'system' || (a.kind === 'user' && STAFF_WIDE.includes(a.role)),
  readUser: (a: Actor, target: { id: string; agencyId: string }) =>
    a.kind === 'system' || (a.kind === 'user' && (STAFF_WIDE.includes(a.role) || a.userId === target.id || a.agencyId === target.agencyId)),
  listSessionsOfAnyone: (a: Actor) => isRole(a, 'admin') || isRole(a, 'security'),
  revokeSession: (a: Actor, session: { userId: string }) => isRole(a, 'admin') || (a.kind === 'user' && a.userId === session.userId),
  manageApiClients: (a: Actor) => isRole(a, 'admin'),
  readApiClient: (a: Actor, client: { agencyId: string }) =>
    isRole(a, 'admin') || isRole(a, 'security') || (a.kind === 'user' && a.agencyId === client.agencyId),
  /** Personal tokens are people's: any signed-in user makes and revokes their own; admins revoke anyone's. */
  createPersonalToken: (a: Actor) => a.kind === 'user' && a.via === 'session',
  revokePersonalToken: (a: Actor, token: { userId: string }) => isRole(a, 'admin') || (a.kind === 'user' && a.userId === token.userId),
  listPersonalTokensOfAnyone: (a: Actor) => isRole(a, 'admin') || isRole(a, 'security'),
};

function isRole(a: Actor, role: Role): boolean {
  return a.kind === 'system' || (a.kind === 'user' && a.role === role);
}

/** Row filter for user lists: undefined = all agencies; a string = only that agency. */
export function userListScope(a: Actor): { agencyId?: string } | 'none' {
  if (a.kind === 'system') return {};
  if (a.kind === 'user') return STAFF_WIDE.includes(a.role) ? {} : { agencyId: a.agencyId };
  return 'none';
}

/** Row filter for API client lists. */
export function apiClientListScope(a: Actor): { agencyId?: string } | 'none' {
  if (isRole(a, 'admin') || isRole(a, 'security')) return {};
  if (a.kind === 'user') return { agencyId: a.agencyId };
  return 'none';
}

/** Roles that must use a second factor (DIC and IOC staff). */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['admin', 'appraiser', 'security'];
