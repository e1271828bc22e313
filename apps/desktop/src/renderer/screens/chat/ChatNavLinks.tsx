import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { useRoute } from '../../lib/use-route';
import { useSessionStore } from '../../state/session';
import { rememberConversationOrigin, useChatUiStore } from './chat-state';
import { useUnreadCounts } from './hooks';
import './chat.css';

/**
 * Header links to the chat screens, with the total unread badge; only investors and borrowers
 * chat. On a conversation screen the link of the list it was opened from stays highlighted.
 */
export function ChatNavLinks() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const route = useRoute();
  const origin = useChatUiStore((state) => state.conversationOrigin);
  const { total } = useUnreadCounts();

  useEffect(() => {
    if (route.name === 'chats') rememberConversationOrigin('chats');
    if (route.name === 'dashboard' && user?.role === 'borrower') rememberConversationOrigin('requests');
  }, [route.name, user?.role]);

  if (user === null || (user.role !== 'investor' && user.role !== 'borrower')) return null;
  // "page" marks the list on screen; "location" marks the list a conversation on screen belongs to.
  const currentOf = (list: 'chats' | 'requests'): 'page' | 'location' | undefined => {
    if (route.name === (list === 'chats' ? 'chats' : 'dashboard')) return 'page';
    if (route.name === 'chat' && origin === list) return 'location';
    return undefined;
  };
  return (
    <nav className="chat-nav" aria-label={t('chat.nav.label')}>
      {user.role === 'borrower' && (
        <a
          className="chat-nav__link"
          href={routeHash({ name: 'dashboard' })}
          aria-current={currentOf('requests')}
          data-testid="nav-requests"
        >
          {t('chat.nav.requests')}
        </a>
      )}
      <a
        className="chat-nav__link"
        href={routeHash({ name: 'chats' })}
        aria-current={currentOf('chats')}
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
