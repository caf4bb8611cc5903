// The person's notifications: polled every 30 s while the app is open; read one or all.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { resourceChanged, useApiMutation } from './mutation';
import type { paths } from './schema';

export type Notification = Json<paths['/api/v1/notifications']['get']['responses'][200]>['items'][number];

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { limit: 30 } } })),
    refetchInterval: 30_000,
    staleTime: 5_000,
  });
}

/** Marks one notification read (`id`), or all of them (no id). */
export function useReadNotifications() {
  return useApiMutation(
    (id: string | undefined) =>
      call(id ? api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }) : api.POST('/api/v1/notifications/read-all')),
    resourceChanged(notificationKeys),
  );
}
