import { networkPrefix } from '@lastro/domain';
import { CLOSE_CODES, type RevokeOtherSessionsResponse, type SessionListResponse } from '@lastro/protocol';
import { ChangeSet } from '../changes.js';
import { COLLAB_CLOSE_CODES } from '../collab/options.js';
import type { ServerContext } from '../context.js';
import { authenticate } from './authenticate.js';
import type { HttpExchange } from './exchange.js';

const SESSION_PATH = /^\/api\/v1\/sessions\/([^/]{1,64})\/(?:revoke|confirm)$/;

/** Finds the caller's session named in the path; sends 404 and returns undefined otherwise. */
function findOwnSession(ctx: ServerContext, exchange: HttpExchange, userId: string) {
  const match = SESSION_PATH.exec(exchange.url);
  let sessionId: string | undefined;
  try {
    sessionId = match === null ? undefined : decodeURIComponent(match[1]!);
  } catch {
    sessionId = undefined;
  }
  const target = sessionId === undefined ? undefined : ctx.store.sessions.findById(sessionId);
  if (target === undefined || target.userId !== userId) {
    exchange.log.info({ sessionId: sessionId ?? null, userId }, 'session change rejected: not a session of this user');
    exchange.sendError(404, 'not_found', `no session ${JSON.stringify(sessionId ?? exchange.url)} of yours: list them with GET /api/v1/sessions`);
    return undefined;
  }
  return target;
}

/** `GET /api/v1/sessions`: the caller's active sessions, most recently used first. */
export function handleListSessions(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const suspicious = ctx.store.security.suspiciousSessionIds(principal.user.id);
  const body: SessionListResponse = {
    sessions: ctx.store.sessions.listActive(principal.user.id).map((session) => ({
      id: session.id,
      deviceId: session.device.id,
      deviceName: session.device.name,
      platform: session.device.platform,
      network: networkPrefix(session.ip),
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      current: session.id === principal.session.id,
      suspicious: suspicious.has(session.id),
    })),
  };
  exchange.sendJson(200, body);
}

/**
 * Revokes sessions of a user in one transaction, marks the alerts about them read, publishes
 * that, then closes their sockets. Returns how many sockets were closed.
 */
function endSessions(ctx: ServerContext, userId: string, sessionIds: readonly string[]): number {
  const now = new Date().toISOString();
  const changes = new ChangeSet();
  ctx.store.transaction(() => {
    for (const sessionId of sessionIds) {
      ctx.store.sessions.revoke(sessionId, now);
      const alert = ctx.store.notifications.track(userId, `login:${sessionId}`, { delivered: true, shown: null, opened: false, read: true }, now);
      if (alert !== undefined) changes.addNotification(userId, alert);
    }
  });
  ctx.sync.publish(changes);
  let closed = 0;
  for (const sessionId of sessionIds) {
    closed +=
      ctx.sync.closeSession(sessionId, CLOSE_CODES.sessionRevoked, 'session revoked') +
      ctx.collab.closeSession(sessionId, COLLAB_CLOSE_CODES.ticketRejected, 'session revoked: log in again');
  }
  return closed;
}

/**
 * `POST /api/v1/sessions/:id/revoke`: ends one of the caller's sessions. Its token stops
 * working at once, its sockets close with 4003, and the alert about it is marked read on
 * every device of the user.
 */
export function handleRevokeSession(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const target = findOwnSession(ctx, exchange, principal.user.id);
  if (target === undefined) {
    return;
  }
  const sessionId = target.id;
  if (target.revokedAt !== null) {
    exchange.sendError(409, 'conflict', `session ${sessionId} was already ended at ${target.revokedAt}`);
    return;
  }
  const closed = endSessions(ctx, principal.user.id, [sessionId]);
  exchange.log.info({ revokedSessionId: sessionId, socketsClosed: closed }, 'session revoked');
  exchange.sendEmpty(204);
}

/**
 * `POST /api/v1/sessions/:id/confirm`: the caller confirms that a login flagged as suspicious was
 * their own. The session loses its suspicious mark and the alert about it is marked read on every
 * device. Confirming a session without a pending alert changes nothing and also responds 204.
 */
export function handleConfirmSession(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const target = findOwnSession(ctx, exchange, principal.user.id);
  if (target === undefined) {
    return;
  }
  if (target.revokedAt !== null) {
    exchange.log.info({ sessionId: target.id, revokedAt: target.revokedAt }, 'session confirmation rejected: session already ended');
    exchange.sendError(409, 'conflict', `session ${target.id} was already ended at ${target.revokedAt}; there is nothing to confirm`);
    return;
  }
  const now = new Date().toISOString();
  const changes = new ChangeSet();
  let confirmed = false;
  ctx.store.transaction(() => {
    confirmed = ctx.store.security.confirmSession(principal.user.id, target.id, now);
    const alert = ctx.store.notifications.track(principal.user.id, `login:${target.id}`, { delivered: true, shown: null, opened: false, read: true }, now);
    if (alert !== undefined) changes.addNotification(principal.user.id, alert);
  });
  ctx.sync.publish(changes);
  exchange.log.info({ confirmedSessionId: target.id, confirmed }, 'suspicious login confirmed by the user');
  exchange.sendEmpty(204);
}

/**
 * `POST /api/v1/sessions/revoke-others`: ends every session of the caller but the one making the
 * request, as `revoke` does for one. Responds 200 with `{"revoked"}`, the number of sessions ended.
 */
export function handleRevokeOtherSessions(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const others = ctx.store.sessions
    .listActive(principal.user.id)
    .map((session) => session.id)
    .filter((sessionId) => sessionId !== principal.session.id);
  const closed = endSessions(ctx, principal.user.id, others);
  exchange.log.info({ revokedSessions: others.length, socketsClosed: closed }, 'other sessions revoked');
  const body: RevokeOtherSessionsResponse = { revoked: others.length };
  exchange.sendJson(200, body);
}
