// The signed-in person's own session and account: sign-in steps, password, second factor, profile.
// The session state lives in the query cache under SESSION_KEY; the CSRF token and the UI
// language follow it (auth/session.tsx provides it to the app).
import { hasStoredLang, setLang } from '../i18n';
import { api, ApiError, call, setCsrfToken, type Json, type SessionState, type User } from './client';
import { queryClient, SESSION_KEY } from './query';
import type { paths } from './schema';

export type ProfileBody = Json<paths['/api/v1/auth/profile']['patch']['requestBody']>;

// Keep the CSRF token in step with every change of the cached session, synchronously.
queryClient.getQueryCache().subscribe((event) => {
  if (event.query.queryKey[0] !== SESSION_KEY[0]) return;
  const state = event.query.state.data as SessionState | null | undefined;
  setCsrfToken(state?.csrfToken ?? null);
});

const accountLocale = (state: SessionState | null) => (state && (state.user.locale === 'vi' || state.user.locale === 'en') ? state.user.locale : null);

/** A session state a sign-in step answered (or none): cached, with its CSRF token and, unless the person chose one on this browser, its language. */
export function applySession(state: SessionState | null) {
  setCsrfToken(state?.csrfToken ?? null);
  const locale = accountLocale(state);
  if (locale && !hasStoredLang()) setLang(locale, false);
  queryClient.setQueryData(SESSION_KEY, state);
}

/** The session state now (null when signed out). */
export async function readSession(): Promise<SessionState | null> {
  try {
    const state = await call(api.GET('/api/v1/auth/session'));
    const locale = accountLocale(state);
    if (locale && !hasStoredLang()) setLang(locale, false);
    return state;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** A sign-in step became pending or was done elsewhere: the session is read again (`wait` for the answer). */
export const refreshSession = ({ wait = false } = {}) =>
  wait ? queryClient.refetchQueries({ queryKey: SESSION_KEY }) : queryClient.invalidateQueries({ queryKey: SESSION_KEY });

/** Signed out: nothing cached for the previous person survives, the session entry (now empty) aside. */
export function forgetSession() {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  applySession(null);
}

export const authRequests = {
  signIn: (body: { login: string; password: string }) => call(api.POST('/api/v1/auth/sign-in', { body })),
  secondFactor: (code: string) => call(api.POST('/api/v1/auth/second-factor', { body: { code } })),
  signOut: () => call(api.POST('/api/v1/auth/sign-out')),
  changePassword: (body: { currentPassword: string; newPassword: string }) => call(api.POST('/api/v1/auth/password', { body })),
  startMfaEnrolment: () => call(api.POST('/api/v1/auth/mfa/enrolment')),
  confirmMfa: (code: string) => call(api.POST('/api/v1/auth/mfa/confirm', { body: { code } })),
  /** Turning the second factor off changes the session's pending steps: the session is read again. */
  disableMfa: async () => {
    await call(api.DELETE('/api/v1/auth/mfa'));
    await refreshSession();
  },
  /** The profile answers the account, which the cached session then carries. */
  updateProfile: async (body: ProfileBody): Promise<User> => {
    const user = await call(api.PATCH('/api/v1/auth/profile', { body }));
    queryClient.setQueryData<SessionState | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
    return user;
  },
};
