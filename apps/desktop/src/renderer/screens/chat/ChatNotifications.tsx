import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openNotification } from '../../state/notifications';
import { useSessionStore } from '../../state/session';
import { dismissToast, openChatUi, useChatUiStore, type ChatToast } from './chat-state';
import './chat.css';

/** Milliseconds a toast stays on screen unless the user closes it or opens its conversation. */
const TOAST_VISIBLE_MS = 15_000;

function ToastItem({ toast }: { toast: ChatToast }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(toast.messageId), TOAST_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast.messageId]);

  return (
    <li className="chat-toast" data-testid="chat-toast" data-notification-id={toast.messageId}>
      <button
        type="button"
        className="chat-toast__open"
        data-testid="chat-toast-open"
        onClick={() => {
          dismissToast(toast.messageId);
          openNotification(toast.messageId, toast.hash);
        }}
      >
        <span className="chat-toast__title">{toast.title}</span>
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

/**
 * Shows the toasts of incoming chat messages. The notification presenter decides which
 * `chat_message` notifications become toasts, so each message is announced once on one channel.
 * Mount it once while a user is signed in.
 */
export function ChatNotifications() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const toasts = useChatUiStore((state) => state.toasts);

  useEffect(() => {
    if (user !== null) openChatUi(user.id);
  }, [user]);

  // The live region stays mounted while empty, so screen readers announce toasts added later.
  return (
    <ul className="chat-toasts" aria-label={t('chat.toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.messageId} toast={toast} />
      ))}
    </ul>
  );
}
