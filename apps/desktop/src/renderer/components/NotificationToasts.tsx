import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissNotificationToast, openNotification, useNotificationToasts, type NotificationToast } from '../state/notifications';
import { NotificationIcon } from './NotificationIcon';
import './notification-toasts.css';

/** Milliseconds a toast stays on screen; critical ones stay until the user closes or opens them. */
const TOAST_VISIBLE_MS = 15_000;

function ToastItem({ toast }: { toast: NotificationToast }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (toast.critical) return undefined;
    const timer = window.setTimeout(() => dismissNotificationToast(toast.id), TOAST_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.critical]);

  return (
    <li
      className={`notification-toast${toast.critical ? ' notification-toast--critical' : ''}`}
      data-testid="notification-toast"
      data-notification-id={toast.id}
      data-type={toast.type}
    >
      <button type="button" className="notification-toast__open" data-testid="notification-toast-open" onClick={() => openNotification(toast.id, toast.hash)}>
        <NotificationIcon type={toast.type} />
        <span className="notification-toast__text">
          <span className="notification-toast__title">{toast.title}</span>
          <span className="notification-toast__body">{toast.body}</span>
        </span>
      </button>
      <button type="button" className="notification-toast__close" aria-label={t('notifications.toast.close')} onClick={() => dismissNotificationToast(toast.id)}>
        ×
      </button>
    </li>
  );
}

/** Shows the in-app toasts of notifications other than chat messages. */
export function NotificationToasts() {
  const { t } = useTranslation();
  const toasts = useNotificationToasts((state) => state.toasts);
  // The live region stays mounted while empty, so screen readers announce toasts added later.
  return (
    <ul className="notification-toasts" aria-label={t('notifications.toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ul>
  );
}
