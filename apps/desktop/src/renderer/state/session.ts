import type { DepositResponse, UserSummary } from '@lastro/protocol';
import { create } from 'zustand';
import { openClient, type LastroClient } from '../engine/client';
import { loginErrorKey } from '../lib/errors';
import { routeHash } from '../lib/routes';
import { resolvePlatform, type Platform } from '../platform';
import { clearStoredSession, readStoredSession, writeStoredSession } from '../platform/session-storage';
import { bindLiveStore, resetLiveStore, useLiveStore } from './live-store';

export type SessionPhase = 'starting' | 'signedOut' | 'signedIn' | 'failed';

export interface SessionState {
  phase: SessionPhase;
  platform: Platform | null;
  user: UserSummary | null;
  loggingIn: boolean;
  /** Translation key of the last login failure, shown under the form. */
  loginErrorKey: string | null;
  /** Reason start-up failed, set when `phase` is `failed`. */
  startupError: string | null;
}

export const useSessionStore = create<SessionState>(() => ({
  phase: 'starting',
  platform: null,
  user: null,
  loggingIn: false,
  loginErrorKey: null,
  startupError: null,
}));

/**
 * The engine client of the current session and its store bindings. One client serves one
 * session: logging out closes it, and the next login opens a new one.
 */
let activeClient: LastroClient | null = null;
let unbindActive: (() => void) | null = null;

function navigate(hash: string): void {
  if (window.location.hash !== hash) {
    window.location.hash = hash;
  }
}

function attach(client: LastroClient): void {
  activeClient = client;
  unbindActive = bindLiveStore(client);
}

async function detach(action: (client: LastroClient) => Promise<void>): Promise<void> {
  const client = activeClient;
  unbindActive?.();
  unbindActive = null;
  activeClient = null;
  resetLiveStore();
  if (client !== null) {
    try {
      await action(client);
    } catch {
      // The server may be unreachable; the local session is discarded either way.
    }
  }
}

function requirePlatform(): Platform {
  const platform = useSessionStore.getState().platform;
  if (platform === null) {
    throw new Error('the platform is not resolved yet: call startSession first');
  }
  return platform;
}

/** Resolves the platform and resumes the session kept in `sessionStorage`, if any. */
export async function startSession(): Promise<void> {
  let platform: Platform;
  try {
    platform = await resolvePlatform();
  } catch (error) {
    useSessionStore.setState({ phase: 'failed', startupError: String(error) });
    return;
  }
  useSessionStore.setState({ platform });

  const stored = readStoredSession(window.sessionStorage);
  if (stored === null) {
    useSessionStore.setState({ phase: 'signedOut' });
    return;
  }
  const client = openClient(platform);
  attach(client);
  try {
    await client.resume(stored);
    useSessionStore.setState({ phase: 'signedIn', user: stored.user });
  } catch {
    clearStoredSession(window.sessionStorage);
    await detach((closing) => closing.close());
    useSessionStore.setState({ phase: 'signedOut' });
    navigate(routeHash({ name: 'login' }));
  }
}

/** Logs in, keeps the session for reloads and opens the dashboard; failures set `loginErrorKey`. */
export async function logIn(email: string, password: string): Promise<void> {
  const platform = requirePlatform();
  useSessionStore.setState({ loggingIn: true, loginErrorKey: null });
  const client = openClient(platform);
  try {
    const user = await client.login(email, password);
    const session = client.session;
    if (session !== null) {
      writeStoredSession(window.sessionStorage, session);
    }
    attach(client);
    useSessionStore.setState({ phase: 'signedIn', user, loggingIn: false });
    navigate(routeHash({ name: 'dashboard' }));
  } catch (error) {
    await client.close().catch(() => undefined);
    useSessionStore.setState({ loggingIn: false, loginErrorKey: loginErrorKey(error) });
  }
}

/** Revokes the session on the server, closes the local database and returns to the login screen. */
export async function logOut(): Promise<void> {
  clearStoredSession(window.sessionStorage);
  await detach((client) => client.logout());
  useSessionStore.setState({ phase: 'signedOut', user: null, loginErrorKey: null });
  navigate(routeHash({ name: 'login' }));
}

/** Leaves a session the server no longer accepts, without calling the server. */
export async function endExpiredSession(): Promise<void> {
  clearStoredSession(window.sessionStorage);
  await detach((client) => client.close());
  useSessionStore.setState({ phase: 'signedOut', user: null });
  navigate(routeHash({ name: 'login' }));
}

/** Returns the engine client of the signed-in session, or throws when no user is signed in. */
export function requireActiveClient(action: string): LastroClient {
  if (activeClient === null) {
    throw new Error(`no active session: log in before ${action}`);
  }
  return activeClient;
}

/** Creates a PIX charge for the signed-in user. */
export async function createDeposit(amountCentavos: number | undefined): Promise<DepositResponse> {
  return requireActiveClient('creating a deposit').createDeposit(amountCentavos);
}

// A session the server rejected cannot come back on reload, so forget its token at once. A
// session ended on purpose (from another device or the Security screen) also leaves the
// screen at once, so the account's data stops showing on this device.
useLiveStore.subscribe((state, previous) => {
  if (state.connection.status === 'unauthorized' && previous.connection.status !== 'unauthorized') {
    clearStoredSession(window.sessionStorage);
    if (state.connection.revoked === true) {
      void endExpiredSession().then(() => useSessionStore.setState({ loginErrorKey: 'login.errors.sessionRevoked' }));
    }
  }
});
