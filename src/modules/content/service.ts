// The content area's face: other areas, the portal, jobs and the CLI use content only through
// this file. Each part (editorial, published, search, import) has its own small face.
export * from './editorial/service.js';
export * from './published/service.js';
export * from './search/service.js';
export * from './import/service.js';
export { TEMPLATE_COLUMNS, type ImportFormat } from './import/format.js';
export {
  KINDS,
  VISIBILITIES,
  LICENCES,
  DOCUMENT_TYPES,
  CLAIM_RATINGS,
  type ClaimFields,
  type ItemMetadata,
  type VersionText,
  type Kind,
  type Visibility,
} from './model.js';
export { contentPolicy, readablePublishedVisibilities, readableWorkingAgencies } from './policy.js';
