import type { Store } from '../db/store.js';
import { ChatError } from './errors.js';
import type { ChatMessage } from './repository.js';

/**
 * Lists a room's messages for `userId` in `created_at` order. A support user reads every
 * stored attempt, including rejected and held ones. The room's investor and borrower read the
 * accepted messages plus their own attempts of any status.
 *
 * @throws ChatError `room_not_found`, or `not_a_member` for any other user.
 */
export function listRoomMessages(store: Store, roomId: string, userId: string): ChatMessage[] {
  const room = store.chat.findRoom(roomId);
  if (room === undefined) {
    throw new ChatError('room_not_found', `chat room ${JSON.stringify(roomId)} was not found`);
  }
  const messages = store.chat.listRoomMessages(roomId);
  if (store.users.findById(userId)?.role === 'support') {
    return messages;
  }
  if (userId !== room.investorId && userId !== room.borrowerId) {
    throw new ChatError('not_a_member', `user ${JSON.stringify(userId)} is not a member of chat room ${JSON.stringify(roomId)}`);
  }
  return messages.filter((message) => message.status === 'accepted' || message.senderId === userId);
}
