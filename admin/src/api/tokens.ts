// Personal API tokens: one's own (everyone's for admins and IOC security); create, revoke.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type CreateTokenBody = Json<paths['/api/v1/tokens']['post']['requestBody']>;

export const tokenKeys = resourceKeys<{ all: boolean }>('tokens');

export function useTokens(all: boolean) {
  return useQuery({ queryKey: tokenKeys.list({ all }), queryFn: () => call(api.GET('/api/v1/tokens', { params: { query: all ? { all: true } : {} } })) });
}

export const tokenRequests = {
  create: (body: CreateTokenBody) => call(api.POST('/api/v1/tokens', { body })),
  revoke: (id: string) => call(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
};

export function useTokenMutation<TVars, TResult>(request: (vars: TVars) => Promise<TResult>, options?: WriteOptions<TResult, TVars>) {
  return useApiMutation(request, resourceChanged(tokenKeys), options);
}
