import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { countWaitingHeld } from '../../lib/support';
import { useRoute } from '../../lib/use-route';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { useHeldQueueStore } from './held-state';
import './support.css';

/** Header link to the support console, shown only to support users, with the number of held messages waiting. */
export function SupportNavLink() {
  const { t } = useTranslation();
  const role = useSessionStore((state) => state.user?.role);
  const route = useRoute();
  const live = useLiveStore((state) => state.chatMessages);
  const queueIds = useHeldQueueStore((state) => state.ids);
  if (role !== 'support') return null;
  const waiting = countWaitingHeld(live, queueIds);
  return (
    <a
      className="button button--small button--ghost support-nav"
      href={routeHash({ name: 'support' })}
      aria-current={route.name === 'support' ? 'page' : undefined}
      data-testid="nav-support"
    >
      {t('supportConsole.nav')}
      {waiting > 0 && (
        <span className="support-nav__badge" data-testid="nav-support-held" aria-label={t('supportConsole.held.waiting', { count: waiting })}>
          {waiting}
        </span>
      )}
    </a>
  );
}

/** True when the signed-in user is a support user on the dashboard route, which is for investors. */
export function useIsSupportOnDashboard(): boolean {
  const role = useSessionStore((state) => state.user?.role);
  const phase = useSessionStore((state) => state.phase);
  const route = useRoute();
  return phase === 'signedIn' && role === 'support' && route.name === 'dashboard';
}

/** Sends a support user from the dashboard (where login and the brand link lead) to the support console. */
export function useSupportHome(): void {
  const onDashboard = useIsSupportOnDashboard();
  useEffect(() => {
    if (onDashboard) {
      window.location.hash = routeHash({ name: 'support' });
    }
  }, [onDashboard]);
}
