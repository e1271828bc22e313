import { isRfc3339DateTime } from '@lastro/domain';
import {
  MAX_SUPPORT_AUDIT_LIMIT,
  MAX_SUPPORT_HELD_LIMIT,
  SUPPORT_EXPORT_FORMATS,
  SupportAuditSearchResponseSchema,
  SupportAuditVerifyResponseSchema,
  SupportHeldMessagesResponseSchema,
  SupportReviewResponseSchema,
  SupportRoomMessagesResponseSchema,
  SupportLoanNotesResponseSchema,
  type SupportAuditSearchResponse,
  type SupportLoanNotesEntry,
  type SupportLoanNotesResponse,
  type SupportAuditVerifyResponse,
  type SupportChatMessage,
  type SupportExportFormat,
  type SupportHeldMessagesResponse,
  type SupportReviewResponse,
  type SupportRoomMessagesResponse,
  SupportNotificationStatsResponseSchema,
  type SupportNotificationStatsResponse,
} from '@lastro/protocol';
import { LastroError } from './errors.js';
import type { HttpApi } from './http-api.js';

/** Filters of {@link SupportApi.searchAudit}; every given filter must match. */
export interface AuditSearchFilters {
  /** A user id, or an e-mail address that the server resolves to one. */
  user?: string;
  /** A chat room id, such as "chat:emp-00008:USER_ID". */
  room?: string;
  /** Earliest `recordedAt`, included: an RFC 3339 date-time with an offset. */
  from?: string;
  /** Latest `recordedAt`, excluded: an RFC 3339 date-time with an offset. */
  to?: string;
  /** Part of the text, matched without case and accents. */
  text?: string;
  /** Records per page, 1 to 1000; the server's default is 50. */
  limit?: number;
  /** `nextBeforeSeq` of the previous page, to read the next (older) one. */
  beforeSeq?: number;
}

/** Period and format of {@link SupportApi.exportAudit}; without a bound the export covers the log from its start or to its end. */
export interface AuditExportRequest {
  from?: string;
  to?: string;
  format: SupportExportFormat;
}

/** An exported audit file, ready to save. */
export interface AuditExportFile {
  /** File name the server suggests, such as "lastro-chat-audit_20261201T030000Z_20261202T030000Z.csv". */
  fileName: string;
  /** MIME type with charset, such as "text/csv; charset=utf-8". */
  contentType: string;
  /** The whole file: CSV (RFC 4180, CRLF) or JSON Lines. */
  text: string;
  /** Number of records in the file. */
  records: number;
}

/**
 * The support API (`/api/v1/support/*`) for users with the role `support`. Every response is
 * validated, and every failure is a {@link LastroError}: `forbidden` for other roles,
 * `invalid_request` for an invalid filter (with `field` naming it), `not_found` for an unknown
 * message or room, and `conflict` (HTTP 409) for a message that is no longer held.
 */
export interface SupportApi {
  /** Searches the chat audit log, newest first, one page at a time. */
  searchAudit(filters?: AuditSearchFilters): Promise<SupportAuditSearchResponse>;
  /** Downloads the audit records of a period as CSV or JSON Lines text. */
  exportAudit(request: AuditExportRequest): Promise<AuditExportFile>;
  /** Verifies the audit hash chain and names the first broken record. */
  verifyAudit(): Promise<SupportAuditVerifyResponse>;
  /** Held messages waiting for review, oldest first (at most `limit`, default 200, up to 500). */
  listHeldMessages(limit?: number): Promise<SupportChatMessage[]>;
  /** Releases a held message: it becomes accepted and both room members receive it. */
  releaseMessage(messageId: string): Promise<SupportChatMessage>;
  /** Rejects a held message with reason `rejected_by_support`. */
  rejectMessage(messageId: string): Promise<SupportChatMessage>;
  /** Every stored attempt of a room, of any status, oldest first. */
  listRoomMessages(roomId: string): Promise<SupportChatMessage[]>;
  /** Organisations with shared notes on a loan, last changed first; `not_found` for an unknown loan. */
  listLoanNotes(loanId: string): Promise<SupportLoanNotesEntry[]>;
  /** Delivery, open rate and median time to open per notification type and channel, for notifications created in the period. */
  notificationStats(period?: { from?: string; to?: string }): Promise<SupportNotificationStatsResponse>;
}

/** Calls the HTTP API with the session token, as the client's `withToken` does. */
export type WithToken = <T>(call: (token: string) => Promise<T>) => Promise<T>;

function invalid(field: string, message: string): LastroError {
  return new LastroError('invalid_request', message, { field });
}

function checkInteger(field: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min || value > max)) {
    throw invalid(field, `invalid ${field} ${String(value)}: use an integer from ${min} to ${max}`);
  }
}

