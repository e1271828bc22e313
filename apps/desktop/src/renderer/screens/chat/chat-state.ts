import { create } from 'zustand';
import { loadReadMarkers, markRoomRead, saveReadMarkers, type ReadMarkers, type ReadableRoom } from '../../lib/unread';

/** An in-app toast announcing an incoming chat message. */
export interface ChatToast {
  messageId: string;
  roomId: string;
  /** Server sequence of the message; the toast goes away once the room is read up to it. */
  seq: number;
  title: string;
  /** The loan the conversation is about, "Capital de giro · emp-00008". */
  loan: string;
  body: string;
  /** Location hash of the conversation. */
  hash: string;
}

/** The list a conversation screen was opened from: "Conversas" or the borrower's "Meus pedidos". */
export type ConversationOrigin = 'chats' | 'requests';

interface ChatUiState {
  /** The user the read markers belong to, or null before a user signed in. */
  userId: string | null;
  readMarkers: ReadMarkers;
  /** Newest first. */
  toasts: ChatToast[];
  /** Where the back link of a conversation leads and which header link stays highlighted on it. */
  conversationOrigin: ConversationOrigin;
}

/** Toasts beyond this number push out the oldest, so a burst of messages does not cover the screen. */
const MAX_VISIBLE_TOASTS = 4;

export const useChatUiStore = create<ChatUiState>(() => ({ userId: null, readMarkers: {}, toasts: [], conversationOrigin: 'chats' }));

/** Remembers the list the user is on, so a conversation opened from it leads back there. */
export function rememberConversationOrigin(origin: ConversationOrigin): void {
  if (useChatUiStore.getState().conversationOrigin !== origin) {
    useChatUiStore.setState({ conversationOrigin: origin });
  }
}

/** Loads the read markers of `userId` from `localStorage` and drops the previous user's toasts. */
export function openChatUi(userId: string): void {
  if (useChatUiStore.getState().userId === userId) return;
  useChatUiStore.setState({ userId, readMarkers: loadReadMarkers(window.localStorage, userId), toasts: [] });
}

/** Marks the room read up to its latest message, on this device, and closes its toasts. */
export function markConversationRead(room: ReadableRoom): void {
  const { userId, readMarkers, toasts } = useChatUiStore.getState();
  if (userId === null) return;
  const next = markRoomRead(readMarkers, room);
  if (next === readMarkers) return;
  saveReadMarkers(window.localStorage, userId, next);
  const marker = next[room.id] ?? 0;
  useChatUiStore.setState({
    readMarkers: next,
    toasts: toasts.filter((toast) => toast.roomId !== room.id || toast.seq > marker),
  });
}

export function showToast(toast: ChatToast): void {
  const { toasts } = useChatUiStore.getState();
  if (toasts.some((shown) => shown.messageId === toast.messageId)) return;
  useChatUiStore.setState({ toasts: [toast, ...toasts].slice(0, MAX_VISIBLE_TOASTS) });
}

export function dismissToast(messageId: string): void {
  const { toasts } = useChatUiStore.getState();
  useChatUiStore.setState({ toasts: toasts.filter((toast) => toast.messageId !== messageId) });
}
