// The appraisal workflow, declared once (states, transitions, who may take each). Each transition
// is a named use case in use-cases/workflow/, which takes it under one guard (guard.ts) that applies
// this declaration and the policy; the API, the admin app, the CLI and the scheduler all go there.
import type { Role } from '../../../core/actor.js';

export const STATES = ['draft', 'submitted', 'returned', 'approved', 'published', 'unpublished', 'archived'] as const;
export type State = (typeof STATES)[number];

/**
 * Who may take a transition:
 * - `editor`: the owning agency's contributors, and appraisers (the DIC also writes)
 * - `appraiser`: DIC appraisers
 * - `scheduler`: the system scheduler (scheduled publishing)
 */
export type Taker = 'editor' | 'appraiser' | 'scheduler';

export interface Transition {
  from: readonly State[];
  to: State;
  by: readonly Taker[];
  summary: { vi: string; en: string };
}

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: ['editor'], summary: { vi: 'Gửi thẩm định', en: 'Submit for appraisal' } },
  withdraw: { from: ['submitted'], to: 'draft', by: ['editor'], summary: { vi: 'Rút lại', en: 'Withdraw' } },
  return: { from: ['submitted'], to: 'returned', by: ['appraiser'], summary: { vi: 'Trả lại', en: 'Return to author' } },
  approve: { from: ['submitted'], to: 'approved', by: ['appraiser'], summary: { vi: 'Duyệt', en: 'Approve' } },
  publish: { from: ['approved'], to: 'published', by: ['appraiser', 'scheduler'], summary: { vi: 'Công bố', en: 'Publish' } },
  unpublish: {
    from: ['published', 'draft', 'returned', 'submitted', 'approved'],
    to: 'unpublished',
    by: ['appraiser'],
    summary: { vi: 'Gỡ xuống', en: 'Unpublish' },
  },
  archive: { from: ['draft', 'returned', 'unpublished'], to: 'archived', by: ['editor'], summary: { vi: 'Lưu trữ', en: 'Archive' } },
  restore: { from: ['archived'], to: 'draft', by: ['editor'], summary: { vi: 'Khôi phục', en: 'Restore' } },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** States in which the working copy may be edited (a published one gets a new draft revision). */
export const EDITABLE_STATES: readonly State[] = ['draft', 'returned', 'approved', 'published', 'unpublished'];

export const EDITOR_ROLES: readonly Role[] = ['contributor', 'appraiser'];
