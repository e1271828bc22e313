import { chatRoomIdOf, type NotificationDoc } from '@lastro/protocol';

/** Unread chat messages per room id and in total. */
export interface UnreadChatCounts {
  byRoom: ReadonlyMap<string, number>;
  total: number;
}

/**
 * Counts unread chat messages from the `chat_message` notifications: one per accepted message
 * of the other party, unread until `readAt` is set. `readAt` syncs across the user's devices,
 * so every device shows the same counts.
 */
export function unreadChatCounts(notifications: readonly Pick<NotificationDoc, 'type' | 'loanId' | 'investorId' | 'readAt'>[]): UnreadChatCounts {
  const byRoom = new Map<string, number>();
  let total = 0;
  for (const notification of notifications) {
    if (notification.type !== 'chat_message' || notification.readAt !== undefined) continue;
    if (notification.loanId === undefined || notification.investorId === undefined) continue;
    const roomId = chatRoomIdOf(notification.loanId, notification.investorId);
    byRoom.set(roomId, (byRoom.get(roomId) ?? 0) + 1);
    total++;
  }
  return { byRoom, total };
}

/** Returns the ids of the unread chat notifications of one conversation. */
export function unreadChatNotificationIds(
  notifications: readonly Pick<NotificationDoc, 'id' | 'type' | 'loanId' | 'investorId' | 'readAt'>[],
  loanId: string,
  investorId: string,
): string[] {
  return notifications
    .filter(
      (notification) =>
        notification.type === 'chat_message' &&
        notification.readAt === undefined &&
        notification.loanId === loanId &&
        notification.investorId === investorId,
    )
    .map((notification) => notification.id);
}
