import type { SessionPhase } from '../state/session';
import { routeHash, type Route } from './routes';

export interface RouteGuardDecision {
  /** Hash to go to now, or null to stay. */
  redirect: string | null;
  /** Hash to open after the next sign-in, or null for the dashboard. */
  afterSignIn: string | null;
}

/** Routes worth returning to after a sign-in: a screen the user asked for, such as a deep link. */
function isReturnRoute(route: Route): boolean {
  return route.name !== 'login' && route.name !== 'dashboard' && route.name !== 'notFound';
}

/**
 * Keeps the route consistent with the session. Signed out, every screen leads to the login
 * page, and the screen that was asked for (a deep link or a tray item) is remembered. After the
 * sign-in, the login page or the dashboard gives way to that screen, once. Otherwise the login
 * page leads to the dashboard.
 */
export function guardRoute(phase: SessionPhase, route: Route, hash: string, afterSignIn: string | null): RouteGuardDecision {
  if (phase === 'signedOut') {
    if (route.name === 'login') {
      return { redirect: null, afterSignIn };
    }
    return { redirect: routeHash({ name: 'login' }), afterSignIn: isReturnRoute(route) ? hash : afterSignIn };
  }
  if (phase === 'signedIn') {
    // `logIn` itself opens the dashboard, so a remembered screen replaces it as well.
    if (afterSignIn !== null && (route.name === 'login' || route.name === 'dashboard')) {
      return { redirect: afterSignIn, afterSignIn: null };
    }
    if (route.name === 'login') {
      return { redirect: routeHash({ name: 'dashboard' }), afterSignIn: null };
    }
    return { redirect: null, afterSignIn: null };
  }
  return { redirect: null, afterSignIn };
}
