/** The logged-in account: tokens, /user/me and /auth/me/permissions, shared through context. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getTokens, onSessionEnded, setTokens, type ResponseOf, type Tokens } from './api';
import { navigate } from './router';

/** The account signed in (GET /user/me). */
export type Me = ResponseOf<'/api/v1/user/me'>;
export type MenuNode = ResponseOf<'/api/v1/auth/me/permissions'>['menus'][number];
/** The tokens of a sign-in (password, SMS, scan-to-login); what else it says is the login page's business. */
export type LoginResult = Tokens;

type Status = 'anonymous' | 'loading' | 'ready';

export interface Session {
  status: Status;
  me: Me | null;
  permissions: ReadonlySet<string>;
  menus: MenuNode[];
  /** stores the tokens of a login answer and loads the account */
  login: (result: LoginResult) => Promise<void>;
  /** reloads /user/me and the permissions (after a change of level, phone…) */
  reload: () => Promise<void>;
  /** ends this session (or every session of the account) and shows the login page */
  logout: (everywhere?: boolean) => Promise<void>;
  /** forgets the session locally without calling the server (after deactivation or password change) */
  forget: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The unit an agent acts for: the first of its units. */
export function currentUnit(me: Me | null): Me['units'][number] | null {
  return me?.units[0] ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (getTokens() ? 'loading' : 'anonymous'));
  const [me, setMe] = useState<Me | null>(null);
  const [permissions, setPermissions] = useState<ReadonlySet<string>>(new Set());
  const [menus, setMenus] = useState<MenuNode[]>([]);

  const forget = useCallback(() => {
    setTokens(null);
    setMe(null);
    setPermissions(new Set());
    setMenus([]);
    setStatus('anonymous');
  }, []);

  const reload = useCallback(async () => {
    if (!getTokens()) {
      forget();
      return;
    }
    try {
      const [profile, perms] = await Promise.all([
        api.get('/api/v1/user/me'),
        api.get('/api/v1/auth/me/permissions').catch(() => ({ permissions: [], menus: [] })),
      ]);
      setMe(profile);
      setPermissions(new Set(perms.permissions));
      setMenus(perms.menus);
      setStatus('ready');
    } catch {
      forget();
    }
  }, [forget]);

  const login = useCallback(
    async (result: LoginResult) => {
      setTokens({ accessToken: result.accessToken, refreshToken: result.refreshToken, expiresIn: result.expiresIn });
      setStatus('loading');
      await reload();
    },
    [reload],
  );

  const logout = useCallback(
    async (everywhere = false) => {
      try {
        await (everywhere ? api.post('/api/v1/auth/logout-all') : api.post('/api/v1/auth/logout'));
      } catch {
        // the local session ends anyway
      }
      forget();
      navigate('/login');
    },
    [forget],
  );

  useEffect(() => {
    if (getTokens()) void reload();
  }, [reload]);

  useEffect(
    () =>
      onSessionEnded(() => {
        forget();
        navigate('/login?expired=1');
      }),
    [forget],
  );

  const value = useMemo<Session>(
    () => ({ status, me, permissions, menus, login, reload, logout, forget }),
    [status, me, permissions, menus, login, reload, logout, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
