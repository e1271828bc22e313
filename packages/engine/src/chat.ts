import { v7 as uuidv7 } from 'uuid';
import { CHAT_RATE_LIMIT, checkChatRateLimit, validateChatText } from '@lastro/domain';
import { MAX_ID_LENGTH, chatRoomIdOf, type ChatMessageDoc } from '@lastro/protocol';
import { LastroError } from './errors.js';

/** A chat message to send. */
export interface ChatMessageRequest {
  loanId: string;
  /**
   * The room's investor. An investor leaves it out and writes into their own room; a borrower
   * names the investor they reply to.
   */
  investorId?: string;
  text: string;
}

/** One conversation: a loan and an investor, with the messages the user can see. */
export interface ChatRoomView {
  /** `chat:<loan id>:<investor id>`. */
  id: string;
  loanId: string;
  investorId: string;
  /** Oldest first: by server time of the attempt, with the user's unsent messages last. */
  messages: ChatMessageDoc[];
  /** The latest message of any status. */
  last: ChatMessageDoc;
  /** The latest message that is not a rejected attempt, to show in a list of rooms. */
  preview: ChatMessageDoc;
}

/** How many messages the user may still send now, and from when again once none are left. */
export interface ChatQuota {
  limit: number;
  remaining: number;
  /** Server time (ISO 8601) from which sending is possible again; null while `remaining` > 0. */
  retryAt: string | null;
}

function requireId(value: unknown, field: string, hint: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw new LastroError('invalid_request', `invalid ${field} ${JSON.stringify(value)}: ${hint}`, { field });
  }
  return value;
}

/**
 * Builds a pending chat message with a new UUIDv7 id and the text normalised to NFC.
 *
 * @throws LastroError `invalid_request` when the loan or investor id is invalid, or the text
 *   is empty or longer than 2,000 characters; nothing is queued then.
 */
export function buildChatMessage(
  request: ChatMessageRequest,
  sender: { id: string; role: string },
  sentAt: Date,
): ChatMessageDoc {
  if (typeof request !== 'object' || request === null) {
    throw new LastroError('invalid_request', 'missing chat message: pass {loanId, text, investorId?}', { field: 'request' });
  }
  const loanId = requireId(request.loanId, 'loanId', 'pass the id of a loan from the loan book');
  let investorId: string;
  if (sender.role === 'borrower') {
    investorId = requireId(request.investorId, 'investorId', 'a borrower replies in an investor\'s room: pass that investor\'s id');
  } else {
    investorId = request.investorId === undefined ? sender.id : requireId(request.investorId, 'investorId', 'leave it out to write in your own room');
  }
  if (typeof request.text !== 'string') {
    throw new LastroError('invalid_request', `invalid text ${JSON.stringify(request.text)}: pass the message as a string`, { field: 'text' });
  }
  const validation = validateChatText(request.text);
  if (!validation.ok) {
    throw new LastroError('invalid_request', validation.message, { field: 'text' });
  }
  return {
    id: uuidv7(),
    loanId,
    investorId,
    senderId: sender.id,
    text: validation.text,
    status: 'pending',
    sentAt: sentAt.toISOString(),
    seq: 0,
  };
}

/**
 * Oldest first by the server time of the attempt, so a message keeps its place when support
 * releases it later. Messages the server has not stored yet come last; ties fall back to the
 * sequence and then the id, a UUIDv7 that grows with the sending time on its device.
 */
export function byServerTime(a: ChatMessageDoc, b: ChatMessageDoc): number {
  const timeA = a.createdAt ?? '\uffff';
  const timeB = b.createdAt ?? '\uffff';
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  const rankA = a.seq === 0 ? Number.MAX_SAFE_INTEGER : a.seq;
  const rankB = b.seq === 0 ? Number.MAX_SAFE_INTEGER : b.seq;
  if (rankA !== rankB) return rankA - rankB;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * Groups messages into rooms, the room with the latest message first. Rooms where every
 * message is a rejected attempt are left out: such a room contains nothing anyone can read, and
 * may not exist on the server at all (an attempt rejected as `not_a_member`).
 */
export function groupChatRooms(messages: readonly ChatMessageDoc[]): ChatRoomView[] {
  const rooms = new Map<string, ChatMessageDoc[]>();
  for (const message of messages) {
    const id = chatRoomIdOf(message.loanId, message.investorId);
    const list = rooms.get(id) ?? [];
    list.push(message);
    rooms.set(id, list);
  }
  const views: ChatRoomView[] = [];
  for (const [id, list] of rooms) {
    list.sort(byServerTime);
    const preview = list.findLast((message) => message.status !== 'rejected');
    if (preview === undefined) continue;
    const last = list[list.length - 1]!;
    views.push({ id, loanId: last.loanId, investorId: last.investorId, messages: list, last, preview });
  }
  return views.sort((a, b) => byServerTime(b.last, a.last));
}

/** Reasons of attempts the server does not count toward the rate limit. */
const UNCOUNTED_REASONS = new Set(['rate_limited', 'not_a_member', 'chat_unavailable']);

/**
 * Estimates the user's chat quota from their own messages, as the server counts it: accepted,
 * held and content-rejected messages of the last 60 minutes, plus messages still waiting to be
 * sent. The server decides by its own clock, so this is what the composer shows, not a promise.
 */
export function chatQuota(messages: readonly ChatMessageDoc[], userId: string, nowMs: number): ChatQuota {
  const counted: number[] = [];
  for (const message of messages) {
    if (message.senderId !== userId) continue;
    if (message.reason !== undefined && UNCOUNTED_REASONS.has(message.reason)) continue;
    // A server time ahead of the device clock counts as now, so a slow device clock never
    // leaves a just-decided message out of the count.
    const at = message.status === 'pending' || message.createdAt === undefined ? nowMs : Date.parse(message.createdAt);
    counted.push(Math.min(at, nowMs));
  }
  const decision = checkChatRateLimit(counted, nowMs);
  if (decision.allowed) {
    return { limit: CHAT_RATE_LIMIT, remaining: decision.remaining + 1, retryAt: null };
  }
  return { limit: CHAT_RATE_LIMIT, remaining: 0, retryAt: new Date(decision.retryAt).toISOString() };
}
