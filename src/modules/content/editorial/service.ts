// The editorial part's use cases: items and their language versions, the appraisal workflow,
// history, taxonomy, freshness, and which items use a media file.
export * from './use-cases/editing.js';
export * from './use-cases/workflow/submission.js';
export * from './use-cases/workflow/appraisal.js';
export * from './use-cases/workflow/publishing.js';
export * from './use-cases/workflow/archive.js';
export * from './use-cases/workflow/transition.js';
export * from './use-cases/reading.js';
export * from './use-cases/taxonomy.js';
export * from './use-cases/freshness.js';
export * from './use-cases/media-usage.js';
export { TRANSITIONS, TRANSITION_NAMES, STATES, type TransitionName } from './workflow.js';
export { findSecrecyMark } from './secrecy.js';
