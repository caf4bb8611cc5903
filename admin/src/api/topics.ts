// Topics (the taxonomy items are filed under): the list, and the DIC's writes.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json, type Schemas } from './client';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type Topic = Schemas['Topic'];
export type CreateTopicBody = Json<paths['/api/v1/topics']['post']['requestBody']>;
export type UpdateTopicBody = Json<paths['/api/v1/topics/{id}']['patch']['requestBody']>;

export const topicKeys = resourceKeys<{ includeArchived: boolean }>('topics');

export function useTopics(includeArchived = false) {
  return useQuery({
    queryKey: topicKeys.list({ includeArchived }),
    queryFn: () => call(api.GET('/api/v1/topics', { params: { query: includeArchived ? { includeArchived } : {} } })),
    staleTime: 60_000,
  });
}

export const topicRequests = {
  create: (body: CreateTopicBody) => call(api.POST('/api/v1/topics', { body })),
  update: ({ id, ...body }: UpdateTopicBody & { id: string }) => call(api.PATCH('/api/v1/topics/{id}', { params: { path: { id } }, body })),

  /** New positions 0..n-1 in `order`, written one topic at a time (only those that move). */
  renumber: async (order: readonly Topic[]) => {
    for (const [position, x] of order.entries()) if (x.position !== position) await topicRequests.update({ id: x.id, version: x.version, position });
  },
};

/** The list is read again after any write, even one that failed halfway through a renumbering. */
export function useTopicMutation<TVars, TResult>(request: (vars: TVars) => Promise<TResult>, options?: WriteOptions<TResult, TVars>) {
  return useApiMutation(request, { ...resourceChanged(topicKeys), evenOnError: true }, options);
}
