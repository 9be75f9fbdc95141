import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import { keys } from '../api/queryKeys';
import type { Token, User } from '../api/types';
import { endSession, getToken, startSession, subscribe } from './session';

interface AuthValue {
  token: string | null;
  user: User | undefined;
  userError: unknown;
  userLoading: boolean;
  refetchUser: () => void;
  loggedIn: (token: Token) => void;
  logout: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => getToken());

  useEffect(
    () =>
      subscribe((next) => {
        setToken(next);
        if (!next) queryClient.clear();
      }),
    [queryClient],
  );

  const me = useQuery({
    queryKey: keys.me(token),
    queryFn: async ({ signal }) => (await call(api.GET('/api/v1/users/me', { signal }))).data,
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });

  const loggedIn = useCallback((t: Token) => startSession(t.access_token, t.expires_in), []);
  const logout = useCallback(() => endSession('logout'), []);

  const value = useMemo<AuthValue>(
    () => ({
      token,
      user: token ? me.data : undefined,
      userError: me.error,
      userLoading: token !== null && me.isPending,
      refetchUser: () => void me.refetch(),
      loggedIn,
      logout,
    }),
    [token, me.data, me.error, me.isPending, me.refetch, loggedIn, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
