// The content area's use cases.
export * from './use-cases/editing.js';
export * from './use-cases/transitions.js';
export * from './use-cases/reading.js';
export * from './use-cases/taxonomy.js';
export * from './use-cases/search.js';
export * from './use-cases/freshness.js';
export * from './use-cases/import.js';
export * from './use-cases/synthetic.js';
export { TEMPLATE_COLUMNS, type ImportFormat } from './import-format.js';
export { KINDS, VISIBILITIES, LICENCES, DOCUMENT_TYPES, CLAIM_RATINGS, type ClaimFields, type ItemMetadata, type VersionText, type Kind, type Visibility } from './model.js';
export { TRANSITIONS, TRANSITION_NAMES, STATES, type TransitionName } from './workflow.js';
export * from './use-cases/media-usage.js';
export * from './use-cases/public-reading.js';
export * from './use-cases/clarifications.js';
export { listChanges, encodeChangeCursor, MAX_CHANGES_LIMIT, type ChangeEvent, type ChangeView, type ChangesInput } from './use-cases/changes.js';
export * from './use-cases/published-api.js';
export { contentPolicy, readablePublishedVisibilities, readableWorkingAgencies } from './policy.js';
export { findSecrecyMark } from './secrecy.js';
