// Queries shared by several screens.
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { paths } from './schema';

export type AgencyQuery = NonNullable<paths['/api/v1/agencies']['get']['parameters']['query']>;
export type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

export function useAgencies(query: AgencyQuery = {}, enabled = true) {
  return useQuery({
    queryKey: ['agencies', query],
    queryFn: () => call(api.GET('/api/v1/agencies', { params: { query } })),
    enabled,
  });
}

export function useAgency(id: string | undefined) {
  return useQuery({
    queryKey: ['agency', id],
    queryFn: () => call(api.GET('/api/v1/agencies/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useUsers(query: UserQuery = {}, enabled = true) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query } })),
    enabled,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: ['user', id],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
