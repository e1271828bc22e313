import { useTranslation } from 'react-i18next';
import { countUnread } from '../lib/notifications';
import { routeHash } from '../lib/routes';
import { useRoute } from '../lib/use-route';
import { useLiveStore } from '../state/live-store';

/** Header link to the notifications centre, with the unread count synced across devices. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useLiveStore((state) => countUnread(state.notifications));
  const route = useRoute();
  return (
    <a
      className={`chat-nav__link notification-bell${route.name === 'notifications' ? ' chat-nav__link--active' : ''}`}
      href={routeHash({ name: 'notifications' })}
      data-testid="notification-bell"
      data-unread={unread}
      aria-label={t('notifications.bell.label', { count: unread })}
    >
      <svg className="notification-bell__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="chat-badge" data-testid="notification-unread-total">
          {unread}
        </span>
      )}
    </a>
  );
}

/** Header link to the Security screen. */
export function SecurityLink() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <a
      className={`chat-nav__link${route.name === 'security' ? ' chat-nav__link--active' : ''}`}
      href={routeHash({ name: 'security' })}
      data-testid="security-link"
    >
      {t('notifications.security.link')}
    </a>
  );
}
