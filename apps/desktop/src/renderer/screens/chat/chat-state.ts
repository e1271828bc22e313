import { create } from 'zustand';
import { markChatNotificationsRead } from '../../state/notifications';

/** An in-app toast announcing an incoming chat message, made from its `chat_message` notification. */
export interface ChatToast {
  /** The notification id, `chat:<message id>`. */
  messageId: string;
  roomId: string;
  /** Server sequence of the notification. */
  seq: number;
  /** The notification's title in the UI language, "Nova mensagem de Ana Ribeiro". */
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
  /** The signed-in user, or null before a user signed in. */
  userId: string | null;
  /** Newest first. */
  toasts: ChatToast[];
  /** Where the back link of a conversation leads and which header link stays highlighted on it. */
  conversationOrigin: ConversationOrigin;
}

/** Toasts beyond this number push out the oldest, so a burst of messages does not cover the screen. */
const MAX_VISIBLE_TOASTS = 4;

export const useChatUiStore = create<ChatUiState>(() => ({ userId: null, toasts: [], conversationOrigin: 'chats' }));

/** Remembers the list the user is on, so a conversation opened from it leads back there. */
export function rememberConversationOrigin(origin: ConversationOrigin): void {
  if (useChatUiStore.getState().conversationOrigin !== origin) {
    useChatUiStore.setState({ conversationOrigin: origin });
  }
}

/** Drops the previous user's toasts when another user signs in. */
export function openChatUi(userId: string): void {
  if (useChatUiStore.getState().userId === userId) return;
  useChatUiStore.setState({ userId, toasts: [] });
}

/** Marks the conversation's chat notifications read on every device of the user and closes its toasts. */
export function markConversationRead(room: { id: string; loanId: string; investorId: string }): void {
  markChatNotificationsRead(room.loanId, room.investorId);
  const { toasts } = useChatUiStore.getState();
  if (toasts.some((toast) => toast.roomId === room.id)) {
    useChatUiStore.setState({ toasts: toasts.filter((toast) => toast.roomId !== room.id) });
  }
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
