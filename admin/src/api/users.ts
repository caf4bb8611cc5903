// Accounts: the list (with filters), one account, and the admins' writes. Writes that answer the
// account replace its cached copy; the others (a new password, ended sessions) refresh it.
import { useQuery } from '@tanstack/react-query';
import { api, call, type Json, type User } from './client';
import { resourceKeys } from './keys';
import { recordWritten, resourceChanged, useApiMutation, type WriteOptions } from './mutation';
import type { paths } from './schema';

export type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type CreateUserBody = Json<paths['/api/v1/users']['post']['requestBody']>;
export type UpdateUserBody = Json<paths['/api/v1/users/{id}']['patch']['requestBody']>;

export const userKeys = resourceKeys<UserQuery>('users');

export function useUsers(query: UserQuery = {}, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/users', { params: { query } })),
    enabled,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

const byId = (id: string) => ({ params: { path: { id } } });

/** Writes that answer the account. */
export const userRequests = {
  update: ({ id, ...body }: UpdateUserBody & { id: string }) => call(api.PATCH('/api/v1/users/{id}', { ...byId(id), body })),
  enable: (id: string) => call(api.POST('/api/v1/users/{id}/enable', byId(id))),
  disable: (id: string) => call(api.POST('/api/v1/users/{id}/disable', byId(id))),
  unlock: (id: string) => call(api.POST('/api/v1/users/{id}/unlock', byId(id))),
};

/** Writes that answer something else: the account is read again. */
export const userActionRequests = {
  create: (body: CreateUserBody) => call(api.POST('/api/v1/users', { body })),
  resetPassword: (id: string) => call(api.POST('/api/v1/users/{id}/reset-password', { ...byId(id), body: {} })),
  resetMfa: (id: string) => call(api.POST('/api/v1/users/{id}/reset-mfa', byId(id))),
  revokeSessions: (id: string) => call(api.POST('/api/v1/users/{id}/revoke-sessions', byId(id))),
};

export function useUserMutation<TVars>(request: (vars: TVars) => Promise<User>, options?: WriteOptions<User, TVars>) {
  return useApiMutation(request, recordWritten<User>(userKeys), options);
}

export function useUserActionMutation<TVars, TResult>(request: (vars: TVars) => Promise<TResult>, options?: WriteOptions<TResult, TVars>) {
  return useApiMutation(request, resourceChanged(userKeys), options);
}
