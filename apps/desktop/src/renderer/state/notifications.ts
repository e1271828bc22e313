import type { SessionSummary } from '@lastro/protocol';
import { create } from 'zustand';
import type { NotificationTrackingUpdate } from '../engine/client';
import { errorKind } from '../lib/errors';
import { unreadChatNotificationIds } from '../lib/unread';
import { useLiveStore } from './live-store';
import { requireActiveClient } from './session';

/** An in-app toast of a notification other than a chat message (chat keeps its own toasts). */
export interface NotificationToast {
  id: string;
  type: string;
  title: string;
  body: string;
  /** Location hash opened by a click. */
  hash: string;
  critical: boolean;
}

interface NotificationToastState {
  /** Newest first. */
  toasts: NotificationToast[];
}

/** Toasts beyond this number push out the oldest, so a burst does not cover the screen. */
const MAX_VISIBLE_TOASTS = 4;

export const useNotificationToasts = create<NotificationToastState>(() => ({ toasts: [] }));

export function showNotificationToast(toast: NotificationToast): void {
  const { toasts } = useNotificationToasts.getState();
  if (toasts.some((shown) => shown.id === toast.id)) return;
  useNotificationToasts.setState({ toasts: [toast, ...toasts].slice(0, MAX_VISIBLE_TOASTS) });
}

export function dismissNotificationToast(id: string): void {
  const { toasts } = useNotificationToasts.getState();
  useNotificationToasts.setState({ toasts: toasts.filter((toast) => toast.id !== id) });
}

export function clearNotificationToasts(): void {
  useNotificationToasts.setState({ toasts: [] });
}

/**
 * Records tracking of notifications on the server. Failures are logged and dropped: tracking
 * only feeds statistics and the read state, and the next change retries what matters.
 */
export async function trackNotifications(ids: readonly string[], update: NotificationTrackingUpdate): Promise<void> {
  if (ids.length === 0) return;
  try {
    await requireActiveClient('tracking notifications').trackNotifications(ids, update);
  } catch (error) {
    console.warn(`tracking ${JSON.stringify(update)} of notifications ${ids.join(', ')} failed`, error);
  }
}

/** Records that the user opened a notification (which also marks it read) and shows its screen. */
export function openNotification(id: string, hash: string): void {
  dismissNotificationToast(id);
  void trackNotifications([id], { opened: true });
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** Marks every unread notification read, on every device of the user. */
export function markAllNotificationsRead(): Promise<void> {
  const ids = useLiveStore
    .getState()
    .notifications.filter((notification) => notification.readAt === undefined)
    .map((notification) => notification.id);
  return trackNotifications(ids, { read: true });
}

/** Marks the unread chat notifications of one conversation read. */
export function markChatNotificationsRead(loanId: string, investorId: string): void {
  void trackNotifications(unreadChatNotificationIds(useLiveStore.getState().notifications, loanId, investorId), { read: true });
}

/** This device's session id on the server, or null when signed out or not reported. */
export function ownSessionId(): string | null {
  try {
    return requireActiveClient('reading the session').session?.sessionId ?? null;
  } catch {
    return null;
  }
}

/** Lists the user's active sessions. */
export function listSessions(): Promise<SessionSummary[]> {
  return requireActiveClient('listing sessions').sessions.list();
}

/**
 * Ends another session of the user, then marks its security alert read. A session that had
 * already ended counts as ended.
 */
/**
 * Confirms that a login flagged as suspicious was the user's own: the server drops the
 * session's suspicious mark and marks the alert read everywhere. Without a connection the alert
 * is still marked read here, and the error is raised so the caller can say the mark stays.
 */
export async function confirmSession(sessionId: string): Promise<void> {
  const client = requireActiveClient('confirming a login');
  try {
    await client.sessions.confirm(sessionId);
  } finally {
    await trackNotifications([`login:${sessionId}`], { read: true });
  }
}

/** Ends every session of the user but this one and marks the alerts about them read; returns how many ended. */
export async function revokeOtherSessions(): Promise<number> {
  return requireActiveClient('ending the other sessions').sessions.revokeOthers();
}

export async function revokeSession(sessionId: string): Promise<void> {
  const client = requireActiveClient('ending a session');
  try {
    await client.sessions.revoke(sessionId);
  } catch (error) {
    if (errorKind(error) !== 'conflict') throw error;
  }
  await trackNotifications([`login:${sessionId}`], { read: true });
}
