/** Screens addressed by the location hash, so a reload or a tray action can open any of them. */
export type Route =
  | { name: 'login' }
  | { name: 'dashboard' }
  | { name: 'loan'; loanId: string }
  /** The support console: held messages and the chat audit log (role support). */
  | { name: 'support' }
  /** The user's chat conversations. */
  | { name: 'chats' }
  /** One conversation: the room of `investorId` on `loanId`. */
  | { name: 'chat'; loanId: string; investorId: string }
  /** The notifications centre and the notification preferences. */
  | { name: 'notifications' }
  /** The user's login sessions and the security alert. */
  | { name: 'security' }
  | { name: 'notFound'; hash: string };

/** Same bound and alphabet as document ids on the wire (at most 64 characters). */
const LOAN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Tells whether `id` has the form of a loan id, as `#/loans/LOAN_ID` accepts it. */
export function isLoanId(id: string): boolean {
  return LOAN_ID_PATTERN.test(id);
}

/** Decodes one path segment and returns it when it is a valid id, or null. */
function decodeId(segment: string | undefined): string | null {
  let id: string;
  try {
    id = decodeURIComponent(segment ?? '');
  } catch {
    return null;
  }
  return LOAN_ID_PATTERN.test(id) ? id : null;
}

/** Parses a location hash such as "#/loans/LOAN_ID" into a route; anything unknown is `notFound`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') {
    return { name: 'dashboard' };
  }
  if (path === '/login') {
    return { name: 'login' };
  }
  if (path === '/support') {
    return { name: 'support' };
  }
  if (path === '/chats') {
    return { name: 'chats' };
  }
  if (path === '/notifications') {
    return { name: 'notifications' };
  }
  if (path === '/security') {
    return { name: 'security' };
  }
  const chatMatch = /^\/loans\/([^/]+)\/chat\/([^/]+)$/.exec(path);
  if (chatMatch !== null) {
    const loanId = decodeId(chatMatch[1]);
    const investorId = decodeId(chatMatch[2]);
    return loanId !== null && investorId !== null ? { name: 'chat', loanId, investorId } : { name: 'notFound', hash };
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
    case 'support':
      return '#/support';
    case 'chats':
      return '#/chats';
    case 'chat':
      return `#/loans/${encodeURIComponent(route.loanId)}/chat/${encodeURIComponent(route.investorId)}`;
    case 'notifications':
      return '#/notifications';
    case 'security':
      return '#/security';
  }
}
