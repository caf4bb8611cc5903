// The signed-in state: GET /auth/session, kept in the query cache, plus the one-time screens
// (recovery codes) that must survive the session state changing underneath them.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { authRequests, forgetSession, readSession, refreshSession } from '../api/auth';
import { setAuthProblemListener, type SessionState } from '../api/client';
import { queryClient, SESSION_KEY } from '../api/query';

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
  return useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: Infinity });
}

export function AuthProvider({ state, children }: { state: SessionState | null; children: ReactNode }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<AuthNotice>(null);

  useEffect(() => {
    setAuthProblemListener((status) => {
      if (status === 401) {
        const wasSignedIn = !!queryClient.getQueryData(SESSION_KEY);
        forgetSession();
        if (wasSignedIn) setNotice('sessionEnded');
      } else {
        void refreshSession();
      }
    });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authRequests.signOut();
    } catch {
      /* signed out either way: the cookie is gone or the session already ended */
    }
    setRecoveryCodes(null);
    forgetSession();
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
