// Which role may open which screen of the app: one table for the routes and for choosing where to
// land after signing in (a page the role cannot open is never a landing page).
import { matchPath } from 'react-router';
import type { Role } from '../auth/session';

const ALL: readonly Role[] = ['admin', 'appraiser', 'security', 'contributor', 'reader'];
const WORKING: readonly Role[] = ['contributor', 'appraiser', 'admin', 'security'];
const APPRAISAL: readonly Role[] = ['appraiser', 'admin', 'security'];

/** Route pattern (relative to /admin) -> roles that may open it. */
export const ROUTE_ROLES = {
  '/': ALL,
  '/agencies': ['admin', 'appraiser', 'security'],
  '/agencies/new': ['admin'],
  '/agencies/:id': ALL,
  '/users': ALL,
  '/users/new': ['admin'],
  '/users/:id': ALL,
  '/sessions': ALL,
  '/api-clients': ['admin', 'security'],
  '/tokens': ALL,
  '/audit': ['admin', 'security'],
  // The DIC and IOC see every caller; an agency's accounts their agency's applications and accounts.
  '/usage': ALL,
  // Everyone with read:public registers their own; the DIC reads everyone's.
  '/webhooks': ALL,
  '/profile': ALL,
  '/items': WORKING,
  '/items/new': ['contributor', 'appraiser'],
  '/items/:versionId': WORKING,
  '/items/:versionId/history': WORKING,
  '/appraisal': APPRAISAL,
  '/appraisal/:versionId': APPRAISAL,
  '/topics': ['appraiser', 'admin'],
  // Appraisers choose them; administrators and security read them.
  '/highlights': APPRAISAL,
  '/freshness': WORKING,
  '/import': ['contributor', 'appraiser'],
  '/search': ALL,
  '/media': WORKING,
  '/media/:id': WORKING,
  // Clarification cases: the DIC and IOC see all, an agency's contributors its own; readers none.
  '/cases': WORKING,
  '/cases/new': ['contributor', 'appraiser', 'admin'],
  '/cases/figures': WORKING,
  '/cases/:id': WORKING,
} as const satisfies Record<string, readonly Role[]>;

export type RoutePattern = keyof typeof ROUTE_ROLES;

/** Whether `path` is a known screen that `role` may open (static patterns win over `:id` ones). */
export function canOpen(path: string, role: Role): boolean {
  const patterns = Object.keys(ROUTE_ROLES) as RoutePattern[];
  const exact = patterns.filter((p) => !p.includes(':')).find((p) => matchPath({ path: p, end: true }, path));
  const found = exact ?? patterns.find((p) => matchPath({ path: p, end: true }, path));
  return found ? (ROUTE_ROLES[found] as readonly Role[]).includes(role) : false;
}
