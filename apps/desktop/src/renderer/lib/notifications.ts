import type { NotificationDoc } from '@lastro/protocol';
import { conversationHash, type ChatUser } from './chat-rooms';
import { isPortuguese } from './loans';
import { routeHash } from './routes';

/** Title and body of a notification in the UI language: Portuguese for "pt*", English otherwise. */
export function notificationTexts(notification: Pick<NotificationDoc, 'titlePt' | 'bodyPt' | 'titleEn' | 'bodyEn'>, language: string): {
  title: string;
  body: string;
} {
  return isPortuguese(language)
    ? { title: notification.titlePt, body: notification.bodyPt }
    : { title: notification.titleEn, body: notification.bodyEn };
}

/**
 * Returns the hash of the screen a notification is about. A chat message opens its
 * conversation and a suspicious login the Security screen. Loan and investment notifications
 * open the loan detail, and the rest (PIX, daily digest) the notifications centre.
 */
export function notificationHash(
  notification: Pick<NotificationDoc, 'type' | 'loanId' | 'investorId'>,
  user: ChatUser,
): string {
  if (notification.type === 'chat_message' && notification.loanId !== undefined && notification.investorId !== undefined) {
    return conversationHash(user, { loanId: notification.loanId, investorId: notification.investorId });
  }
  if (notification.type === 'suspicious_login') {
    return routeHash({ name: 'security' });
  }
  if (notification.loanId !== undefined) {
    return routeHash({ name: 'loan', loanId: notification.loanId });
  }
  return routeHash({ name: 'notifications' });
}

/** Counts the notifications without `readAt`, which is set when the user reads one on any device. */
export function countUnread(notifications: readonly Pick<NotificationDoc, 'readAt'>[]): number {
  let count = 0;
  for (const notification of notifications) {
    if (notification.readAt === undefined) count++;
  }
  return count;
}

/**
 * Returns the unread `suspicious_login` alert to show in the banner: the newest about another session
 * that is still active, or null. `activeSessionIds` is null while the session list is not
 * loaded, and then every alert about another session counts.
 */
export function pendingSecurityAlert(
  notifications: readonly NotificationDoc[],
  ownSessionId: string | null,
  activeSessionIds: ReadonlySet<string> | null,
): NotificationDoc | null {
  for (const notification of notifications) {
    if (notification.type !== 'suspicious_login' || notification.readAt !== undefined) continue;
    const sessionId = notification.sessionId;
    if (sessionId === undefined || sessionId === ownSessionId) continue;
    if (activeSessionIds !== null && !activeSessionIds.has(sessionId)) continue;
    return notification;
  }
  return null;
}

/** Version of the stored list of presented ids; a value of another version is ignored. */
const PRESENTED_VERSION = 1;
/** Ids kept per user; older ones fall out, and their `shownAt` from the server still prevents a repeat. */
export const MAX_PRESENTED_IDS = 500;
const NOTIFICATION_ID_PATTERN = /^[^\s]{1,64}$/;

/** Returns the `localStorage` key of the ids a user's notifications were presented under on this browser or device. */
export function presentedIdsKey(userId: string): string {
  return `lastro.notifications.presented.${userId}`;
}

/** Parses the stored ids, oldest first. Anything damaged yields no ids rather than an error. */
export function parsePresentedIds(raw: string | null): string[] {
  if (raw === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'version') !== PRESENTED_VERSION) return [];
  const ids: unknown = Reflect.get(value, 'ids');
  if (!Array.isArray(ids)) return [];
  return ids.filter((id): id is string => typeof id === 'string' && NOTIFICATION_ID_PATTERN.test(id)).slice(-MAX_PRESENTED_IDS);
}

/** Reads a user's presented ids; unavailable storage yields none. */
export function loadPresentedIds(storage: Pick<Storage, 'getItem'>, userId: string): Set<string> {
  try {
    return new Set(parsePresentedIds(storage.getItem(presentedIdsKey(userId))));
  } catch {
    return new Set();
  }
}

/**
 * Adds `id` to a user's presented ids in storage, re-reading them first so another tab's
 * additions are kept, and drops the oldest beyond {@link MAX_PRESENTED_IDS}. Returns false
 * when storage rejected the write.
 */
export function rememberPresentedId(storage: Pick<Storage, 'getItem' | 'setItem'>, userId: string, id: string): boolean {
  try {
    const ids = parsePresentedIds(storage.getItem(presentedIdsKey(userId))).filter((known) => known !== id);
    ids.push(id);
    storage.setItem(presentedIdsKey(userId), JSON.stringify({ version: PRESENTED_VERSION, ids: ids.slice(-MAX_PRESENTED_IDS) }));
    return true;
  } catch {
    return false;
  }
}
