import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { useRoute } from '../../lib/use-route';
import { useSessionStore } from '../../state/session';
import { useUnreadCounts } from './hooks';
import './chat.css';

/** Header links to the chat screens, with the total unread badge; only investors and borrowers chat. */
export function ChatNavLinks() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const route = useRoute();
  const { total } = useUnreadCounts();
  if (user === null || (user.role !== 'investor' && user.role !== 'borrower')) return null;
  return (
    <nav className="chat-nav" aria-label={t('chat.nav.label')}>
      {user.role === 'borrower' && (
        <a
          className="chat-nav__link"
          href={routeHash({ name: 'dashboard' })}
          aria-current={route.name === 'dashboard' ? 'page' : undefined}
          data-testid="nav-requests"
        >
          {t('chat.nav.requests')}
        </a>
      )}
      <a
        className="chat-nav__link"
        href={routeHash({ name: 'chats' })}
        aria-current={route.name === 'chats' ? 'page' : undefined}
        data-testid="nav-chats"
      >
        {t('chat.nav.chats')}
        {total > 0 && (
          <span className="chat-badge" data-testid="chat-unread-total" aria-label={t('chat.unread', { count: total })}>
            {total}
          </span>
        )}
      </a>
    </nav>
  );
}
