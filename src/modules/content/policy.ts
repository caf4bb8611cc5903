// Who may do what with content. Pure functions of (actor, action, resource) and the row filters
// lists and search apply, so a list never shows what a read would refuse.
import { hasScope, type Actor } from '../../core/actor.js';
import type { Taker } from './editorial/workflow.js';
import type { Visibility } from './model.js';

export interface VersionFacts {
  agencyId: string;
  /** visibility of the published revision, or null when nothing is online */
  pubVisibility: string | null;
}

const isStaffWide = (a: Actor) => a.kind === 'system' || (a.kind === 'user' && ['admin', 'appraiser', 'security'].includes(a.role));
const isAppraiser = (a: Actor) => a.kind === 'system' || (a.kind === 'user' && a.role === 'appraiser');

/** Agencies whose working copies (drafts, submissions) the actor may edit: 'all', one agency, or none. */
export function editableAgencies(a: Actor): 'all' | string | null {
  if (a.kind === 'system') return 'all';
  if (!hasScope(a, 'write:own')) return null;
  if (a.kind === 'user' && a.role === 'appraiser') return 'all';
  if (a.kind === 'user' && a.role === 'contributor') return a.agencyId;
  if (a.kind === 'client') return a.agencyId;
  return null;
}

/**
 * Agencies whose working copies (and internal items) the actor may read: editors, plus admin and
 * IOC who read everything. Drafts are never public: a credential needs `read:shared` for them —
 * or `write:own`, with which it writes them (an agency system reads back what it creates).
 */
export function readableWorkingAgencies(a: Actor): 'all' | string | null {
  if (a.kind === 'system') return 'all';
  if (!hasScope(a, 'read:shared')) return editableAgencies(a);
  if (isStaffWide(a)) return 'all';
  if (a.kind === 'user' && a.role === 'contributor') return a.agencyId;
  if (a.kind === 'client' && hasScope(a, 'write:own')) return a.agencyId;
  return null;
}

/** Published visibilities the actor may read: public for everyone; shared with the exploit scope (Art. 10). */
export function readablePublishedVisibilities(a: Actor): Visibility[] {
  if (a.kind === 'system') return ['public', 'shared', 'internal'];
  const out: Visibility[] = ['public'];
  if (a.kind !== 'anonymous' && hasScope(a, 'read:shared')) out.push('shared');
  return out;
}

/**
 * Row filter of published content (lists, the changes stream): the visibilities the actor reads
 * everywhere, plus `internal` for the agencies whose working copies it reads (the owning agency,
 * the DIC) — the same rule as `contentPolicy.readPublished`.
 */
export interface PublishedScope {
  visibilities: Visibility[];
  internal: 'all' | string | null;
}

export function publishedScope(a: Actor): PublishedScope {
  return { visibilities: readablePublishedVisibilities(a).filter((v) => v !== 'internal'), internal: readableWorkingAgencies(a) };
}

/** Whether a published visibility of an agency's item is readable within the scope (null: nothing online). */
export function inPublishedScope(s: PublishedScope, visibility: string | null, agencyId: string): boolean {
  if (!visibility) return false;
  if (visibility === 'internal') return s.internal === 'all' || s.internal === agencyId;
  return s.visibilities.includes(visibility as Visibility);
}

export const contentPolicy = {
  readWorking: (a: Actor, v: { agencyId: string }) => {
    const scope = readableWorkingAgencies(a);
    return scope === 'all' || scope === v.agencyId;
  },
  readPublished: (a: Actor, v: VersionFacts) => inPublishedScope(publishedScope(a), v.pubVisibility, v.agencyId),
  edit: (a: Actor, v: { agencyId: string }) => {
    const scope = editableAgencies(a);
    return scope === 'all' || scope === v.agencyId;
  },
  createIn: (a: Actor, agencyId: string) => contentPolicy.edit(a, { agencyId }),
  /** System actors (the scheduler, the operator's CLI) may take any transition: explicit, named and audited. */
  take: (a: Actor, takers: readonly Taker[], v: { agencyId: string }) =>
    a.kind === 'system' ||
    (takers.includes('editor') && contentPolicy.edit(a, v)) ||
    (takers.includes('appraiser') && a.kind === 'user' && a.role === 'appraiser'),
  manageTaxonomy: (a: Actor) => a.kind === 'system' || (a.kind === 'user' && (a.role === 'appraiser' || a.role === 'admin')),
  appraise: isAppraiser,
  /** The DIC and IOC oversee all content: the appraisal queue, everyone's imports (read only for admin/IOC). */
  oversee: isStaffWide,
  /** Starting an import: writing in the chosen (or one's own) agency, or appraising. */
  startImport: (a: Actor, agencyId: string | undefined) =>
    contentPolicy.createIn(a, agencyId ?? (a.kind === 'user' || a.kind === 'client' ? a.agencyId : '')) || isAppraiser(a),
};
