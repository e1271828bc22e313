import { Type, type Static } from '@sinclair/typebox';
import { CHAT_CONTACT_KINDS } from './chat.js';
import { NOTIFICATION_TYPES } from './notifications.js';
import { StringEnum } from './string-enum.js';

/**
 * Responses of the support API (`/api/v1/support/*`), which only users with the role
 * `support` may call.
 */

const Id = Type.String({ minLength: 1, maxLength: 256 });
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Seq = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const NullableString = Type.Union([Type.String({ maxLength: 256 }), Type.Null()]);

/** Largest `limit` of one audit search page. */
export const MAX_SUPPORT_AUDIT_LIMIT = 1000;
/** `limit` of an audit search page when the request names none. */
export const DEFAULT_SUPPORT_AUDIT_LIMIT = 50;
/** Largest `limit` of the held message queue. */
export const MAX_SUPPORT_HELD_LIMIT = 500;
/** `limit` of the held message queue when the request names none. */
export const DEFAULT_SUPPORT_HELD_LIMIT = 200;

/** Decisions recorded in the chat audit log: the chat's own, and a support user's on a held message. */
export const SUPPORT_AUDIT_DECISIONS = ['accepted', 'rejected', 'held', 'released', 'rejected_by_support'] as const;
export type SupportAuditDecision = (typeof SUPPORT_AUDIT_DECISIONS)[number];

/** Formats of `GET /api/v1/support/audit/export`: CSV (RFC 4180) or JSON Lines. */
export const SUPPORT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type SupportExportFormat = (typeof SUPPORT_EXPORT_FORMATS)[number];

