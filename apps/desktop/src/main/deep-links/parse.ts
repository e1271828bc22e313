import { parseRoute, routeHash } from '../../renderer/lib/routes';

/**
 * Parsing of the app's deep links. Two links exist:
 *
 * - `lastro://loan/LOAN_ID` opens the loan detail (`#/loans/LOAN_ID`);
 * - `lastro://security` opens the Security screen (`#/security`).
 *
 * The scheme and the host are case-insensitive, one trailing slash is accepted and the loan id
 * may be percent-encoded. Everything else (query, fragment, user info, port, other hosts, extra
 * path segments, ids outside the route alphabet) is rejected with a reason for the log.
 * No Electron import, so the rules run in unit tests.
 */

export const DEEP_LINK_SCHEME = 'lastro';

/** Links longer than this are rejected before parsing: a valid one is under 100 characters. */
export const MAX_DEEP_LINK_LENGTH = 512;

/** Same alphabet and bound as the renderer's loan route; the protocol bounds document ids at 64 characters. */
const LOAN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Control characters, spaces and the Unicode line and paragraph separators. */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007F-\u009F\u2028\u2029]/;

/** A screen that a deep link opens. */
export type DeepLinkTarget = { screen: 'loan'; loanId: string } | { screen: 'security' };

export type DeepLinkParseResult = { ok: true; target: DeepLinkTarget } | { ok: false; reason: string };

function reject(reason: string): DeepLinkParseResult {
  return { ok: false, reason };
}

/** Parses a `lastro://` link; see the module comment for what is accepted. */
export function parseDeepLink(raw: string): DeepLinkParseResult {
  if (raw.length > MAX_DEEP_LINK_LENGTH) {
    return reject(`longer than ${MAX_DEEP_LINK_LENGTH} characters`);
  }
  if (FORBIDDEN_CHARACTERS.test(raw)) {
    return reject('contains spaces or control characters');
  }
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (raw.slice(0, prefix.length).toLowerCase() !== prefix) {
    return reject(`the link must start with ${prefix}`);
  }
  const rest = raw.slice(prefix.length);
  if (rest.includes('?')) {
    return reject('deep links take no query');
  }
  if (rest.includes('#')) {
    return reject('deep links take no fragment');
  }
  if (rest.includes('\\')) {
    return reject('contains a backslash');
  }

  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  if (authority.includes('@')) {
    return reject('deep links take no user name or password');
  }
  if (authority.includes(':')) {
    return reject('deep links take no port');
  }
  const host = authority.toLowerCase();
  // One trailing slash is tolerated because some browsers and shells append it.
  const segments = path === '' || path === '/' ? [] : path.replace(/\/$/, '').slice(1).split('/');

  if (host === 'security') {
    return segments.length === 0 ? { ok: true, target: { screen: 'security' } } : reject('lastro://security takes no path');
  }
  if (host === 'loan') {
    if (segments.length === 0) {
      return reject('missing loan id: use lastro://loan/LOAN_ID');
    }
    if (segments.length > 1) {
      return reject('expected exactly one loan id after lastro://loan/');
    }
    let loanId: string;
    try {
      loanId = decodeURIComponent(segments[0] ?? '');
    } catch {
      return reject('the loan id is not valid percent-encoding');
    }
    if (!LOAN_ID_PATTERN.test(loanId)) {
      return reject('invalid loan id: expected 1 to 64 letters, digits, "-" or "_", such as emp-00008');
    }
    return { ok: true, target: { screen: 'loan', loanId } };
  }
  if (host === '') {
    return reject('missing screen: use lastro://loan/LOAN_ID or lastro://security');
  }
  return reject(`unknown screen ${JSON.stringify(host.slice(0, 40))}: use lastro://loan/LOAN_ID or lastro://security`);
}

/** Returns the renderer's hash route for a deep-link target, such as "#/loans/emp-00008". */
export function deepLinkRoute(target: DeepLinkTarget): string {
  return target.screen === 'loan' ? routeHash({ name: 'loan', loanId: target.loanId }) : routeHash({ name: 'security' });
}

/** Builds the deep link of a target, the inverse of {@link parseDeepLink}. */
export function formatDeepLink(target: DeepLinkTarget): string {
  return target.screen === 'loan'
    ? `${DEEP_LINK_SCHEME}://loan/${encodeURIComponent(target.loanId)}`
    : `${DEEP_LINK_SCHEME}://security`;
}

/**
 * Returns the deep link of a hash route, or null when no deep link addresses that screen
 * (chat conversations, the notifications centre, the dashboard).
 */
export function deepLinkForRoute(route: string): string | null {
  const parsed = parseRoute(route);
  if (parsed.name === 'loan') {
    return formatDeepLink({ screen: 'loan', loanId: parsed.loanId });
  }
  if (parsed.name === 'security') {
    return formatDeepLink({ screen: 'security' });
  }
  return null;
}

/** Cuts an untrusted link for a log line, so a huge argument cannot flood the log. */
export function describeLinkForLog(raw: string): string {
  return raw.length > 120 ? `${raw.slice(0, 119)}…` : raw;
}
