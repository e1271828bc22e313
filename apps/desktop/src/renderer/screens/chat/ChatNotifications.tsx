import { chatRoomIdOf } from '@lastro/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { conversationHash, describeRoomLoan, roomIdOnScreen } from '../../lib/chat-rooms';
import {
  decideNotification,
  isNewIncomingMessage,
  previewText,
  ShownMessageIds,
  unavailableOsNotifications,
  type ChatNotification,
  type OsNotificationChannel,
} from '../../lib/notify';
import { useRoute } from '../../lib/use-route';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { dismissToast, openChatUi, showToast, useChatUiStore, type ChatToast } from './chat-state';
import './chat.css';

/** Milliseconds a toast stays on screen unless the user closes it or opens its conversation. */
const TOAST_VISIBLE_MS = 15_000;

interface AnnouncementTracker {
  userId: string;
  /** Messages up to this server sequence are not announced: the first sync loaded them, or they were handled. */
  baselineSeq: number;
  shown: ShownMessageIds;
}

/**
 * Announces incoming chat messages while the app is open: an in-app toast, or the operating
 * system channel when the window is hidden and the channel is available. Messages loaded by
 * the first sync of the session, the user's own messages and messages of the conversation on
 * screen are not announced.
 */
function useChatAnnouncements(osChannel: OsNotificationChannel): void {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const messages = useLiveStore((state) => state.chatMessages);
  const initialSyncDone = useLiveStore((state) => state.sync.initialSyncDone);
  const route = useRoute();
  const tracker = useRef<AnnouncementTracker | null>(null);

  useEffect(() => {
    if (user !== null) openChatUi(user.id);
  }, [user]);

  useEffect(() => {
    if (user === null || !initialSyncDone) return;
    if (tracker.current?.userId !== user.id) {
      const firstSyncSeq = useLiveStore.getState().sync.collections.chatMessages.checkpointSeq ?? 0;
      tracker.current = { userId: user.id, baselineSeq: firstSyncSeq, shown: new ShownMessageIds() };
    }
    const current = tracker.current;
    const onScreen = roomIdOnScreen(route, user);
    let handledSeq = current.baselineSeq;
    for (const message of messages) {
      if (!isNewIncomingMessage(message, user.id, current.baselineSeq)) continue;
      handledSeq = Math.max(handledSeq, message.seq);
      const roomId = chatRoomIdOf(message.loanId, message.investorId);
      const decision = decideNotification({
        alreadyShown: current.shown.has(message.id),
        viewingConversation: roomId === onScreen,
        documentVisible: document.visibilityState === 'visible',
        windowFocused: document.hasFocus(),
        osAvailable: osChannel.isAvailable(),
      });
      current.shown.add(message.id);
      if (!decision.show) continue;

      const loan = useLiveStore.getState().loans.find((candidate) => candidate.id === message.loanId);
      const notification: ChatNotification = {
        messageId: message.id,
        title: message.senderName ?? t('chat.toast.unknownSender'),
        loan: describeRoomLoan(message.loanId, loan),
        body: previewText(message.text),
        hash: conversationHash(user, message),
      };
      const toast: ChatToast = { ...notification, roomId, seq: message.seq };
      if (decision.channel === 'in_app') {
        showToast(toast);
      } else {
        // A failed OS notification falls back to the toast, so the message is still announced.
        void osChannel.show(notification).then((result) => {
          if (!result.shown) showToast(toast);
        });
      }
    }
    current.baselineSeq = handledSeq;
  }, [messages, initialSyncDone, user, route, osChannel, t]);
}

function ToastItem({ toast }: { toast: ChatToast }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(toast.messageId), TOAST_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast.messageId]);

  return (
    <li className="chat-toast" data-testid="chat-toast" data-message-id={toast.messageId}>
      <button
        type="button"
        className="chat-toast__open"
        data-testid="chat-toast-open"
        onClick={() => {
          dismissToast(toast.messageId);
          window.location.hash = toast.hash;
        }}
      >
        <span className="chat-toast__title">{t('chat.toast.title', { name: toast.title })}</span>
        <span className="chat-toast__loan" data-testid="chat-toast-loan">{toast.loan}</span>
        <span className="chat-toast__body">{toast.body}</span>
      </button>
      <button
        type="button"
        className="chat-toast__close"
        aria-label={t('chat.toast.close')}
        onClick={() => dismissToast(toast.messageId)}
      >
        ×
      </button>
    </li>
  );
}

/** Announces incoming chat messages and shows their toasts; mount it once while a user is signed in. */
export function ChatNotifications({ osChannel = unavailableOsNotifications }: { osChannel?: OsNotificationChannel }) {
  const { t } = useTranslation();
  useChatAnnouncements(osChannel);
  const toasts = useChatUiStore((state) => state.toasts);
  // The live region stays mounted while empty, so screen readers announce toasts added later.
  return (
    <ul className="chat-toasts" aria-label={t('chat.toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.messageId} toast={toast} />
      ))}
    </ul>
  );
}
