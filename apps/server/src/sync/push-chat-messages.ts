import type { ChatMessageDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import { chatMessageDoc, collectChatMessage } from '../chat/documents.js';
import { decideChatMessage } from '../chat/decide.js';
import type { Store } from '../db/store.js';
import { PushRowError, type ValidRow } from './push-rows.js';

/** Fields only the server writes; a new message carrying any of them is invalid. */
const RESULT_FIELDS = ['senderName', 'senderRole', 'reason', 'contactKinds', 'retryAt', 'createdAt', 'decidedAt'] as const;

/**
 * Applies the rows of a `chatMessages` push inside the caller's transaction, in row order. A
 * new id with status `pending` is decided (membership, rate limit, content filter), stored and
 * audited; its document reaches the sender and, once accepted, the room's members through
 * `changes`. An id the server already has is never decided again: its stored document is
 * returned as the conflict.
 *
 * @param now server time of the push; every row of one push is decided at this time.
 * @throws PushRowError for an invalid row; the caller rolls the whole push back.
 */
export function pushChatMessages(
  store: Store,
  user: { id: string; sessionId: string },
  rows: ValidRow<'chatMessages'>[],
  now: Date,
  changes: ChangeSet,
): ChatMessageDoc[] {
  const conflicts: ChatMessageDoc[] = [];
  for (const { index, doc } of rows) {
    const stored = store.chat.findMessage(doc.id);
    if (stored !== undefined) {
      if (stored.senderId !== user.id) {
        throw new PushRowError(`/rows/${index}/newDocumentState/id`, `message id ${doc.id} is already used by another user; generate a new UUIDv7`);
      }
      conflicts.push(chatMessageDoc(stored, store.users.findById(stored.senderId)));
      continue;
    }
    if (doc.senderId !== user.id) {
      throw new PushRowError(`/rows/${index}/newDocumentState/senderId`, `senderId must be your user id ${user.id}, not ${doc.senderId}`);
    }
    if (doc.status !== 'pending') {
      throw new PushRowError(
        `/rows/${index}/newDocumentState/status`,
        `a new chat message must have status "pending", not "${doc.status}"; only the server decides it`,
      );
    }
    for (const field of RESULT_FIELDS) {
      if (doc[field] !== undefined) {
        throw new PushRowError(`/rows/${index}/newDocumentState/${field}`, `a new chat message must not carry ${field}; only the server sets it`);
      }
    }
    const decision = decideChatMessage(
      store,
      { messageId: doc.id, loanId: doc.loanId, investorId: doc.investorId, senderId: user.id, sessionId: user.sessionId, text: doc.text, sentAt: doc.sentAt },
      now,
    );
    collectChatMessage(store, decision.message, changes);
  }
  return conflicts;
}
