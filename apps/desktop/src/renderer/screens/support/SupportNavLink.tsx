import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { useRoute } from '../../lib/use-route';
import { useSessionStore } from '../../state/session';

/** Header link to the support console, shown only to support users. */
export function SupportNavLink() {
  const { t } = useTranslation();
  const role = useSessionStore((state) => state.user?.role);
  const route = useRoute();
  if (role !== 'support') return null;
  return (
    <a
      className="button button--small button--ghost"
      href={routeHash({ name: 'support' })}
      aria-current={route.name === 'support' ? 'page' : undefined}
      data-testid="nav-support"
    >
      {t('supportConsole.nav')}
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
