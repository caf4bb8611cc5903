// Who may do what with webhook subscriptions, and as whom a subscription reads the changes stream.
// API clients and people with read:public register their own subscriptions and see only those; the
// DIC (administrators, appraisers) may list and read everyone's, but changes only its own. A
// subscription receives only the changes its owner may read now (GET /api/v1/changes's rule).
import { hasScope, ROLE_SCOPES, ROLES, type Actor, type Role, type Scope } from '../../core/actor.js';

export interface SubscriptionOwner {
  clientId: string | null;
  userId: string | null;
}

/** all: every subscription; otherwise only the owner's. none: nothing. */
export type SubscriptionScope = 'all' | { clientId: string } | { userId: string } | 'none';

const SEE_ALL: readonly Role[] = ['admin', 'appraiser'];

export function subscriptionScope(a: Actor): SubscriptionScope {
  if (a.kind === 'system') return 'all';
  if (a.kind === 'user') return SEE_ALL.includes(a.role) ? 'all' : { userId: a.userId };
  if (a.kind === 'client') return { clientId: a.clientId };
  return 'none';
}

function owns(a: Actor, s: SubscriptionOwner): boolean {
  if (a.kind === 'client') return s.clientId === a.clientId;
  if (a.kind === 'user') return s.userId === a.userId && s.clientId === null;
  return false;
}

export const webhookPolicy = {
  create: (a: Actor) => (a.kind === 'client' || a.kind === 'user') && hasScope(a, 'read:public'),
  read: (a: Actor, s: SubscriptionOwner) => a.kind === 'system' || owns(a, s) || (a.kind === 'user' && SEE_ALL.includes(a.role)),
  manage: (a: Actor, s: SubscriptionOwner) => a.kind === 'system' || owns(a, s),
};

/** The owner's facts as stored now (a revoked client or disabled person receives nothing). */
export interface OwnerFacts {
  agencyId: string;
  clientId: string | null;
  clientScopes: string[] | null;
  clientLive: boolean;
  userId: string | null;
  userRole: string | null;
  userLive: boolean;
  /** the scopes of the credential that registered the subscription (null: not recorded) */
  grantedScopes: string[] | null;
}

/**
 * The actor a subscription reads the stream as: the client, or the person, with the scopes of the
 * credential that registered it, within what the owner holds now (the client's granted scopes, the
 * person's role). Null: the owner can no longer read anything (revoked, expired, disabled).
 */
export function subscriberActor(o: OwnerFacts): Actor | null {
  const within = (held: readonly Scope[]) => (o.grantedScopes ? held.filter((s) => o.grantedScopes!.includes(s)) : [...held]);
  if (o.clientId) {
    if (!o.clientLive) return null;
    return { kind: 'client', clientId: o.clientId, agencyId: o.agencyId, label: `webhook:${o.clientId}`, scopes: within((o.clientScopes ?? []) as Scope[]) };
  }
  if (o.userId && o.userLive && (ROLES as readonly string[]).includes(o.userRole ?? '')) {
    const role = o.userRole as Role;
    return { kind: 'user', userId: o.userId, agencyId: o.agencyId, role, label: `webhook:${o.userId}`, via: 'token', scopes: within(ROLE_SCOPES[role]) };
  }
  return null;
}
