import type { LoginRiskReason } from '@lastro/domain';
import type { SqliteDatabase } from './database.js';

/** A login attempt as recorded for scoring later logins. */
export interface LoginAttempt {
  userId: string | null;
  email: string;
  network: string | null;
  deviceId: string;
  succeeded: boolean;
  at: string;
}

/** A risky login. */
export interface SecurityEvent {
  id: string;
  userId: string;
  sessionId: string;
  kind: 'suspicious_login';
  reasons: LoginRiskReason[];
  network: string | null;
  createdAt: string;
}

/** Login attempts and security events (tables `login_attempts` and `security_events`). */
export interface SecurityRepository {
  recordAttempt(attempt: LoginAttempt): void;
  /** Counts the failed attempts on the account after `after`. */
  countFailures(userId: string, after: string): number;
  /** Lists the networks of the user's successful logins after `after`. */
  knownNetworks(userId: string, after: string): string[];
  insertEvent(event: SecurityEvent): void;
  /** Lists the suspicious sessions of the user that the user has not confirmed, by session id. */
  suspiciousSessionIds(userId: string): Set<string>;
  /** Records that the user confirmed a suspicious login as their own; returns false when nothing was left to confirm. */
  confirmSession(userId: string, sessionId: string, at: string): boolean;
}

export function createSqliteSecurityRepository(db: SqliteDatabase): SecurityRepository {
  const insertAttempt = db.prepare(
    `INSERT INTO login_attempts (user_id, email, network, device_id, succeeded, at)
     VALUES (@userId, @email, @network, @deviceId, @succeeded, @at)`,
  );
  const failures = db.prepare('SELECT COUNT(*) AS count FROM login_attempts WHERE user_id = ? AND succeeded = 0 AND at > ?');
  const networks = db.prepare(
    'SELECT DISTINCT network FROM login_attempts WHERE user_id = ? AND succeeded = 1 AND at > ? AND network IS NOT NULL',
  );
  const insertEvent = db.prepare(
    `INSERT INTO security_events (id, user_id, session_id, kind, reasons, network, created_at)
     VALUES (@id, @userId, @sessionId, @kind, @reasons, @network, @createdAt)`,
  );
  const suspicious = db.prepare(
    "SELECT session_id FROM security_events WHERE user_id = ? AND kind = 'suspicious_login' AND confirmed_at IS NULL",
  );
  const confirm = db.prepare(
    "UPDATE security_events SET confirmed_at = ? WHERE user_id = ? AND session_id = ? AND kind = 'suspicious_login' AND confirmed_at IS NULL",
  );
  return {
    recordAttempt: (attempt) => void insertAttempt.run({ ...attempt, succeeded: attempt.succeeded ? 1 : 0 }),
    countFailures: (userId, after) => (failures.get(userId, after) as { count: number }).count,
    knownNetworks: (userId, after) => (networks.all(userId, after) as { network: string }[]).map((row) => row.network),
    insertEvent: (event) => void insertEvent.run({ ...event, reasons: JSON.stringify(event.reasons) }),
    suspiciousSessionIds: (userId) => new Set((suspicious.all(userId) as { session_id: string }[]).map((row) => row.session_id)),
    confirmSession: (userId, sessionId, at) => confirm.run(at, userId, sessionId).changes > 0,
  };
}
