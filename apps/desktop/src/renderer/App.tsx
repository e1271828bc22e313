import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/Header';
import { NotificationPresenter } from './components/NotificationPresenter';
import { InitialSync } from './components/InitialSync';
import { UpdateBanner } from './components/UpdateBanner';
import { changeLanguage, isLanguage } from './i18n';
import { trayStateFor } from './lib/connection';
import { guardRoute } from './lib/route-guard';
import { parseRoute, routeHash } from './lib/routes';
import { useRoute } from './lib/use-route';
import { desktopShell } from './platform/shell';
import { BorrowerRequestsScreen } from './screens/borrower/BorrowerRequestsScreen';
import { ChatConversationScreen } from './screens/chat/ChatConversationScreen';
import { ChatListScreen } from './screens/chat/ChatListScreen';
import { ChatNotifications } from './screens/chat/ChatNotifications';
import { DashboardScreen } from './screens/DashboardScreen';
import { LoanDetailScreen } from './screens/LoanDetailScreen';
import { LoginScreen } from './screens/LoginScreen';
import { NotificationsScreen } from './screens/notifications/NotificationsScreen';
import { SecurityAlertBanner } from './screens/security/SecurityAlertBanner';
import { SecurityScreen } from './screens/security/SecurityScreen';
import { OverruledNotice } from './screens/OverruledChanges';
import { SupportScreen } from './screens/support/SupportScreen';
import { useIsSupportOnDashboard, useSupportHome } from './screens/support/SupportNavLink';
import { useLiveStore } from './state/live-store';
import { useSessionStore } from './state/session';

function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <main className="not-found">
      <h1>{t('notFound.title')}</h1>
      <a href={routeHash({ name: 'dashboard' })}>{t('notFound.back')}</a>
    </main>
  );
}

function RouteContent() {
  const route = useRoute();
  const role = useSessionStore((state) => state.user?.role);
  // The dashboard is for investors: useSupportHome moves a support user on to #/support.
  const supportOnDashboard = useIsSupportOnDashboard();
  if (supportOnDashboard) return null;
  switch (route.name) {
    case 'loan':
      return <LoanDetailScreen loanId={route.loanId} />;
    case 'support':
      return <SupportScreen />;
    case 'chats':
      return <ChatListScreen />;
    case 'chat':
      return <ChatConversationScreen loanId={route.loanId} investorId={route.investorId} />;
    case 'notifications':
      return <NotificationsScreen />;
    case 'security':
      return <SecurityScreen />;
    case 'notFound':
      return <NotFoundScreen />;
    default:
      // Borrowers have no wallet operations: their home is the list of their loan requests.
      return role === 'borrower' ? <BorrowerRequestsScreen /> : <DashboardScreen />;
  }
}

function SignedInContent() {
  const { t } = useTranslation();
  const initialSyncDone = useLiveStore((state) => state.sync.initialSyncDone);
  const status = useLiveStore((state) => state.connection.status);
  const catchingUp = useLiveStore((state) => state.sync.catchingUp);
  if (initialSyncDone) {
    return (
      <>
        {catchingUp && (
          <p className="sync-banner" role="status" aria-busy="true" data-testid="catch-up-progress">
            {t('sync.catchingUp')}
          </p>
        )}
        <RouteContent />
      </>
    );
  }
  // While the server is reachable the first sync finishes quickly, so show its progress. When
  // it is not, show whatever the local database already has instead of waiting.
  if (status === 'idle' || status === 'connecting' || status === 'online') {
    return <InitialSync />;
  }
  return (
    <>
      <p className="sync-banner" role="status" data-testid="sync-banner">{t('sync.notSynced')}</p>
      <RouteContent />
    </>
  );
}

/**
 * Keeps the route consistent with the session: the login screen when signed out, the app
 * otherwise. A screen asked for while signed out, such as a deep link, opens after the sign-in.
 */
function useRouteGuard(): void {
  const phase = useSessionStore((state) => state.phase);
  // useRoute re-renders on every hash change, so the hash read here is current.
  useRoute();
  const hash = window.location.hash;
  const afterSignIn = useRef<string | null>(null);
  useEffect(() => {
    const decision = guardRoute(phase, parseRoute(hash), hash, afterSignIn.current);
    afterSignIn.current = decision.afterSignIn;
    if (decision.redirect !== null) {
      window.location.hash = decision.redirect;
    }
  }, [phase, hash]);
}

/**
 * On the desktop, mirrors the connection state in the tray icon, follows navigation from the
 * tray menu and deep links, and sends the UI language to the main process.
 */
function useDesktopBridge(): void {
  const { i18n } = useTranslation();
  const bridge = useSessionStore((state) => state.platform?.bridge);
  const shell = useMemo(() => desktopShell(bridge), [bridge]);
  const connection = useLiveStore((state) => state.connection);
  const trayState = trayStateFor(connection);
  const language = isLanguage(i18n.language) ? i18n.language : 'pt-BR';

  useEffect(() => {
    void bridge?.setTrayState(trayState);
  }, [bridge, trayState]);

  useEffect(() => {
    const unsubscribe = bridge?.onNavigate((route) => {
      window.location.hash = route;
    });
    // A deep link that arrived before this listener existed is collected once it does.
    shell
      ?.takePendingRoute()
      .then((route) => {
        if (route !== null) window.location.hash = route;
      })
      .catch((error: unknown) => console.warn('reading the pending deep link failed', error));
    return unsubscribe;
  }, [bridge, shell]);

  useEffect(() => {
    shell?.setUiLanguage(language).catch((error: unknown) => console.warn('sending the UI language failed', error));
  }, [shell, language]);
}

/** Follows the language stored in the synced preferences, so a change on another device applies here too. */
function useSyncedLanguage(): void {
  const { i18n } = useTranslation();
  const language = useLiveStore((state) => state.preferences?.language);
  useEffect(() => {
    if (isLanguage(language) && language !== i18n.language) {
      void changeLanguage(language);
    }
  }, [language, i18n]);
}

export function App() {
  const { t } = useTranslation();
  const phase = useSessionStore((state) => state.phase);
  const user = useSessionStore((state) => state.user);
  const startupError = useSessionStore((state) => state.startupError);
  useRouteGuard();
  useSupportHome();
  useDesktopBridge();
  useSyncedLanguage();

  if (phase === 'starting') {
    return <p className="splash">{t('app.starting')}</p>;
  }
  if (phase === 'failed') {
    return (
      <p className="splash form-error" role="alert">
        {t('app.startupFailed', { message: startupError ?? '' })}
      </p>
    );
  }
  return (
    <div className="app">
      <Header />
      <UpdateBanner />
      {phase === 'signedIn' && <OverruledNotice />}
      {phase === 'signedIn' && <SecurityAlertBanner />}
      {phase === 'signedIn' && <ChatNotifications />}
      {phase === 'signedIn' && user !== null && <NotificationPresenter key={user.id} user={user} />}
      {phase === 'signedIn' ? <SignedInContent /> : <LoginScreen />}
    </div>
  );
}
