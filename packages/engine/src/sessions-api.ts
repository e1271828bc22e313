import {
  RevokeOtherSessionsResponseSchema,
  SessionListResponseSchema,
  type RevokeOtherSessionsResponse,
  type SessionListResponse,
  type SessionSummary,
} from '@lastro/protocol';
import { LastroError } from './errors.js';
import type { HttpApi } from './http-api.js';
import type { WithToken } from './support-api.js';

/** The user's login sessions on every device. */
export interface SessionsApi {
  /** Lists the user's active sessions, most recently used first (`GET /api/v1/sessions`). */
  list(): Promise<SessionSummary[]>;
  /**
   * Ends one of the user's sessions: its token stops working and its sockets close at once
   * (`POST /api/v1/sessions/:id/revoke`).
   *
   * @throws LastroError `not_found` for a session that is not the user's, `conflict` for one
   *   already ended, `invalid_request` for an invalid id.
   */
  revoke(sessionId: string): Promise<void>;
  /**
   * Confirms that a login flagged as suspicious was the user's own: the session loses its
   * suspicious mark and the alert is marked read (`POST /api/v1/sessions/:id/confirm`).
   *
   * @throws LastroError `not_found` for a session that is not the user's, `conflict` for one
   *   already ended, `invalid_request` for an invalid id.
   */
  confirm(sessionId: string): Promise<void>;
  /**
   * Ends every session of the user but this one (`POST /api/v1/sessions/revoke-others`) and
   * returns how many were ended.
   */
  revokeOthers(): Promise<number>;
}

function checkSessionId(sessionId: unknown): string {
  if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > 64) {
    throw new LastroError('invalid_request', `invalid session id ${JSON.stringify(sessionId)}: pass an id from the list of sessions`, {
      field: 'sessionId',
    });
  }
  return sessionId;
}

export function createSessionsApi(api: HttpApi, withToken: WithToken): SessionsApi {
  return {
    list: async () => {
      const path = '/api/v1/sessions';
      const body = await withToken(async (token) => api.validate<SessionListResponse>(SessionListResponseSchema, await api.send(path, { method: 'GET', token }), path));
      return body.sessions;
    },
    revoke: async (sessionId) => {
      const path = `/api/v1/sessions/${encodeURIComponent(checkSessionId(sessionId))}/revoke`;
      await withToken((token) => api.send(path, { method: 'POST', token }));
    },
    revokeOthers: async () => {
      const path = '/api/v1/sessions/revoke-others';
      const body = await withToken(async (token) =>
        api.validate<RevokeOtherSessionsResponse>(RevokeOtherSessionsResponseSchema, await api.send(path, { method: 'POST', token }), path),
      );
      return body.revoked;
    },
    confirm: async (sessionId) => {
      const path = `/api/v1/sessions/${encodeURIComponent(checkSessionId(sessionId))}/confirm`;
      await withToken((token) => api.send(path, { method: 'POST', token }));
    },
  };
}
