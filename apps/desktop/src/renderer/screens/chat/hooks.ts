import { useEffect, useMemo, useState } from 'react';
import { groupChatRooms, type ChatRoomView } from '../../lib/chat-rooms';
import { totalUnread, unreadCount } from '../../lib/unread';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { useChatUiStore } from './chat-state';

/** Returns the user's chat rooms, the one with the latest message first. */
export function useChatRooms(): ChatRoomView[] {
  const messages = useLiveStore((state) => state.chatMessages);
  return useMemo(() => groupChatRooms(messages), [messages]);
}

/** Counts unread messages per room id and in total, for the signed-in user on this device. */
export function useUnreadCounts(): { byRoom: ReadonlyMap<string, number>; total: number } {
  const rooms = useChatRooms();
  const userId = useSessionStore((state) => state.user?.id);
  const markers = useChatUiStore((state) => state.readMarkers);
  return useMemo(() => {
    if (userId === undefined) return { byRoom: new Map(), total: 0 };
    const byRoom = new Map(rooms.map((room) => [room.id, unreadCount(room, userId, markers)]));
    return { byRoom, total: totalUnread(rooms, userId, markers) };
  }, [rooms, userId, markers]);
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
