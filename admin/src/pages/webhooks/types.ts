// The webhooks API's shapes as the admin app uses them (from the generated OpenAPI types).
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Subscription = Json<paths['/api/v1/webhooks/{id}']['get']['responses'][200]>;
export type SubscriptionWithSecret = Json<paths['/api/v1/webhooks']['post']['responses'][201]>;
export type Delivery = Json<paths['/api/v1/webhooks/{id}/deliveries']['get']['responses'][200]>['items'][number];
export type PingResult = Json<paths['/api/v1/webhooks/{id}/ping']['post']['responses'][200]>;

export const WEBHOOK_EVENTS = ['published', 'updated', 'unpublished', 'deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The prefix the server gives `disabledReason` when it disabled a subscription after repeated failures. */
export const DISABLED_FOR_FAILURES = 'delivery_failures';
