import { randomUUID } from 'node:crypto';
import { check, CLOSE_CODES, LoginRequestSchema, type LoginResponse } from '@lastro/protocol';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { generateSessionToken, sha256Hex } from '../auth/tokens.js';
import { recordFailedLogin, recordSuccessfulLogin } from '../auth/login-security.js';
import { ChangeSet } from '../changes.js';
import { COLLAB_CLOSE_CODES } from '../collab/options.js';
import type { ServerContext } from '../context.js';
import { authenticate } from './authenticate.js';
import type { HttpExchange } from './exchange.js';

const LOGIN_BODY_LIMIT = 16 * 1024;

/** `POST /auth/login`: checks the password and creates a session bound to the device. */
export async function handleLogin(ctx: ServerContext, exchange: HttpExchange): Promise<void> {
  const body = await exchange.readJson(LOGIN_BODY_LIMIT);
  if (body === undefined) {
    return;
  }
  const parsed = check(LoginRequestSchema, body.value);
  if (!parsed.ok) {
    exchange.sendError(400, 'invalid_request', `invalid login request: ${parsed.message}`, parsed.field);
    return;
  }
  const { email, password, device } = parsed.value;
  const user = ctx.store.users.findByEmail(email.trim().toLowerCase());
  // Unknown e-mails are checked against a dummy hash so both failures take the same time.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (exchange.aborted) {
    return;
  }
  const normalisedEmail = email.trim().toLowerCase();
  if (user === undefined || !passwordMatches) {
    ctx.store.transaction(() =>
      recordFailedLogin(ctx.store, { userId: user?.id ?? null, email: normalisedEmail, ip: exchange.ip, deviceId: device.id }, new Date()),
    );
    exchange.log.info({ deviceId: device.id }, 'login failed');
    exchange.sendError(401, 'unauthorized', 'invalid e-mail or password');
    return;
  }

  const token = generateSessionToken();
  const at = new Date();
  const now = at.toISOString();
  const sessionId = randomUUID();
  const changes = new ChangeSet();
  const risk = ctx.store.transaction(() =>
    recordSuccessfulLogin(ctx.store, { userId: user.id, email: normalisedEmail, ip: exchange.ip, device, sessionId }, at, changes, () =>
      ctx.store.sessions.insert({
        id: sessionId,
        userId: user.id,
        tokenSha256: sha256Hex(token),
        device,
        ip: exchange.ip,
        createdAt: now,
        lastSeenAt: now,
        revokedAt: null,
      }),
    ),
  );
  ctx.sync.publish(changes);
  exchange.log.info(
    { userId: user.id, sessionId, deviceId: device.id, platform: device.platform, suspicious: risk.suspicious, reasons: risk.reasons },
    'login succeeded',
  );
  const response: LoginResponse = { token, sessionId, user: { id: user.id, role: user.role, name: user.name } };
  exchange.sendJson(200, response);
}

/** `POST /auth/logout`: revokes the token's session and closes its sockets. */
export function handleLogout(ctx: ServerContext, exchange: HttpExchange): void {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  ctx.store.sessions.revoke(principal.session.id, new Date().toISOString());
  const closed =
    ctx.sync.closeSession(principal.session.id, CLOSE_CODES.sessionRevoked, 'session revoked') +
    ctx.collab.closeSession(principal.session.id, COLLAB_CLOSE_CODES.ticketRejected, 'session ended: log in again');
  exchange.log.info({ socketsClosed: closed }, 'logout');
  exchange.sendEmpty(204);
}
