import type { Store } from '../db/store.js';
import { ChatError } from './errors.js';
import type { ChatMessage } from './repository.js';

/** A support user's decision on a held message. */
export interface HeldMessageReview {
  messageId: string;
  supportUserId: string;
}

/**
 * Sets the decision of a held message and appends the support decision to the audit log, in
 * one transaction.
 */
function reviewHeldMessage(store: Store, review: HeldMessageReview, now: Date, release: boolean): ChatMessage {
  return store.transaction(() => {
    const reviewer = store.users.findById(review.supportUserId);
    if (reviewer?.role !== 'support') {
      throw new ChatError('not_support', `user ${JSON.stringify(review.supportUserId)} is not a support user: only support users review held messages`);
    }
    const message = store.chat.findMessage(review.messageId);
    if (message === undefined) {
      throw new ChatError('message_not_found', `chat message ${JSON.stringify(review.messageId)} was not found`);
    }
    if (message.status !== 'held') {
      throw new ChatError('not_held', `chat message ${JSON.stringify(review.messageId)} is ${message.status}, not held: only held messages can be reviewed`);
    }

    const decision = {
      status: release ? ('accepted' as const) : ('rejected' as const),
      reason: release ? null : 'rejected_by_support',
      decidedAt: now.toISOString(),
      decidedBy: reviewer.id,
    };
    const decided = store.chat.decideHeldMessage(message.id, decision);
    if (decided === undefined) {
      throw new ChatError('not_held', `chat message ${JSON.stringify(review.messageId)} was decided meanwhile: reload the held messages`);
    }
    store.chatAudit.append(
      {
        userId: message.senderId,
        sessionId: message.sessionId,
        roomId: message.roomId,
        messageId: message.id,
        text: message.text,
        decision: release ? 'released' : 'rejected_by_support',
        reason: release ? null : 'rejected_by_support',
        actorId: reviewer.id,
      },
      now,
    );
    return decided;
  });
}

/**
 * Releases a held message: it becomes `accepted` with `decided_by` set, and a `released`
 * audit record names the support user.
 *
 * @throws ChatError `not_support`, `message_not_found` or `not_held`.
 */
export function releaseHeldMessage(store: Store, review: HeldMessageReview, now: Date): ChatMessage {
  return reviewHeldMessage(store, review, now, true);
}

/**
 * Rejects a held message: it becomes `rejected` with reason `rejected_by_support` and
 * `decided_by` set, and a `rejected_by_support` audit record names the support user.
 *
 * @throws ChatError `not_support`, `message_not_found` or `not_held`.
 */
export function rejectHeldMessage(store: Store, review: HeldMessageReview, now: Date): ChatMessage {
  return reviewHeldMessage(store, review, now, false);
}
