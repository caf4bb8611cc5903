// Who may do what with clarification cases. The DIC (the operator's appraisers, and admins, who
// belong to the operator) runs cases; the IOC (role security) reads them; an agency's contributors
// open cases about their own field and see and answer the cases their agency is involved in
// (opened or notified). Readers (press), API clients and anonymous callers see nothing: a case is
// never public, and reading one you are not involved in answers "not found".
import type { Actor } from '../../core/actor.js';

export interface CaseFacts {
  status: string;
  openedByAgencyId: string;
  takenUpAt: Date | null;
  /** agencies notified on the case */
  agencyIds: readonly string[];
}

export const isDic = (a: Actor) => a.kind === 'system' || (a.kind === 'user' && (a.role === 'appraiser' || a.role === 'admin'));
const isIoc = (a: Actor) => a.kind === 'user' && a.role === 'security';
const contributorOf = (a: Actor): string | null => (a.kind === 'user' && a.role === 'contributor' ? a.agencyId : null);

/** Row filter of lists and figures: every case, the cases one agency is involved in, or none. */
export function readableCases(a: Actor): 'all' | { agencyId: string } | null {
  if (isDic(a) || isIoc(a)) return 'all';
  const agency = contributorOf(a);
  return agency ? { agencyId: agency } : null;
}

const involved = (a: Actor, c: CaseFacts) => {
  const agency = contributorOf(a);
  return !!agency && (c.openedByAgencyId === agency || c.agencyIds.includes(agency));
};
const active = (c: CaseFacts) => ['opened', 'agencies_notified', 'material_received'].includes(c.status);

export const casePolicy = {
  read: (a: Actor, c: CaseFacts) => isDic(a) || isIoc(a) || involved(a, c),
  /** DIC staff open cases; an agency's contributor opens one about its own field (Art. 4.2), for the DIC to take up. */
  open: (a: Actor) => isDic(a) || !!contributorOf(a),
  /** The dossier: the DIC, or the opening agency until the DIC has taken the case up. */
  edit: (a: Actor, c: CaseFacts) => active(c) && (isDic(a) || (involved(a, c) && contributorOf(a) === c.openedByAgencyId && !c.takenUpAt)),
  /** Sightings, evidence and situation updates: anyone involved, while the case is worked. */
  contribute: (a: Actor, c: CaseFacts) => active(c) && (isDic(a) || involved(a, c)),
  /** Notify, extend deadlines, take transitions: the DIC only. */
  run: (a: Actor) => isDic(a),
  /** Material and responses of an agency: that agency's contributors (once notified) or the DIC on its behalf. */
  answerFor: (a: Actor, c: CaseFacts, agencyId: string) => isDic(a) || (contributorOf(a) === agencyId && c.agencyIds.includes(agencyId)),
  /** Writing the clarification item is content work: appraisers, or a contributor of a notified agency (content's own policy applies too). */
  writeClarification: (a: Actor, c: CaseFacts) =>
    (a.kind === 'user' && a.role === 'appraiser') || a.kind === 'system' || (!!contributorOf(a) && c.agencyIds.includes(contributorOf(a)!)),
};
