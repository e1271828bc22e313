import { useEffect, useMemo, useState } from 'react';
import { groupChatRooms, type ChatRoomView } from '../../lib/chat-rooms';
import { unreadChatCounts } from '../../lib/unread';
import { useLiveStore } from '../../state/live-store';

/** Returns the user's chat rooms, the one with the latest message first. */
export function useChatRooms(): ChatRoomView[] {
  const messages = useLiveStore((state) => state.chatMessages);
  return useMemo(() => groupChatRooms(messages), [messages]);
}

/** Counts unread messages per room id and in total, from the `chat_message` notifications synced across devices. */
export function useUnreadCounts(): { byRoom: ReadonlyMap<string, number>; total: number } {
  const notifications = useLiveStore((state) => state.notifications);
  return useMemo(() => unreadChatCounts(notifications), [notifications]);
}

/** Returns the current time in milliseconds and re-renders every `intervalMs` while the component is mounted. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
