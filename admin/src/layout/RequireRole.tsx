import type { ReactNode } from 'react';
import { useMe, type Role } from '../auth/session';
import { NotFoundPage } from '../pages/NotFoundPage';

/** Screens a role cannot use answer like an unknown address, as the API does. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useMe();
  return roles.includes(role) ? <>{children}</> : <NotFoundPage />;
}
