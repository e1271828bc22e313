import type { ServerContext } from '../context.js';
import type { SessionRecord } from '../db/sessions.js';
import type { UserRecord } from '../db/users.js';
import { bearerToken, sha256Hex } from '../auth/tokens.js';
import type { HttpExchange } from './exchange.js';

/** The user and session behind a valid, unrevoked token. */
export interface Principal {
  user: UserRecord;
  session: SessionRecord;
}

/** Looks up the session of a token and records its use; undefined when the token is unknown or revoked. */
export function principalForToken(ctx: ServerContext, token: string): Principal | undefined {
  const session = ctx.store.sessions.findActiveByTokenHash(sha256Hex(token));
  if (session === undefined) {
    return undefined;
  }
  const user = ctx.store.users.findById(session.userId);
  if (user === undefined) {
    return undefined;
  }
  ctx.store.sessions.touch(session.id, new Date().toISOString());
  return { user, session };
}

/** Authenticates the request's Bearer token; sends 401 and returns undefined when it is missing or invalid. */
export function authenticate(ctx: ServerContext, exchange: HttpExchange): Principal | undefined {
  const token = bearerToken(exchange.header('authorization'));
  if (token === undefined) {
    exchange.sendError(401, 'unauthorized', 'missing session token: send "Authorization: Bearer TOKEN" from POST /auth/login');
    return undefined;
  }
  const principal = principalForToken(ctx, token);
  if (principal === undefined) {
    exchange.sendError(401, 'unauthorized', 'invalid or revoked session token: log in again with POST /auth/login');
    return undefined;
  }
  exchange.log = exchange.log.child({ userId: principal.user.id, sessionId: principal.session.id });
  return principal;
}
