// Agencies: the list (with filters), one agency, and the admins' writes, each answering the agency.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Agency, type Json } from './client';
import { resourceKeys } from './keys';
import { recordWritten, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type AgencyQuery = NonNullable<paths['/api/v1/agencies']['get']['parameters']['query']>;
export type CreateAgencyBody = Json<paths['/api/v1/agencies']['post']['requestBody']>;
export type UpdateAgencyBody = Json<paths['/api/v1/agencies/{id}']['patch']['requestBody']>;

export const agencyKeys = resourceKeys<AgencyQuery>('agencies');

export function useAgencies(query: AgencyQuery = {}, enabled = true) {
  return useQuery({
    queryKey: agencyKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/agencies', { params: { query } })),
    enabled,
  });
}

export function useAgency(id: string | undefined) {
  return useQuery({
    queryKey: agencyKeys.detail(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/agencies/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

export const agencyRequests = {
  create: (body: CreateAgencyBody) => call(api.POST('/api/v1/agencies', { body })),
  update: ({ id, ...body }: UpdateAgencyBody & { id: string }) => call(api.PATCH('/api/v1/agencies/{id}', { ...byId(id), body })),
  archive: (id: string) => call(api.POST('/api/v1/agencies/{id}/archive', byId(id))),
  restore: (id: string) => call(api.POST('/api/v1/agencies/{id}/restore', byId(id))),
};

export function useAgencyMutation<TVars>(request: (vars: TVars) => Promise<Agency>, options?: WriteOptions<Agency, TVars>) {
  return useApiMutation(request, recordWritten<Agency>(agencyKeys), options);
}
