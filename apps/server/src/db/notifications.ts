import type { NotificationChannel, NotificationDoc, NotificationTrackingField, NotificationType } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';

/** A notification as the server creates it; the repository assigns `seq`. */
export type NewNotification = Omit<NotificationDoc, 'seq' | NotificationTrackingField | 'shownChannel'>;

/** Tracking a client reported for a notification. Each reported field is set only when still unset. */
export interface NotificationTracking {
  delivered: boolean;
  shown: NotificationChannel | null;
  opened: boolean;
  read: boolean;
}

/** The tracking of one delivered notification, for statistics. */
export interface TrackedNotification {
  type: NotificationType;
  shownChannel: NotificationChannel | null;
  deliveredAt: string;
  openedAt: string | null;
}

/** Notifications per user (table `notifications`). Writes must run inside a store transaction. */
export interface NotificationRepository {
  /**
   * Stores a notification with the next change sequence and returns it, or returns undefined
   * when the user already has one with this id.
   */
  insertIfNew(userId: string, notification: NewNotification): NotificationDoc | undefined;
  find(userId: string, id: string): NotificationDoc | undefined;
  /**
   * Sets the tracking fields that are still unset to `at`, with the next change sequence.
   * Returns the updated notification, or undefined when nothing changed.
   */
  track(userId: string, id: string, tracking: NotificationTracking, at: string): NotificationDoc | undefined;
  /** Lists the times at which `userId` opened notifications after `after`. */
  openTimes(userId: string, after: string): string[];
  /** Counts the opens of every user after `after` per UTC hour of the day (24 counts). */
  opensByUtcHour(after: string): number[];
  listForSync(userId: string, afterSeq: number, limit: number): NotificationDoc[];
  /** Lists the delivered notifications of every user created in [from, to); a missing bound is open. */
  listDelivered(from: string | undefined, to: string | undefined): TrackedNotification[];
}

interface NotificationRow {
  user_id: string;
  id: string;
  type: NotificationType;
  priority: NotificationDoc['priority'];
  title_pt: string;
  body_pt: string;
  title_en: string;
  body_en: string;
  loan_id: string | null;
  investor_id: string | null;
  session_id: string | null;
  created_at: string;
  deliver_at: string;
  delivered_at: string | null;
  shown_at: string | null;
  shown_channel: NotificationChannel | null;
  opened_at: string | null;
  read_at: string | null;
  seq: number;
}

/** Converts a row; fields that are NULL are left out of the document. */
function notificationDoc(row: NotificationRow): NotificationDoc {
  const doc: NotificationDoc = {
    id: row.id,
    type: row.type,
    priority: row.priority,
    titlePt: row.title_pt,
    bodyPt: row.body_pt,
    titleEn: row.title_en,
    bodyEn: row.body_en,
    createdAt: row.created_at,
    deliverAt: row.deliver_at,
    seq: row.seq,
  };
  if (row.loan_id !== null) doc.loanId = row.loan_id;
  if (row.investor_id !== null) doc.investorId = row.investor_id;
  if (row.session_id !== null) doc.sessionId = row.session_id;
  if (row.delivered_at !== null) doc.deliveredAt = row.delivered_at;
  if (row.shown_at !== null) doc.shownAt = row.shown_at;
  if (row.shown_channel !== null) doc.shownChannel = row.shown_channel;
  if (row.opened_at !== null) doc.openedAt = row.opened_at;
  if (row.read_at !== null) doc.readAt = row.read_at;
  return doc;
}

export function createSqliteNotificationRepository(db: SqliteDatabase): NotificationRepository {
  const exists = db.prepare('SELECT 1 FROM notifications WHERE user_id = ? AND id = ?');
  const insert = db.prepare(
    `INSERT INTO notifications (user_id, id, type, priority, title_pt, body_pt, title_en, body_en, loan_id, investor_id,
       session_id, created_at, deliver_at, seq)
     VALUES (@userId, @id, @type, @priority, @titlePt, @bodyPt, @titleEn, @bodyEn, @loanId, @investorId,
       @sessionId, @createdAt, @deliverAt, @seq)
     RETURNING *`,
  );
  const find = db.prepare('SELECT * FROM notifications WHERE user_id = ? AND id = ?');
  const track = db.prepare(
    `UPDATE notifications SET
       delivered_at = COALESCE(delivered_at, @deliveredAt),
       shown_at = COALESCE(shown_at, @shownAt),
       shown_channel = COALESCE(shown_channel, @shownChannel),
       opened_at = COALESCE(opened_at, @openedAt),
       read_at = COALESCE(read_at, @readAt),
       seq = @seq
     WHERE user_id = @userId AND id = @id
     RETURNING *`,
  );
  const openTimes = db.prepare('SELECT opened_at FROM notifications WHERE user_id = ? AND opened_at > ? ORDER BY opened_at');
  const opensByHour = db.prepare(
    `SELECT CAST(strftime('%H', opened_at) AS INTEGER) AS hour, COUNT(*) AS count
     FROM notifications WHERE opened_at > ? GROUP BY hour`,
  );
  const delivered = db.prepare(
    `SELECT type, shown_channel, delivered_at, opened_at FROM notifications
     WHERE delivered_at IS NOT NULL AND (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to)`,
  );
  const forSync = db.prepare('SELECT * FROM notifications WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');

  return {
    insertIfNew: (userId, notification) => {
      if (exists.get(userId, notification.id) !== undefined) return undefined;
      const row = insert.get({
        userId,
        loanId: null,
        investorId: null,
        sessionId: null,
        ...notification,
        seq: nextSeq(db),
      }) as NotificationRow;
      return notificationDoc(row);
    },
    find: (userId, id) => {
      const row = find.get(userId, id) as NotificationRow | undefined;
      return row === undefined ? undefined : notificationDoc(row);
    },
    track: (userId, id, tracking, at) => {
      const row = find.get(userId, id) as NotificationRow | undefined;
      if (row === undefined) return undefined;
      const changes =
        (tracking.delivered && row.delivered_at === null) ||
        (tracking.shown !== null && row.shown_at === null) ||
        (tracking.opened && row.opened_at === null) ||
        (tracking.read && row.read_at === null);
      if (!changes) return undefined;
      const updated = track.get({
        userId,
        id,
        // Presenting or opening a notification implies that it was delivered.
        deliveredAt: tracking.delivered || tracking.shown !== null || tracking.opened || tracking.read ? at : null,
        shownAt: tracking.shown === null ? null : at,
        shownChannel: tracking.shown,
        openedAt: tracking.opened ? at : null,
        readAt: tracking.read || tracking.opened ? at : null,
        seq: nextSeq(db),
      }) as NotificationRow;
      return notificationDoc(updated);
    },
    openTimes: (userId, after) => (openTimes.all(userId, after) as { opened_at: string }[]).map((row) => row.opened_at),
    opensByUtcHour: (after) => {
      const counts = new Array<number>(24).fill(0);
      for (const row of opensByHour.all(after) as { hour: number; count: number }[]) {
        counts[row.hour] = row.count;
      }
      return counts;
    },
    listDelivered: (from, to) =>
      (
        delivered.all({ from: from ?? null, to: to ?? null }) as {
          type: NotificationType;
          shown_channel: NotificationChannel | null;
          delivered_at: string;
          opened_at: string | null;
        }[]
      ).map((row) => ({ type: row.type, shownChannel: row.shown_channel, deliveredAt: row.delivered_at, openedAt: row.opened_at })),
    listForSync: (userId, afterSeq, limit) => (forSync.all(userId, afterSeq, limit) as NotificationRow[]).map(notificationDoc),
  };
}
