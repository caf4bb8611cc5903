// Types and queries of the content area (items, versions, taxonomy, appraisal, notifications).
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client';
import type { paths } from './schema';

export type WorkingVersion = Schemas['WorkingVersion'];
export type ItemListRow = Schemas['ItemListRow'];
export type Topic = Schemas['Topic'];
export type ItemQuery = NonNullable<paths['/api/v1/items']['get']['parameters']['query']>;
export type CreateItemBody = paths['/api/v1/items']['post']['requestBody']['content']['application/json'];
export type SaveVersionBody = paths['/api/v1/item-versions/{id}']['put']['requestBody']['content']['application/json'];
export type Metadata = CreateItemBody['metadata'];
export type TransitionBody = NonNullable<paths['/api/v1/item-versions/{id}/transitions/{name}']['post']['requestBody']>['content']['application/json'];
export type History = paths['/api/v1/item-versions/{id}/history']['get']['responses'][200]['content']['application/json'];
export type Revision = History['revisions'][number];
export type Appraisal = History['appraisals'][number];
export type FieldDiff = paths['/api/v1/item-versions/{id}/diff']['get']['responses'][200]['content']['application/json']['fields'][number];
export type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type SearchResult = paths['/api/v1/search']['get']['responses'][200]['content']['application/json'];
export type ImportStatus = paths['/api/v1/imports/{id}']['get']['responses'][200]['content']['application/json'];
export type Freshness = paths['/api/v1/freshness']['get']['responses'][200]['content']['application/json'];
export type Notification = paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json']['items'][number];

export const VERSION_KEY = (id: string) => ['item-version', id] as const;

export function useTopics(includeArchived = false) {
  return useQuery({
    queryKey: ['topics', { includeArchived }],
    queryFn: () => call(api.GET('/api/v1/topics', { params: { query: includeArchived ? { includeArchived } : {} } })),
    staleTime: 60_000,
  });
}

export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: VERSION_KEY(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    // Others move it through the workflow: always fresh when a screen opens.
    staleTime: 0,
  });
}

export function useHistory(id: string | undefined) {
  return useQuery({
    queryKey: ['item-history', id],
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}/history', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useDiff(id: string | undefined, from: string | null | undefined, to: string | null | undefined) {
  return useQuery({
    queryKey: ['item-diff', id, from, to],
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}/diff', { params: { path: { id: id! }, query: { from: from!, to: to! } } })),
    enabled: !!id && !!from && !!to && from !== to,
    staleTime: Infinity,
  });
}

/** Notifications: polled every 30 s while the app is open. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { limit: 30 } } })),
    refetchInterval: 30_000,
    staleTime: 5_000,
  });
}

export type Meta = paths['/api/v1/meta']['get']['responses'][200]['content']['application/json'];

/** The server's settings (content languages, jurisdiction, freshness period); they change only on redeploy. */
export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => call(api.GET('/api/v1/meta')),
    staleTime: Infinity,
  });
}
