// The published part's use cases: the one read model of published content that the open API, the
// portal, feeds, sitemaps, the changes stream, webhooks and the national export consume.
export * from './use-cases/public-reading.js';
export * from './use-cases/libraries.js';
export * from './use-cases/highlights.js';
export type { PublishedCard, PublishedForm } from './present.js';
export {
  listChanges,
  encodeChangeCursor,
  viewOfChange,
  changeReaderOf,
  readChangeRows,
  MAX_CHANGES_LIMIT,
  type ChangeReader,
  type ChangeRow,
  type ChangeEvent,
  type ChangeView,
  type ChangesInput,
} from './use-cases/changes.js';
export * from './use-cases/published-api.js';
export * from './use-cases/national-export.js';