function checkDateTime(field: string, value: string | undefined): void {
  if (value !== undefined && !isRfc3339DateTime(value)) {
    throw invalid(field, `invalid ${field} ${JSON.stringify(value)}: use an RFC 3339 date-time with an offset, such as 2026-12-01T00:00:00-03:00`);
  }
}

function checkId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 256) {
    throw invalid(field, `invalid ${field} ${JSON.stringify(value)}: pass a non-empty id of at most 256 characters`);
  }
  return value;
}

/** Builds "?a=1&b=2" from the defined, non-empty values, or "" when there are none. */
function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Reads the file name of `attachment; filename="NAME"`, or undefined. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  const match = /filename="([^"]+)"/.exec(header ?? '');
  return match?.[1];
}

export function createSupportApi(api: HttpApi, withToken: WithToken): SupportApi {
  const getJson = <T>(path: string, schema: Parameters<HttpApi['validate']>[0]): Promise<T> =>
    withToken(async (token) => api.validate<T>(schema, await api.send(path, { method: 'GET', token }), path.replace(/\?.*$/, '')));

  const review = async (messageId: string, action: 'release' | 'reject'): Promise<SupportChatMessage> => {
    const path = `/api/v1/support/chat/messages/${encodeURIComponent(checkId('messageId', messageId))}/${action}`;
    const body = await withToken(async (token) =>
      api.validate<SupportReviewResponse>(SupportReviewResponseSchema, await api.send(path, { method: 'POST', token }), path),
    );
    return body.message;
  };

  return {
    searchAudit: async (filters = {}) => {
      checkDateTime('from', filters.from);
      checkDateTime('to', filters.to);
      checkInteger('limit', filters.limit, 1, MAX_SUPPORT_AUDIT_LIMIT);
      checkInteger('beforeSeq', filters.beforeSeq, 1, Number.MAX_SAFE_INTEGER);
      const query = queryString({
        user: filters.user?.trim(),
        room: filters.room?.trim(),
        from: filters.from,
        to: filters.to,
        text: filters.text?.trim(),
        limit: filters.limit,
        beforeSeq: filters.beforeSeq,
      });
      return await getJson<SupportAuditSearchResponse>(`/api/v1/support/audit${query}`, SupportAuditSearchResponseSchema);
    },

    exportAudit: async (request) => {
      if (!(SUPPORT_EXPORT_FORMATS as readonly unknown[]).includes(request?.format)) {
        throw invalid('format', `invalid format ${JSON.stringify(request?.format)}: use csv or json`);
      }
      checkDateTime('from', request.from);
      checkDateTime('to', request.to);
      const path = `/api/v1/support/audit/export${queryString({ from: request.from, to: request.to, format: request.format })}`;
      return withToken(async (token) => {
        const response = await api.request(path, { method: 'GET', token });
        const text = await response.text();
        const extension = request.format === 'csv' ? 'csv' : 'jsonl';
        const records = Number(response.headers.get('x-audit-records'));
        return {
          fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? `lastro-chat-audit.${extension}`,
          contentType: response.headers.get('content-type') ?? (request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8'),
          text,
          records: Number.isSafeInteger(records) ? records : 0,
        };
      });
    },

    verifyAudit: () => getJson<SupportAuditVerifyResponse>('/api/v1/support/audit/verify', SupportAuditVerifyResponseSchema),

    notificationStats: async (period = {}) => {
      checkDateTime('from', period.from);
      checkDateTime('to', period.to);
      const query = queryString({ from: period.from, to: period.to });
      return await getJson<SupportNotificationStatsResponse>(`/api/v1/support/notifications/stats${query}`, SupportNotificationStatsResponseSchema);
    },

    listHeldMessages: async (limit) => {
      checkInteger('limit', limit, 1, MAX_SUPPORT_HELD_LIMIT);
      const body = await getJson<SupportHeldMessagesResponse>(`/api/v1/support/chat/held${queryString({ limit })}`, SupportHeldMessagesResponseSchema);
      return body.messages;
    },

    releaseMessage: (messageId) => review(messageId, 'release'),
    rejectMessage: (messageId) => review(messageId, 'reject'),

    listRoomMessages: async (roomId) => {
      const path = `/api/v1/support/chat/rooms/${encodeURIComponent(checkId('roomId', roomId))}/messages`;
      const body = await getJson<SupportRoomMessagesResponse>(path, SupportRoomMessagesResponseSchema);
      return body.messages;
    },

    listLoanNotes: async (loanId) => {
      const path = `/api/v1/support/loans/${encodeURIComponent(checkId('loanId', loanId))}/notes`;
      const body = await getJson<SupportLoanNotesResponse>(path, SupportLoanNotesResponseSchema);
      return body.notes;
    },
  };
}
