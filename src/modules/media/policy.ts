// Who may do what with media. The library (every file of an agency, used or not) follows the same
// rules as working copies of items; outside it, a file is readable only through a published item
// that uses it (decided in SQL by repo.readableThroughPublished with the visibilities below), so
// nothing becomes public that the DIC has not appraised.
import { hasScope, type Actor } from '../../core/actor.js';
import { contentPolicy, readablePublishedVisibilities } from '../content/service.js';
import type { Visibility } from '../content/service.js';

export interface MediaFactsForPolicy {
  agencyId: string;
  kind: string;
  visibility: string;
}

export const mediaPolicy = {
  /** Uploading into an agency's library: those who may write its items. */
  upload: (a: Actor, agencyId: string) => contentPolicy.createIn(a, agencyId),
  /** The library view: the owning agency's staff and the DIC/IOC. */
  readLibrary: (a: Actor, m: { agencyId: string }) => contentPolicy.readWorking(a, m),
  edit: (a: Actor, m: { agencyId: string }) => contentPolicy.edit(a, m),
  /** Visibilities of media readable through published items. */
  publishedVisibilities: (a: Actor): Visibility[] => readablePublishedVisibilities(a),
  /** Storage usage and quotas: every agency for the DIC/IOC/admin, one's own otherwise. */
  readUsage: (a: Actor, agencyId: string) => contentPolicy.oversee(a) || ((a.kind === 'user' || a.kind === 'client') && a.agencyId === agencyId),
  setQuota: (a: Actor) => a.kind === 'system' || (a.kind === 'user' && a.role === 'admin'),
  /**
   * The original file (R6.3): for images the full-resolution master, which only those with the
   * right to exploit it download (the library's readers, or an exploit-scope credential); everyone
   * else gets the web variants. For videos and documents the file *is* the published content (the
   * report, the decree's PDF), so whoever may read the media may fetch it.
   */
  downloadOriginal: (a: Actor, m: MediaFactsForPolicy, readable: { library: boolean; published: boolean }) => {
    if (readable.library) return true;
    if (!readable.published) return false;
    if (m.kind !== 'image') return true;
    return a.kind !== 'anonymous' && hasScope(a, 'read:shared');
  },
};

/** How a reader reaches a file: the rules above take it. */
export interface MediaAccess {
  /** in the library view (the owning agency's staff, the DIC/IOC) */
  library: boolean;
  /** through a published item the reader may see */
  published: boolean;
}
