import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { ApiError, get, onUnauthorized, patch, post, setCsrfToken } from '../api/client';
import type { Session, User } from '../api/types';
import { setLanguage } from '../i18n';
import { browserZone, type Lang } from '../time/format';

interface SessionValue {
  user: User | null;
  loading: boolean;
  zone: string;
  lang: Lang;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Re-read the session after the person changed their own profile. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const KEY = ['session'] as const;

async function readSession(): Promise<Session | null> {
  try {
    const s = await get<Session>('/api/v1/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/**
 * A profile nobody has touched yet (a new account, the first owner) takes the language the login page
 * was shown in (the browser's, or the one picked there) and, when it is still UTC, the browser's time
 * zone: a Japanese responder's first login is in Japanese, in Japan time. Once the profile was
 * changed, it wins.
 */
async function adoptBrowserSettings(s: Session): Promise<Session> {
  const u = s.user;
  if (u.updatedAt !== u.createdAt) return s;
  const change: { locale?: Lang; timeZone?: string } = {};
  const shown: Lang = document.documentElement.lang === 'ja' ? 'ja' : 'en';
  if (shown !== u.locale) change.locale = shown;
  const zone = browserZone();
  if (u.timeZone === 'UTC' && zone !== 'UTC') change.timeZone = zone;
  if (!Object.keys(change).length) return s;
  try {
    const user = await patch<User>(`/api/v1/users/${u.id}`, change);
    return { ...s, user };
  } catch {
    return s;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: readSession, staleTime: 5 * 60_000, retry: 1 });
  const user = q.data?.user ?? null;

  useEffect(() => onUnauthorized(() => qc.setQueryData(KEY, null)), [qc]);
  useEffect(() => {
    if (user) setLanguage(user.locale);
  }, [user]);

  const value = useMemo<SessionValue>(
    () => ({
      user,
      loading: q.isPending,
      zone: user?.timeZone ?? browserZone(),
      lang: (user?.locale ?? (document.documentElement.lang === 'ja' ? 'ja' : 'en')) as Lang,
      async login(email, password) {
        let s = await post<Session>('/api/v1/auth/login', { email, password });
        setCsrfToken(s.csrfToken);
        s = await adoptBrowserSettings(s);
        qc.setQueryData(KEY, s);
      },
      async logout() {
        try {
          await post('/api/v1/auth/logout');
        } finally {
          setCsrfToken(null);
          qc.clear();
          qc.setQueryData(KEY, null);
        }
      },
      async refresh() {
        await qc.invalidateQueries({ queryKey: KEY });
      },
    }),
    [user, q.isPending, qc],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in person; only for screens behind the login. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
