// The signed-in person's own session and account: sign-in steps, password, second factor, profile.
// The session state lives in the query cache under SESSION_KEY (auth/session.tsx keeps it).
import { api, call, type Json, type SessionState, type User } from './client';
import { queryClient, SESSION_KEY } from './query';
import type { paths } from './schema';

export type ProfileBody = Json<paths['/api/v1/auth/profile']['patch']['requestBody']>;

export const authRequests = {
  session: () => call(api.GET('/api/v1/auth/session')),
  signIn: (body: { login: string; password: string }) => call(api.POST('/api/v1/auth/sign-in', { body })),
  secondFactor: (code: string) => call(api.POST('/api/v1/auth/second-factor', { body: { code } })),
  signOut: () => call(api.POST('/api/v1/auth/sign-out')),
  changePassword: (body: { currentPassword: string; newPassword: string }) => call(api.POST('/api/v1/auth/password', { body })),
  startMfaEnrolment: () => call(api.POST('/api/v1/auth/mfa/enrolment')),
  confirmMfa: (code: string) => call(api.POST('/api/v1/auth/mfa/confirm', { body: { code } })),
  /** Turning the second factor off changes the session's pending steps: the session is read again. */
  disableMfa: async () => {
    await call(api.DELETE('/api/v1/auth/mfa'));
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  },
  /** The profile answers the account, which the cached session then carries. */
  updateProfile: async (body: ProfileBody): Promise<User> => {
    const user = await call(api.PATCH('/api/v1/auth/profile', { body }));
    queryClient.setQueryData<SessionState | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
    return user;
  },
};
