// The API's enumerations, typed from the generated schema (schema.d.ts): each list names every
// member of the schema's union once, in the order the app shows them. A member the server adds or
// drops is a compile error here, not a select that silently lacks an option.
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ItemBody = JsonBody<paths['/api/v1/items']['post']['requestBody']>;
type ItemMetadata = ItemBody['metadata'];
type ItemQuery = NonNullable<paths['/api/v1/items']['get']['parameters']['query']>;
type TokenBody = JsonBody<paths['/api/v1/tokens']['post']['requestBody']>;
type ClientBody = JsonBody<paths['/api/v1/api-clients']['post']['requestBody']>;
type WebhookBody = JsonBody<paths['/api/v1/webhooks']['post']['requestBody']>;

type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;

/**
 * `enumOf<U>()(list)`: `list` as it is, checked to hold only members of `U` (the schema's union)
 * and every one of them.
 */
export const enumOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Missing<U, L>] extends [never] ? unknown : { missing: Missing<U, L> })): L =>
    list;

export type ItemKind = ItemBody['kind'];
export type ItemState = NonNullable<ItemQuery['state']>;
export type Visibility = NonNullable<ItemMetadata['visibility']>;
export type Licence = NonNullable<ItemMetadata['licence']>;
export type DocumentType = NonNullable<NonNullable<ItemMetadata['document']>['documentType']>;
export type ClaimRating = NonNullable<NonNullable<ItemMetadata['claim']>['rating']>;
export type ItemTransition = paths['/api/v1/item-versions/{id}/transitions/{name}']['post']['parameters']['path']['name'];
export type MediaKind = Schemas['Media']['kind'];
export type AgencyType = Schemas['Agency']['type'];
export type AgencyFunction = NonNullable<Schemas['Agency']['functions']>[number];
export type RoleName = Schemas['User']['role'];
export type TokenScope = TokenBody['scopes'][number];
export type ClientScope = ClientBody['scopes'][number];
export type CaseStatus = Schemas['Case']['status'];
export type CaseSeverity = Schemas['Case']['severity'];
export type ResponseForm = Schemas['CaseResponse']['form'];
export type CaseTransition = Schemas['Case']['allowed']['transitions'][number];
export type WebhookEvent = WebhookBody['events'][number];

export const KINDS = enumOf<ItemKind>()(['news', 'photo_album', 'video', 'document', 'publication', 'profile_page', 'clarification']);
export const STATES = enumOf<ItemState>()(['draft', 'submitted', 'returned', 'approved', 'published', 'unpublished', 'archived']);
export const VISIBILITIES = enumOf<Visibility>()(['public', 'shared', 'internal']);
export const LICENCES = enumOf<Licence>()(['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved']);
export const DOCUMENT_TYPES = enumOf<DocumentType>()(['decision', 'directive', 'plan', 'report', 'official_letter', 'circular', 'decree', 'law', 'other']);
/** How false a clarified claim is (schema.org ClaimReview's rating), worst first. */
export const CLAIM_RATINGS = enumOf<ClaimRating>()(['false', 'distorted', 'misleading', 'partly_false', 'missing_context']);
/** The workflow's transitions in the order the editor offers them. */
export const TRANSITION_ORDER = enumOf<ItemTransition>()(['submit', 'withdraw', 'return', 'approve', 'publish', 'unpublish', 'archive', 'restore']);
export const MEDIA_KINDS = enumOf<MediaKind>()(['image', 'video', 'document']);
// Districts were abolished in July 2025: still a valid type for older records, listed last.
export const AGENCY_TYPES = enumOf<AgencyType>()(['department', 'commune', 'public_service_unit', 'central_agency', 'press', 'other', 'district']);
export const AGENCY_FUNCTIONS = enumOf<AgencyFunction>()(['contribute', 'exploit', 'answer_cases']);
export const ROLE_LIST = enumOf<RoleName>()(['admin', 'appraiser', 'security', 'contributor', 'reader']);
/** What an API client may be granted: the schema's scopes but `admin`, which the server never gives a client. */
export const CLIENT_SCOPES = ['read:public', 'read:shared', 'write:own'] as const satisfies readonly Exclude<ClientScope, 'admin'>[];
export const CASE_STATUSES = enumOf<CaseStatus>()([
  'opened',
  'agencies_notified',
  'material_received',
  'clarification_published',
  'closed_without_publication',
  'closed',
]);
export const SEVERITIES = enumOf<CaseSeverity>()(['low', 'medium', 'high', 'critical']);
export const RESPONSE_FORMS = enumOf<ResponseForm>()(['press_release', 'spokesperson_statement', 'press_briefing', 'agency_portal_post', 'press_information']);
export const WEBHOOK_EVENTS = enumOf<WebhookEvent>()(['published', 'updated', 'unpublished', 'deleted']);
