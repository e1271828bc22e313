import { useTranslation } from 'react-i18next';
import { routeHash } from '../lib/routes';
import { useLiveStore } from '../state/live-store';
import { endExpiredSession, logOut, useSessionStore } from '../state/session';
import { ChatNavLinks } from '../screens/chat/ChatNavLinks';
import { SupportNavLink } from '../screens/support/SupportNavLink';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell, SecurityLink } from './NotificationBell';

/** The tagline names the area the signed-in role works in. */
function taglineKey(role: string | undefined): string {
  if (role === 'borrower') return 'app.taglineBorrower';
  if (role === 'support') return 'app.taglineSupport';
  return 'app.tagline';
}

export function Header() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const status = useLiveStore((state) => state.connection.status);

  return (
    <header className="header">
      <a className="header__brand" href={routeHash({ name: 'dashboard' })}>
        <span className="header__logo" aria-hidden="true">L</span>
        {t('app.name')}
        <span className="header__tagline">{t(taglineKey(user?.role))}</span>
      </a>
      <div className="header__right">
        <ChatNavLinks />
        <SupportNavLink />
        {user !== null && <SecurityLink />}
        {user !== null && <NotificationBell />}
        <ConnectionIndicator />
        {status === 'unauthorized' && (
          <button type="button" className="button button--small" onClick={() => void endExpiredSession()}>
            {t('header.relogin')}
          </button>
        )}
        {user !== null && (
          <span className="header__user" data-testid="user-name">
            {t('header.signedInAs', { name: user.name })}
          </span>
        )}
        <LanguageSwitch />
        {user !== null && (
          <button type="button" className="button button--ghost" data-testid="logout" onClick={() => void logOut()}>
            {t('header.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
