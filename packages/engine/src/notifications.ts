import type { NotificationChannel, NotificationDoc } from '@lastro/protocol';
import type { LastroDatabase } from './database.js';
import { LastroError } from './errors.js';

/** Tracking events of notifications on this device. The server stamps each with its own time. */
export interface NotificationTrackingUpdate {
  delivered?: boolean;
  /** Channel the notification was presented on. */
  shown?: NotificationChannel;
  opened?: boolean;
  read?: boolean;
}

function checkUpdate(update: NotificationTrackingUpdate): void {
  if (typeof update !== 'object' || update === null) {
    throw new LastroError('invalid_request', 'missing tracking update: pass {delivered?, shown?, opened?, read?}', { field: 'update' });
  }
  for (const [field, value] of Object.entries(update)) {
    if (field === 'shown') {
      if (value !== undefined && value !== 'in_app' && value !== 'os') {
        throw new LastroError('invalid_request', `invalid shown ${JSON.stringify(value)}: use "in_app" or "os"`, { field });
      }
    } else if (field === 'delivered' || field === 'opened' || field === 'read') {
      if (value !== undefined && typeof value !== 'boolean') {
        throw new LastroError('invalid_request', `invalid ${field} ${JSON.stringify(value)}: pass true or false`, { field });
      }
    } else {
      throw new LastroError('invalid_request', `unknown tracking field ${JSON.stringify(field)}: use delivered, shown, opened or read`, { field });
    }
  }
}

/**
 * Records tracking on the local notifications, for the push to report to the server. Fields
 * already set stay as they are; the device time written here is a placeholder that the
 * server replaces with its own. Unknown ids are ignored, because a notification may not have
 * arrived on this device yet.
 *
 * @throws LastroError `invalid_request` for an invalid update.
 */
export async function trackNotifications(
  database: LastroDatabase,
  ids: readonly string[],
  update: NotificationTrackingUpdate,
  now: Date,
): Promise<void> {
  checkUpdate(update);
  const at = now.toISOString();
  const documents = await database.notifications.findByIds([...ids]).exec();
  for (const document of documents.values()) {
    const current = document.toJSON() as NotificationDoc;
    const patch: Partial<NotificationDoc> = {};
    const opened = update.opened === true;
    if ((update.delivered === true || update.shown !== undefined || opened || update.read === true) && current.deliveredAt === undefined) {
      patch.deliveredAt = at;
    }
    if (update.shown !== undefined && current.shownAt === undefined) {
      patch.shownAt = at;
      patch.shownChannel = update.shown;
    }
    if (opened && current.openedAt === undefined) patch.openedAt = at;
    if ((opened || update.read === true) && current.readAt === undefined) patch.readAt = at;
    if (Object.keys(patch).length > 0) await document.incrementalPatch(patch);
  }
}
