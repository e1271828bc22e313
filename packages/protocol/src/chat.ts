import { Type, type Static } from '@sinclair/typebox';
import { UUID_V7_PATTERN } from './operations.js';
import { StringEnum } from './string-enum.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

/**
 * Maximum text length on the wire, in UTF-16 code units. The message limit itself is 2,000 code
 * points, checked by the server, which rejects a longer text as `too_long` and audits the
 * attempt. The wire bound only keeps frames small.
 */
export const MAX_CHAT_WIRE_TEXT_LENGTH = 8000;

/** `pending` until the server decides; `held` waits for support; `accepted` and `rejected` are final. */
export const CHAT_MESSAGE_STATUSES = ['pending', 'accepted', 'rejected', 'held'] as const;
export type ChatMessageStatus = (typeof CHAT_MESSAGE_STATUSES)[number];

/** Reason codes of a rejected or held message. Codes are stable, and the UI translates them. */
export const CHAT_MESSAGE_REASONS = [
  /** The sender is not the room's investor or the loan's borrower. */
  'not_a_member',
  /** The loan does not exist or its borrower has no account, so no one can reply. */
  'chat_unavailable',
  /** Nothing but spaces or invisible characters. */
  'empty',
  /** More than 2,000 characters after normalisation. */
  'too_long',
  /** Ten messages counted in the last 60 minutes; `retryAt` is when sending is possible again. */
  'rate_limited',
  /** The content filter found an offensive word. */
  'offensive_language',
  /** Held: the text looks like contact data that would take the deal off the platform. */
  'off_platform_contact',
  /** Support reviewed a held message and rejected it. */
  'rejected_by_support',
] as const;
export type ChatMessageReason = (typeof CHAT_MESSAGE_REASONS)[number];

/** Kinds of contact data that hold a message for support. */
export const CHAT_CONTACT_KINDS = ['pix_key', 'cpf', 'cnpj', 'phone', 'email', 'bank_account'] as const;
export type ChatContactKind = (typeof CHAT_CONTACT_KINDS)[number];

export const CHAT_SENDER_ROLES = ['investor', 'borrower'] as const;
export type ChatSenderRole = (typeof CHAT_SENDER_ROLES)[number];

/**
 * One chat message attempt. The client writes it with status `pending` and a new UUIDv7 id;
 * the server decides it (membership, rate limit, content filter) and writes the decision
 * back on the same document. A room is one loan and one investor: the investor writes with
 * their own id as `investorId`, the borrower replies with the investor's id.
 *
 * Members receive the room's accepted messages; a sender also receives their own attempts
 * of any status.
 */
export const ChatMessageDocSchema = Type.Object({
  id: Type.String({ pattern: UUID_V7_PATTERN, minLength: 36, maxLength: 36 }),
  loanId: Id,
  /** The room's investor. */
  investorId: Id,
  senderId: Id,
  /** Set by the server: the sender's display name. */
  senderName: Type.Optional(Type.String({ maxLength: 80 })),
  /** Set by the server. */
  senderRole: Type.Optional(StringEnum(CHAT_SENDER_ROLES)),
  /** Normalised to Unicode NFC by the client and again by the server. */
  text: Type.String({ maxLength: MAX_CHAT_WIRE_TEXT_LENGTH }),
  status: StringEnum(CHAT_MESSAGE_STATUSES),
  /** Set when `status` is `rejected` or `held`. */
  reason: Type.Optional(StringEnum(CHAT_MESSAGE_REASONS)),
  /** For `off_platform_contact`: what the filter found, so the sender learns why. */
  contactKinds: Type.Optional(Type.Array(StringEnum(CHAT_CONTACT_KINDS), { maxItems: CHAT_CONTACT_KINDS.length })),
  /** For `rate_limited`: server time from which the sender may send again. */
  retryAt: Type.Optional(Timestamp),
  /** Device clock when the user pressed send; shown while pending, never used for ordering. */
  sentAt: Timestamp,
  /** Server time of the attempt. */
  createdAt: Type.Optional(Timestamp),
  /** Server time of the latest decision, including a support review. */
  decidedAt: Type.Optional(Timestamp),
  /** Server sequence; 0 until the server has stored the message. */
  seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
});
export type ChatMessageDoc = Static<typeof ChatMessageDocSchema>;

/** Returns the id of the room of `investorId` on `loanId`. */
export function chatRoomIdOf(loanId: string, investorId: string): string {
  return `chat:${loanId}:${investorId}`;
}
