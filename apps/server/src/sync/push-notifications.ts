import type { NotificationDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { Store } from '../db/store.js';
import { PushRowError, type ValidRow } from './push-rows.js';

/** Compares two documents field by field, ignoring RxDB's `_deleted`. */
function sameNotification(a: NotificationDoc, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => key !== '_deleted'));
  for (const key of keys) {
    if ((a as Record<string, unknown>)[key] !== b[key]) return false;
  }
  return true;
}

/**
 * Applies the rows of a `notifications` push inside the caller's transaction. Clients only
 * report tracking: each of `deliveredAt`, `shownAt` (with `shownChannel`), `openedAt` and
 * `readAt` present in a row is stored with the server's time when the server has none yet;
 * every other field is ignored. The server's document is returned as the conflict whenever it
 * differs from the row, so the client always ends with the server's times.
 *
 * @throws PushRowError for a notification the server does not have, or `shownAt` without
 *   `shownChannel`; the caller rolls the whole push back.
 */
export function pushNotifications(
  store: Store,
  userId: string,
  rows: ValidRow<'notifications'>[],
  now: string,
  changes: ChangeSet,
): NotificationDoc[] {
  const conflicts: NotificationDoc[] = [];
  for (const { index, doc } of rows) {
    const stored = store.notifications.find(userId, doc.id);
    if (stored === undefined) {
      throw new PushRowError(`/rows/${index}/newDocumentState/id`, `no notification ${doc.id} exists for you; only the server creates notifications`);
    }
    if (doc.shownAt !== undefined && doc.shownChannel === undefined) {
      throw new PushRowError(`/rows/${index}/newDocumentState/shownChannel`, 'shownAt needs shownChannel: in_app or os');
    }
    const updated = store.notifications.track(
      userId,
      doc.id,
      {
        delivered: doc.deliveredAt !== undefined,
        shown: doc.shownAt === undefined ? null : (doc.shownChannel ?? null),
        opened: doc.openedAt !== undefined,
        read: doc.readAt !== undefined,
      },
      now,
    );
    if (updated !== undefined) changes.addNotification(userId, updated);
    const current = updated ?? stored;
    if (!sameNotification(current, doc as unknown as Record<string, unknown>)) conflicts.push(current);
  }
  return conflicts;
}