/** Reason why `verify` stopped at a record. */
export const AUDIT_BREAK_REASONS = ['gap', 'prev_hash_mismatch', 'hash_mismatch'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

/** One record of the chat audit log, exactly as stored. */
export const SupportAuditRecordSchema = Type.Object({
  seq: Seq,
  /** Server time of the append (RFC 3339 UTC with milliseconds). */
  recordedAt: Timestamp,
  userId: Id,
  sessionId: Id,
  roomId: Id,
  messageId: Id,
  /** The normalised text the chat evaluated. */
  text: Type.String({ maxLength: 20_000 }),
  decision: StringEnum(SUPPORT_AUDIT_DECISIONS),
  reason: NullableString,
  /** The support user of a `released` or `rejected_by_support` record, else null. */
  actorId: NullableString,
  prevHash: Hash,
  hash: Hash,
});
export type SupportAuditRecord = Static<typeof SupportAuditRecordSchema>;

/** Name, e-mail and role of a user named in a response, so the console can show people instead of ids. */
export const SupportUserSchema = Type.Object({
  name: Type.String({ maxLength: 200 }),
  email: Type.String({ maxLength: 254 }),
  role: StringEnum(['investor', 'borrower', 'support'] as const),
});
export type SupportUser = Static<typeof SupportUserSchema>;

/**
 * `GET /api/v1/support/audit` 200 response: one page of matching records, newest (highest seq)
 * first. Pass `nextBeforeSeq` as `beforeSeq` to read the next (older) page; null when this is
 * the last page.
 */
export const SupportAuditSearchResponseSchema = Type.Object({
  records: Type.Array(SupportAuditRecordSchema, { maxItems: MAX_SUPPORT_AUDIT_LIMIT }),
  nextBeforeSeq: Type.Union([Seq, Type.Null()]),
  /** The users that `userId` and `actorId` of the records name, by id. */
  users: Type.Record(Type.String(), SupportUserSchema),
});
export type SupportAuditSearchResponse = Static<typeof SupportAuditSearchResponseSchema>;

/** `GET /api/v1/support/audit/verify` 200 response. */
export const SupportAuditVerifyResponseSchema = Type.Object({
  ok: Type.Boolean(),
  /** When ok, every record; else the records verified intact before the first broken one. */
  records: Type.Integer({ minimum: 0 }),
  /** When ok: hash of the last record (64 zeros for an empty log), to keep outside the database. */
  lastHash: Type.Optional(Hash),
  /** When not ok: the first record that breaks the chain and why. */
  firstBroken: Type.Optional(
    Type.Object({
      seq: Type.Integer({ minimum: 0 }),
      reason: StringEnum(AUDIT_BREAK_REASONS),
      /** The expected seq or hash. */
      expected: Type.String({ maxLength: 64 }),
      /** The stored seq or hash. */
      actual: Type.String({ maxLength: 64 }),
    }),
  ),
});
export type SupportAuditVerifyResponse = Static<typeof SupportAuditVerifyResponseSchema>;

/** A stored chat message attempt with its current decision, as support users read it. */
export const SupportChatMessageSchema = Type.Object({
  id: Id,
  roomId: Id,
  loanId: Id,
  /** The room's investor. */
  investorId: Id,
  senderId: Id,
  sender: Type.Optional(SupportUserSchema),
  text: Type.String({ maxLength: 20_000 }),
  status: StringEnum(['accepted', 'rejected', 'held'] as const),
  reason: NullableString,
  /** For `off_platform_contact`: the kinds of contact data found. */
  contactKinds: Type.Array(StringEnum(CHAT_CONTACT_KINDS), { maxItems: CHAT_CONTACT_KINDS.length }),
  sentAt: Timestamp,
  createdAt: Timestamp,
  decidedAt: Timestamp,
  /** The support user who released or rejected the message, else null. */
  decidedBy: NullableString,
});
export type SupportChatMessage = Static<typeof SupportChatMessageSchema>;

/** `GET /api/v1/support/chat/held` 200 response: held messages waiting for review, oldest first. */
export const SupportHeldMessagesResponseSchema = Type.Object({
  messages: Type.Array(SupportChatMessageSchema, { maxItems: MAX_SUPPORT_HELD_LIMIT }),
});
export type SupportHeldMessagesResponse = Static<typeof SupportHeldMessagesResponseSchema>;

/** `POST /api/v1/support/chat/messages/:id/release` and `.../reject` 200 response: the decided message. */
export const SupportReviewResponseSchema = Type.Object({
  message: SupportChatMessageSchema,
});
export type SupportReviewResponse = Static<typeof SupportReviewResponseSchema>;

/** `GET /api/v1/support/chat/rooms/:roomId/messages` 200 response: every stored attempt of the room, oldest first. */
export const SupportRoomMessagesResponseSchema = Type.Object({
  roomId: Id,
  messages: Type.Array(SupportChatMessageSchema, { maxItems: 100_000 }),
});
export type SupportRoomMessagesResponse = Static<typeof SupportRoomMessagesResponseSchema>;

/** Channels of the notification statistics: where notifications were shown, or not shown at all. */
export const NOTIFICATION_STATS_CHANNELS = ['in_app', 'os', 'not_shown'] as const;

/** Delivery and opening of one notification type on one channel. */
export const NotificationStatsRowSchema = Type.Object({
  type: StringEnum(NOTIFICATION_TYPES),
  channel: StringEnum(NOTIFICATION_STATS_CHANNELS),
  /** Notifications a device received. */
  delivered: Type.Integer({ minimum: 0 }),
  opened: Type.Integer({ minimum: 0 }),
  /** `opened / delivered`, from 0 to 1. */
  openRate: Type.Number({ minimum: 0, maximum: 1 }),
  /** Median seconds from delivery to opening, or null when none was opened. */
  medianSecondsToOpen: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});
export type NotificationStatsRow = Static<typeof NotificationStatsRowSchema>;

/** `GET /api/v1/support/notifications/stats` 200 response, for notifications created in [from, to). */
export const SupportNotificationStatsResponseSchema = Type.Object({
  from: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  to: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  rows: Type.Array(NotificationStatsRowSchema, { maxItems: 100 }),
});
export type SupportNotificationStatsResponse = Static<typeof SupportNotificationStatsResponseSchema>;

/** One organisation's shared notes on a loan, as listed to support users. */
export const SupportLoanNotesEntrySchema = Type.Object({
  organisationId: Id,
  organisationName: Type.String({ minLength: 1, maxLength: 200 }),
  /** When an investor of the organisation first opened the notes. */
  createdAt: Timestamp,
  /** When the notes last changed. */
  updatedAt: Timestamp,
});
export type SupportLoanNotesEntry = Static<typeof SupportLoanNotesEntrySchema>;

/** `GET /api/v1/support/loans/:loanId/notes` 200 response: organisations with notes on the loan, last changed first. */
export const SupportLoanNotesResponseSchema = Type.Object({
  loanId: Id,
  notes: Type.Array(SupportLoanNotesEntrySchema, { maxItems: 10_000 }),
});
export type SupportLoanNotesResponse = Static<typeof SupportLoanNotesResponseSchema>;
