// Who may read API usage (R5.2, Art. 8.1c): the DIC (administrators, appraisers) and the IOC
// (security) inspect everyone's; an agency's people see their agency's clients and accounts; an
// API client sees its own. The row filter below is applied by the report, never bypassed.
import type { Actor, Role } from '../../core/actor.js';

const SEE_ALL: readonly Role[] = ['admin', 'appraiser', 'security'];

/** all: every principal, anonymous addresses included; agencyId: only that agency's; principal: only that one. */
export type UsageScope = { all: true } | { agencyId: string } | { principal: string } | 'none';

export function usageScope(a: Actor): UsageScope {
  if (a.kind === 'system') return { all: true };
  if (a.kind === 'user') return SEE_ALL.includes(a.role) ? { all: true } : { agencyId: a.agencyId };
  if (a.kind === 'client') return { principal: `client:${a.clientId}` };
  return 'none';
}
