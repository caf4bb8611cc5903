// API clients (OAuth 2.0 client credentials): the list; admins register and revoke.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json } from './client';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type CreateClientBody = Json<paths['/api/v1/api-clients']['post']['requestBody']>;

export const apiClientKeys = resourceKeys('api-clients');

export function useApiClients() {
  return useQuery({ queryKey: apiClientKeys.lists(), queryFn: () => call(api.GET('/api/v1/api-clients')) });
}

export const apiClientRequests = {
  create: (body: CreateClientBody) => call(api.POST('/api/v1/api-clients', { body })),
  revoke: (id: string) => call(api.POST('/api/v1/api-clients/{id}/revoke', { params: { path: { id } } })),
};

export function useApiClientMutation<TVars, TResult>(request: (vars: TVars) => Promise<TResult>, options?: WriteOptions<TResult, TVars>) {
  return useApiMutation(request, resourceChanged(apiClientKeys), options);
}
