// Webhook subscriptions: the caller's (everyone's, read only, for the DIC), each one's delivery
// log, and the owner's writes. Pings answer a result and change nothing cached.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type Subscription = Json<paths['/api/v1/webhooks/{id}']['get']['responses'][200]>;
export type SubscriptionWithSecret = Json<paths['/api/v1/webhooks']['post']['responses'][201]>;
export type Delivery = Json<paths['/api/v1/webhooks/{id}/deliveries']['get']['responses'][200]>['items'][number];
export type PingResult = Json<paths['/api/v1/webhooks/{id}/ping']['post']['responses'][200]>;
export type CreateWebhookBody = Json<paths['/api/v1/webhooks']['post']['requestBody']>;

/** The prefix the server gives `disabledReason` when it disabled a subscription after repeated failures. */
export const DISABLED_FOR_FAILURES = 'delivery_failures';

export const webhookKeys = {
  ...resourceKeys('webhooks'),
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
};

export function useWebhookPages() {
  return useInfiniteQuery({
    queryKey: webhookKeys.pages({}),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/webhooks', { params: { query: { after: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDeliveryPages(id: string) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(id),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { before: pageParam, limit: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // the dispatcher and the sender run every 30 s: follow pending deliveries closely until they settle
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 5_000 : 30_000),
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

export const webhookRequests = {
  create: (body: CreateWebhookBody) => call(api.POST('/api/v1/webhooks', { body })),
  setActive: ({ id, active }: { id: string; active: boolean }) => call(api.PATCH('/api/v1/webhooks/{id}', { ...byId(id), body: { active } })),
  rotateSecret: (id: string) => call(api.POST('/api/v1/webhooks/{id}/rotate-secret', byId(id))),
  remove: (id: string) => call(api.DELETE('/api/v1/webhooks/{id}', byId(id))),
  redeliver: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
    call(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } })),
  /** A test delivery: its result is shown, nothing is stored. */
  ping: (id: string) => call(api.POST('/api/v1/webhooks/{id}/ping', byId(id))),
};

export function useWebhookMutation<TVars, TResult>(request: (vars: TVars) => Promise<TResult>, options?: WriteOptions<TResult, TVars>) {
  return useApiMutation(request, resourceChanged(webhookKeys), options);
}
