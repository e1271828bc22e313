import { randomUUID } from 'node:crypto';
import { FAILED_ATTEMPT_WINDOW_MS, KNOWN_NETWORK_MS, networkPrefix, scoreLogin, type LoginRisk } from '@lastro/domain';
import type { Device } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { Store } from '../db/store.js';
import { createNotifications } from '../notifications/collect.js';
import { suspiciousLoginTexts } from '../notifications/texts.js';

/** Records a failed login attempt; `userId` is null for an unknown e-mail. Call inside a transaction. */
export function recordFailedLogin(store: Store, attempt: { userId: string | null; email: string; ip: string; deviceId: string }, now: Date): void {
  store.security.recordAttempt({
    userId: attempt.userId,
    email: attempt.email,
    network: networkPrefix(attempt.ip),
    deviceId: attempt.deviceId,
    succeeded: false,
    at: now.toISOString(),
  });
}

/**
 * Scores a successful login, then calls `insertSession`, records the attempt, and for a risky
 * login stores a security event and a critical `suspicious_login` notification for the user,
 * which every other active session presents. Scoring comes first, so the new session's own
 * device does not count as known. Call inside a transaction.
 */
export function recordSuccessfulLogin(
  store: Store,
  login: { userId: string; email: string; ip: string; device: Device; sessionId: string },
  now: Date,
  changes: ChangeSet,
  insertSession: () => void,
): LoginRisk {
  const network = networkPrefix(login.ip);
  const knownDeviceIds = store.sessions.deviceIds(login.userId);
  const risk = scoreLogin({
    deviceId: login.device.id,
    network,
    knownDeviceIds,
    knownNetworks: store.security.knownNetworks(login.userId, new Date(now.getTime() - KNOWN_NETWORK_MS).toISOString()),
    recentFailures: store.security.countFailures(login.userId, new Date(now.getTime() - FAILED_ATTEMPT_WINDOW_MS).toISOString()),
    hasHistory: knownDeviceIds.length > 0,
  });
  insertSession();
  store.security.recordAttempt({
    userId: login.userId,
    email: login.email,
    network,
    deviceId: login.device.id,
    succeeded: true,
    at: now.toISOString(),
  });
  if (!risk.suspicious) return risk;

  store.security.insertEvent({
    id: randomUUID(),
    userId: login.userId,
    sessionId: login.sessionId,
    kind: 'suspicious_login',
    reasons: risk.reasons,
    network,
    createdAt: now.toISOString(),
  });
  createNotifications(
    store,
    [
      {
        userId: login.userId,
        id: `login:${login.sessionId}`,
        type: 'suspicious_login',
        texts: suspiciousLoginTexts(login.device.name, login.device.platform, network),
        sessionId: login.sessionId,
      },
    ],
    now,
    changes,
  );
  return risk;
}
