// The content area's items as the editor works on them: language versions (the cached records),
// their history and diffs, the lists, the appraisal queue, and the writes — create, save, add a
// translation, restore a revision and the workflow's transitions. Every write answers the version,
// which replaces its cached copy; the rest of the items' cache goes stale.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call, type Json, type Schemas } from './client';
import type { ItemTransition } from './enums';
import { resourceKeys } from './keys';
import { recordWritten, useApiMutation, type WriteOptions } from './mutation';
import { notificationKeys } from './notifications';
import type { paths } from './schema';

export type WorkingVersion = Schemas['WorkingVersion'];
export type ItemListRow = Schemas['ItemListRow'];
export type ItemQuery = NonNullable<paths['/api/v1/items']['get']['parameters']['query']>;
export type CreateItemBody = Json<paths['/api/v1/items']['post']['requestBody']>;
export type SaveVersionBody = Json<paths['/api/v1/item-versions/{id}']['put']['requestBody']>;
export type Metadata = CreateItemBody['metadata'];
/** What a transition takes besides its name; its exact shape is the server's (see `transition` below). */
export type TransitionBody = Json<NonNullable<paths['/api/v1/item-versions/{id}/transitions/{name}']['post']['requestBody']>>;
export type History = Json<paths['/api/v1/item-versions/{id}/history']['get']['responses'][200]>;
export type Revision = History['revisions'][number];
export type Appraisal = History['appraisals'][number];
export type FieldDiff = Json<paths['/api/v1/item-versions/{id}/diff']['get']['responses'][200]>['fields'][number];

/** Items' keys; a language version is the record (`detail(versionId)`). */
export const itemKeys = {
  ...resourceKeys<ItemQuery>('items'),
  history: (versionId: string) => ['items', 'history', versionId] as const,
  diff: (versionId: string, from: string | null | undefined, to: string | null | undefined) => ['items', 'diff', versionId, from, to] as const,
  appraisalQueue: () => ['items', 'appraisal-queue'] as const,
};

export function useItemPages(query: Omit<ItemQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: itemKeys.pages(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/items', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

/** One page of items; `keepPrevious` keeps the last answer on screen while the next query loads. */
export function useItems(query: ItemQuery, { enabled = true, keepPrevious = false } = {}) {
  return useQuery({
    queryKey: itemKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/items', { params: { query } })),
    enabled,
    staleTime: 0,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: itemKeys.detail(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    // Others move it through the workflow: always fresh when a screen opens.
    staleTime: 0,
  });
}

export function useHistory(id: string | undefined) {
  return useQuery({
    queryKey: itemKeys.history(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}/history', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useDiff(id: string | undefined, from: string | null | undefined, to: string | null | undefined) {
  return useQuery({
    queryKey: itemKeys.diff(id ?? '', from, to),
    queryFn: () => call(api.GET('/api/v1/item-versions/{id}/diff', { params: { path: { id: id! }, query: { from: from!, to: to! } } })),
    enabled: !!id && !!from && !!to && from !== to,
    staleTime: Infinity,
  });
}

/** The versions waiting for appraisal; `poll` asks again every 30 s (the queue's own page). */
export function useAppraisalQueue({ enabled = true, poll = false } = {}) {
  return useQuery({
    queryKey: itemKeys.appraisalQueue(),
    queryFn: () => call(api.GET('/api/v1/appraisal-queue')),
    enabled,
    staleTime: 0,
    refetchInterval: poll ? 30_000 : undefined,
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

export const itemRequests = {
  create: (body: CreateItemBody) => call(api.POST('/api/v1/items', { body })),
  save: ({ id, ...body }: SaveVersionBody & { id: string }) => call(api.PUT('/api/v1/item-versions/{id}', { ...byId(id), body })),
  addTranslation: ({ itemId, ...body }: Json<paths['/api/v1/items/{id}/translations']['post']['requestBody']> & { itemId: string }) =>
    call(api.POST('/api/v1/items/{id}/translations', { ...byId(itemId), body })),
  restore: ({ id, ...body }: Json<paths['/api/v1/item-versions/{id}/restore']['post']['requestBody']> & { id: string }) =>
    call(api.POST('/api/v1/item-versions/{id}/restore', { ...byId(id), body })),
  /** The one place a workflow transition is sent: its body's shape follows the server's schema. */
  transition: ({ id, name, body = {} }: { id: string; name: ItemTransition; body?: TransitionBody }) =>
    call(api.POST('/api/v1/item-versions/{id}/transitions/{name}', { params: { path: { id, name } }, body })),
};

/** A transition also changes who is notified of what. */
const itemWritten = recordWritten<WorkingVersion>(itemKeys, () => [notificationKeys.all]);

export function useItemMutation<TVars>(request: (vars: TVars) => Promise<WorkingVersion>, options?: WriteOptions<WorkingVersion, TVars>) {
  return useApiMutation(request, itemWritten, options);
}
