import { CHAT_MESSAGE_REASONS, type ChatContactKind, type ChatMessageDoc, type ChatMessageReason } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { Store } from '../db/store.js';
import type { ChatMessage } from './repository.js';

/** The sender fields a chat document shows. */
export interface ChatSender {
  name: string;
  role: string;
}

function isReason(reason: string): reason is ChatMessageReason {
  return (CHAT_MESSAGE_REASONS as readonly string[]).includes(reason);
}

/** Builds the replicated document of a stored message. */
export function chatMessageDoc(message: ChatMessage, sender: ChatSender | undefined): ChatMessageDoc {
  const doc: ChatMessageDoc = {
    id: message.id,
    loanId: message.loanId,
    investorId: message.investorId,
    senderId: message.senderId,
    text: message.text,
    status: message.status,
    sentAt: message.sentAt,
    createdAt: message.createdAt,
    decidedAt: message.decidedAt,
    seq: message.seq,
  };
  if (sender !== undefined) {
    doc.senderName = sender.name.slice(0, 80);
    if (sender.role === 'investor' || sender.role === 'borrower') doc.senderRole = sender.role;
  }
  if (message.reason !== null && isReason(message.reason)) doc.reason = message.reason;
  if (message.retryAt !== null) doc.retryAt = message.retryAt;
  if (message.contactKinds.length > 0) doc.contactKinds = message.contactKinds as ChatContactKind[];
  return doc;
}

/**
 * Adds a message's document to `changes` for every user who may see it: the sender always;
 * the room's investor and borrower once the message is accepted; support users while it is
 * held and after they reviewed it, so their queue follows live.
 */
export function collectChatMessage(store: Store, message: ChatMessage, changes: ChangeSet): void {
  const sender = store.users.findById(message.senderId);
  const doc = chatMessageDoc(message, sender);
  const readers = new Set([message.senderId]);
  if (message.status === 'accepted') {
    const room = store.chat.findRoom(message.roomId);
    if (room !== undefined) {
      readers.add(room.investorId);
      readers.add(room.borrowerId);
    }
  }
  if (message.status === 'held' || message.decidedBy !== null) {
    for (const supportId of store.users.idsWithRole('support')) readers.add(supportId);
  }
  for (const userId of readers) changes.addChatMessage(userId, doc);
}
