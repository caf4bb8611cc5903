// Signed-in sessions: one's own, or everyone's for admins and IOC security; ending one.
import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { resourceKeys } from './keys';
import { resourceChanged, useApiMutation, type WriteOptions } from './mutation';

export const sessionKeys = resourceKeys<{ all: boolean }>('sessions');

export function useSessions(all: boolean) {
  return useQuery({ queryKey: sessionKeys.list({ all }), queryFn: () => call(api.GET('/api/v1/sessions', { params: { query: all ? { all: true } : {} } })) });
}

export function useRevokeSession(options?: WriteOptions<unknown, string>) {
  return useApiMutation((id: string) => call(api.DELETE('/api/v1/sessions/{id}', { params: { path: { id } } })), resourceChanged(sessionKeys), options);
}
