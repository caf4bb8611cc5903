// The media area's use cases.
export * from './use-cases/ingest.js';
export * from './use-cases/library.js';
export * from './use-cases/delivery.js';
export * from './use-cases/jobs.js';
export { ALLOWED_TYPES, ALLOWED_MIMES, type MediaKind } from './file-types.js';
export { onMediaWork } from './store.js';
export { BlobNotFound } from './storage/index.js';
export type { ShownFile } from './present.js';
