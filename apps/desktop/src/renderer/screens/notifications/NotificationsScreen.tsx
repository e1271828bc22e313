import { formatDateTimeSaoPaulo } from '@lastro/domain';
import type { NotificationDoc } from '@lastro/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationIcon } from '../../components/NotificationIcon';
import { countUnread, notificationHash, notificationTexts } from '../../lib/notifications';
import { useLiveStore } from '../../state/live-store';
import { markAllNotificationsRead, openNotification } from '../../state/notifications';
import { useSessionStore } from '../../state/session';
import { NotificationPreferences } from './NotificationPreferences';
import './notifications.css';

function NotificationItem({ notification }: { notification: NotificationDoc }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((state) => state.user);
  if (user === null) return null;
  const { title, body } = notificationTexts(notification, i18n.language);
  const unread = notification.readAt === undefined;
  return (
    <li
      className={`notification-item${unread ? ' notification-item--unread' : ''}`}
      data-testid="notification-item"
      data-notification-id={notification.id}
      data-type={notification.type}
      data-unread={unread}
    >
      <button type="button" className="notification-item__open" onClick={() => openNotification(notification.id, notificationHash(notification, user))}>
        <NotificationIcon type={notification.type} />
        <span className="notification-item__text">
          <span className="notification-item__head">
            <strong className="notification-item__title">{title}</strong>
            <span className="muted notification-item__type">{t(`notifications.types.${notification.type}`, { defaultValue: notification.type })}</span>
          </span>
          <span className="notification-item__body">{body}</span>
          <span className="muted notification-item__time">{formatDateTimeSaoPaulo(notification.createdAt, i18n.language)}</span>
          {unread && notification.shownAt === undefined && Date.parse(notification.deliverAt) > Date.now() && (
            <span className="muted notification-item__due" data-testid="notification-due">
              {t('notifications.centre.dueAt', { time: formatDateTimeSaoPaulo(notification.deliverAt, i18n.language) })}
            </span>
          )}
        </span>
        {unread && <span className="notification-item__dot" aria-label={t('notifications.centre.unread')} />}
      </button>
    </li>
  );
}

/** Asks for the browser's notification permission; browsers allow the prompt only from a click like this one. */
function WebPermissionButton() {
  const { t } = useTranslation();
  const kind = useSessionStore((state) => state.platform?.kind);
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));
  if (kind !== 'web' || permission === 'unsupported') return null;
  if (permission !== 'default') {
    return <p className="muted" data-testid="web-permission-state" data-permission={permission}>{t(`notifications.permission.${permission}`)}</p>;
  }
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="web-permission-request"
      onClick={() => void Notification.requestPermission().then((result) => setPermission(result))}
    >
      {t('notifications.permission.request')}
    </button>
  );
}

/** Shows the notifications centre: every notification, newest first, with its read state synced across devices. */
export function NotificationsScreen() {
  const { t } = useTranslation();
  const notifications = useLiveStore((state) => state.notifications);
  const unread = countUnread(notifications);
  return (
    <main className="notifications-screen">
      <section className="panel notifications-centre" aria-labelledby="notifications-title" data-testid="notifications-centre" data-unread={unread}>
        <div className="panel__toolbar">
          <h1 id="notifications-title" className="panel__title">{t('notifications.centre.title')}</h1>
          <span className="muted" data-testid="notifications-unread-count">{t('notifications.centre.unreadCount', { count: unread })}</span>
          <button
            type="button"
            className="button button--small"
            data-testid="notifications-mark-all-read"
            disabled={unread === 0}
            onClick={() => void markAllNotificationsRead()}
          >
            {t('notifications.centre.markAllRead')}
          </button>
          <WebPermissionButton />
        </div>
        {notifications.length === 0 ? (
          <p className="muted" data-testid="notifications-empty">{t('notifications.centre.empty')}</p>
        ) : (
          <ul className="notification-list">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
        )}
      </section>
      <NotificationPreferences />
    </main>
  );
}
