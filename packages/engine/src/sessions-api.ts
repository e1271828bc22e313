import { SessionListResponseSchema, type SessionListResponse, type SessionSummary } from '@lastro/protocol';
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
}

export function createSessionsApi(api: HttpApi, withToken: WithToken): SessionsApi {
  return {
    list: async () => {
      const path = '/api/v1/sessions';
      const body = await withToken(async (token) => api.validate<SessionListResponse>(SessionListResponseSchema, await api.send(path, { method: 'GET', token }), path));
      return body.sessions;
    },
    revoke: async (sessionId) => {
      if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > 64) {
        throw new LastroError('invalid_request', `invalid session id ${JSON.stringify(sessionId)}: pass an id from the list of sessions`, {
          field: 'sessionId',
        });
      }
      await withToken((token) => api.send(`/api/v1/sessions/${encodeURIComponent(sessionId)}/revoke`, { method: 'POST', token }));
    },
  };
}
