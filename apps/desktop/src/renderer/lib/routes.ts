/** Screens addressed by the location hash, so a reload or a tray action can open any of them. */
export type Route =
  | { name: 'login' }
  | { name: 'dashboard' }
  | { name: 'loan'; loanId: string }
  | { name: 'notFound'; hash: string };

/** Same bound and alphabet as document ids on the wire (at most 64 characters). */
const LOAN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses a location hash such as "#/loans/LOAN_ID" into a route; anything unknown is `notFound`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') {
    return { name: 'dashboard' };
  }
  if (path === '/login') {
    return { name: 'login' };
  }
  const loanMatch = /^\/loans\/([^/]+)$/.exec(path);
  if (loanMatch !== null) {
    let loanId: string;
    try {
      loanId = decodeURIComponent(loanMatch[1] ?? '');
    } catch {
      return { name: 'notFound', hash };
    }
    if (LOAN_ID_PATTERN.test(loanId)) {
      return { name: 'loan', loanId };
    }
  }
  return { name: 'notFound', hash };
}

/** Builds the hash of a route, the inverse of {@link parseRoute}. */
export function routeHash(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'login':
      return '#/login';
    case 'dashboard':
      return '#/';
    case 'loan':
      return `#/loans/${encodeURIComponent(route.loanId)}`;
  }
}
