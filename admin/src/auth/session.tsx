// The signed-in state: GET /auth/session, kept in the query cache, plus the one-time screens
// (recovery codes) that must survive the session state changing underneath them.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, call, setAuthProblemListener, setCsrfToken, type SessionState } from '../api/client';
import { queryClient, SESSION_KEY } from '../api/query';
import { hasStoredLang, setLang } from '../i18n';

type Role = 'admin' | 'appraiser' | 'security' | 'contributor' | 'reader';
export const ROLES: readonly Role[] = ['admin', 'appraiser', 'security', 'contributor', 'reader'];
export const MFA_REQUIRED_ROLES: readonly string[] = ['admin', 'appraiser', 'security'];
/** The scopes each role can hold at most (mirrors the server's ROLE_SCOPES). */
export const ROLE_SCOPES: Record<string, readonly string[]> = {
  admin: ['read:public', 'read:shared', 'write:own', 'admin'],
  appraiser: ['read:public', 'read:shared', 'write:own'],
  security: ['read:public', 'read:shared', 'admin'],
  contributor: ['read:public', 'read:shared', 'write:own'],
  reader: ['read:public', 'read:shared'],
};
export type { Role };

// Keep the CSRF token in step with every change of the cached session, synchronously.
queryClient.getQueryCache().subscribe((event) => {
  if (event.query.queryKey[0] !== SESSION_KEY[0]) return;
  const state = event.query.state.data as SessionState | null | undefined;
  setCsrfToken(state?.csrfToken ?? null);
});

export function applySession(state: SessionState | null) {
  setCsrfToken(state?.csrfToken ?? null);
  if (state && !hasStoredLang() && (state.user.locale === 'vi' || state.user.locale === 'en')) setLang(state.user.locale, false);
  queryClient.setQueryData(SESSION_KEY, state);
}

async function fetchSession(): Promise<SessionState | null> {
  try {
    const s = await call(api.GET('/api/v1/auth/session'));
    if (!hasStoredLang() && (s.user.locale === 'vi' || s.user.locale === 'en')) setLang(s.user.locale, false);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export type AuthNotice = 'signedOut' | 'sessionEnded' | null;

interface AuthContextValue {
  state: SessionState | null;
  recoveryCodes: string[] | null;
  showRecoveryCodes: (codes: string[] | null) => void;
  notice: AuthNotice;
  setNotice: (n: AuthNotice) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

export function AuthProvider({ state, children }: { state: SessionState | null; children: ReactNode }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<AuthNotice>(null);

  useEffect(() => {
    setAuthProblemListener((status) => {
      if (status === 401) {
        const wasSignedIn = !!queryClient.getQueryData(SESSION_KEY);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        applySession(null);
        if (wasSignedIn) setNotice('sessionEnded');
      } else {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }
    });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await call(api.POST('/api/v1/auth/sign-out'));
    } catch {
      /* signed out either way: the cookie is gone or the session already ended */
    }
    setRecoveryCodes(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    applySession(null);
    setNotice('signedOut');
  }, []);

  const value = useMemo(
    () => ({ state, recoveryCodes, showRecoveryCodes: setRecoveryCodes, notice, setNotice, signOut }),
    [state, recoveryCodes, notice, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user with no pending step; only rendered inside the signed-in app. */
export function useMe() {
  const { state } = useAuth();
  if (!state) throw new Error('useMe without a session');
  const role = state.user.role as Role;
  return {
    user: state.user,
    session: state.session,
    role,
    isAdmin: role === 'admin',
    isSecurity: role === 'security',
    /** DIC and IOC staff see every agency's accounts. */
    seesAllAgencies: role === 'admin' || role === 'appraiser' || role === 'security',
    readsAudit: role === 'admin' || role === 'security',
  };
}
