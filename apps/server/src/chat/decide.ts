import {
  CHAT_RATE_WINDOW_MS,
  checkChatRateLimit,
  normaliseChatText,
  screenChatMessage,
  validateChatText,
} from '@lastro/domain';
import type { Store } from '../db/store.js';
import { ChatError } from './errors.js';
import type { ChatMessage, ChatMessageStatus, ChatRoom } from './repository.js';

/** A message attempt. The caller has authenticated `senderId` and `sessionId`. */
export interface ChatMessageAttempt {
  /** Client-generated id. A repeated id returns the stored decision. */
  messageId: string;
  loanId: string;
  /**
   * The investor of the room. An investor omits it (or passes their own id) and writes into
   * their own room of the loan. The borrower passes the investor they reply to.
   */
  investorId?: string;
  senderId: string;
  sessionId: string;
  /** The text as typed. It is stored and audited after `normaliseChatText`. */
  text: string;
  /** Device clock when the user pressed send; defaults to the server time of the attempt. */
  sentAt?: string;
}

/** Outcome of {@link decideChatMessage}. */
export interface ChatDecision {
  messageId: string;
  roomId: string;
  status: ChatMessageStatus;
  /** `not_a_member`, `chat_unavailable`, `empty`, `too_long`, `rate_limited`, `offensive_language`, `off_platform_contact`, `rejected_by_support`, or null. */
  reason: string | null;
  /** For `rate_limited`: server time (RFC 3339 UTC) from which the sender may send again, else null. */
  retryAt: string | null;
  /** Server time of the first attempt with this message id. */
  createdAt: string;
  /** True when the message id was already decided and this call wrote nothing. */
  repeated: boolean;
  /** The stored message with its current decision. */
  message: ChatMessage;
}

/**
 * Reasons of attempts that do not count toward the rate limit: attempts rejected by the limit
 * itself, so retrying while limited does not extend the wait, and attempts outside any room.
 */
const UNCOUNTED_REASONS = ['rate_limited', 'not_a_member', 'chat_unavailable'] as const;

/**
 * Returns the id of the room of an investor on a loan. Room ids are derived from the pair,
 * so an attempt rejected as `not_a_member` can name the room it addressed even when that room
 * does not exist.
 */
export function chatRoomId(loanId: string, investorId: string): string {
  return `chat:${loanId}:${investorId}`;
}

function decisionFromMessage(message: ChatMessage, repeated: boolean): ChatDecision {
  return {
    messageId: message.id,
    roomId: message.roomId,
    status: message.status,
    reason: message.reason,
    retryAt: message.retryAt,
    createdAt: message.createdAt,
    repeated,
    message,
  };
}

/**
 * Returns the room the sender may write into, creating it on an investor's first message, or
 * why the sender cannot write: `chat_unavailable` for an unknown loan or a loan whose borrower
 * has no account (nobody could reply), `not_a_member` for anyone but the room's investor and
 * the loan's borrower. Only the investor can create the room.
 */
function findOrCreateRoom(
  store: Store,
  attempt: ChatMessageAttempt,
  roomId: string,
  investorId: string,
  now: string,
): ChatRoom | 'not_a_member' | 'chat_unavailable' {
  const existing = store.chat.findRoom(roomId);
  if (existing !== undefined) {
    return attempt.senderId === existing.investorId || attempt.senderId === existing.borrowerId ? existing : 'not_a_member';
  }

  const borrowerId = store.chat.findLoanBorrower(attempt.loanId);
  if (borrowerId === undefined || borrowerId === null) {
    return 'chat_unavailable';
  }
  if (investorId !== attempt.senderId || store.users.findById(attempt.senderId)?.role !== 'investor') {
    return 'not_a_member';
  }
  const room: ChatRoom = { id: roomId, loanId: attempt.loanId, investorId, borrowerId, createdAt: now };
  store.chat.insertRoom(room);
  return room;
}

/** Applies, in order, membership, text validation, the rate limit and content screening. */
function decide(
  store: Store,
  attempt: ChatMessageAttempt,
  roomId: string,
  investorId: string,
  now: Date,
): Pick<ChatMessage, 'status' | 'reason' | 'retryAt' | 'contactKinds'> {
  const nowText = now.toISOString();
  const room = findOrCreateRoom(store, attempt, roomId, investorId, nowText);
  if (typeof room === 'string') {
    return { status: 'rejected', reason: room, retryAt: null, contactKinds: [] };
  }

  const validation = validateChatText(attempt.text);
  if (!validation.ok) {
    return { status: 'rejected', reason: validation.reason, retryAt: null, contactKinds: [] };
  }

  // Counted across every room and session of the sender, by server time.
  const windowStart = new Date(now.getTime() - CHAT_RATE_WINDOW_MS).toISOString();
  const sendTimes = store.chat.listSendTimes(attempt.senderId, windowStart, UNCOUNTED_REASONS).map((at) => Date.parse(at));
  const rate = checkChatRateLimit(sendTimes, now.getTime());
  if (!rate.allowed) {
    return { status: 'rejected', reason: 'rate_limited', retryAt: new Date(rate.retryAt).toISOString(), contactKinds: [] };
  }

  const screening = screenChatMessage(validation.text);
  switch (screening.decision) {
    case 'reject':
      return { status: 'rejected', reason: screening.reason, retryAt: null, contactKinds: [] };
    case 'hold':
      return { status: 'held', reason: screening.reason, retryAt: null, contactKinds: [...screening.kinds] };
    case 'accept':
      return { status: 'accepted', reason: null, retryAt: null, contactKinds: [] };
  }
}

/**
 * Decides a chat message attempt, stores it in `chat_messages` and appends one audit record,
 * all in one `store.transaction`. When the audit append throws, the transaction rolls back and
 * neither the message nor a room it would have created is stored.
 *
 * A repeated message id from the same sender returns the stored decision, with its current
 * status after any support review, and writes nothing.
 *
 * @param now server time of the attempt; tests pass a fixed time.
 * @throws ChatError `message_id_conflict` when the message id belongs to another sender, or
 *   the error of the audit append (see `appendAuditRecord`).
 */
export function decideChatMessage(store: Store, attempt: ChatMessageAttempt, now: Date): ChatDecision {
  return store.transaction(() => {
    const stored = store.chat.findMessage(attempt.messageId);
    if (stored !== undefined) {
      if (stored.senderId !== attempt.senderId) {
        throw new ChatError(
          'message_id_conflict',
          `message id ${JSON.stringify(attempt.messageId)} is already used by another sender: generate a new id`,
        );
      }
      return decisionFromMessage(stored, true);
    }

    const investorId = attempt.investorId ?? attempt.senderId;
    const roomId = chatRoomId(attempt.loanId, investorId);
    const outcome = decide(store, attempt, roomId, investorId, now);
    const nowText = now.toISOString();
    const message = store.chat.insertMessage({
      id: attempt.messageId,
      roomId,
      loanId: attempt.loanId,
      investorId,
      senderId: attempt.senderId,
      sessionId: attempt.sessionId,
      text: normaliseChatText(attempt.text),
      ...outcome,
      sentAt: attempt.sentAt ?? nowText,
      createdAt: nowText,
      decidedAt: nowText,
      decidedBy: null,
    });
    store.chatAudit.append(
      {
        userId: message.senderId,
        sessionId: message.sessionId,
        roomId,
        messageId: message.id,
        text: message.text,
        decision: message.status,
        reason: message.reason,
        actorId: null,
      },
      now,
    );
    return decisionFromMessage(message, false);
  });
}
