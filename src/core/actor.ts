// Who is acting. There is no null actor: jobs and the CLI act as named system actors.
export const ROLES = ['admin', 'appraiser', 'security', 'contributor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read:public', 'read:shared', 'write:own', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes each role can hold at most; a token gets the intersection with what it was granted. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: SCOPES,
  appraiser: ['read:public', 'read:shared', 'write:own'],
  security: ['read:public', 'read:shared', 'admin'],
  contributor: ['read:public', 'read:shared', 'write:own'],
  reader: ['read:public', 'read:shared'],
};

/** Scopes an OAuth client (a system, not a person) may be granted. */
export const CLIENT_SCOPES: readonly Scope[] = ['read:public', 'read:shared', 'write:own'];

export type Actor =
  | {
      kind: 'user';
      userId: string;
      agencyId: string;
      role: Role;
      label: string;
      via: 'session' | 'token';
      scopes: readonly Scope[];
      sessionId?: string;
    }
  | { kind: 'client'; clientId: string; agencyId: string; label: string; scopes: readonly Scope[] }
  | { kind: 'system'; name: `system:${string}`; label: string }
  | { kind: 'anonymous'; label: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous', label: 'anonymous' };

export function systemActor(name: `system:${string}`): Actor {
  return { kind: 'system', name, label: name };
}

export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'client':
      return actor.clientId;
    case 'system':
      return actor.name;
    default:
      return null;
  }
}

export function actorAgencyId(actor: Actor): string | null {
  return actor.kind === 'user' || actor.kind === 'client' ? actor.agencyId : null;
}

export function hasScope(actor: Actor, scope: Scope): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return scope === 'read:public';
  return actor.scopes.includes(scope);
}
