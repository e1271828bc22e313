import type { UserSummary } from '@lastro/protocol';
import type { KeyValueStorage } from './device';

const SESSION_KEY = 'lastro.session';
const USER_ROLES: ReadonlyArray<UserSummary['role']> = ['investor', 'borrower', 'support'];

/** A session token and its user, as kept in `sessionStorage` so a reload resumes without a login. */
export interface StoredSession {
  token: string;
  /** The session's id on the server, when the login reported it. */
  sessionId?: string;
  user: UserSummary;
}

function isUserSummary(value: unknown): value is UserSummary {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const id: unknown = Reflect.get(value, 'id');
  const role: unknown = Reflect.get(value, 'role');
  const name: unknown = Reflect.get(value, 'name');
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof name === 'string' &&
    USER_ROLES.some((known) => known === role)
  );
}

/** Reads the stored session; a missing or malformed entry is removed and returns null. */
export function readStoredSession(storage: KeyValueStorage): StoredSession | null {
  const text = storage.getItem(SESSION_KEY);
  if (text === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const token: unknown = Reflect.get(parsed, 'token');
      const user: unknown = Reflect.get(parsed, 'user');
      const sessionId: unknown = Reflect.get(parsed, 'sessionId');
      if (typeof token === 'string' && token !== '' && isUserSummary(user)) {
        const session: StoredSession = { token, user: { id: user.id, role: user.role, name: user.name } };
        if (typeof sessionId === 'string' && sessionId !== '' && sessionId.length <= 64) session.sessionId = sessionId;
        return session;
      }
    }
  } catch {
    // Malformed JSON is treated like any other invalid entry below.
  }
  storage.removeItem(SESSION_KEY);
  return null;
}

export function writeStoredSession(storage: KeyValueStorage, session: StoredSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearStoredSession(storage: KeyValueStorage): void {
  storage.removeItem(SESSION_KEY);
}
