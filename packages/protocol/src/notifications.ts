import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './string-enum.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });
const Text = (maxLength: number) => Type.String({ maxLength });

export const NOTIFICATION_TYPES = [
  'pix_received',
  'pix_out_confirmed',
  'investment_confirmed',
  'investment_rejected',
  'loan_status_changed',
  'chat_message',
  'suspicious_login',
  'loan_match',
  'daily_digest',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** `critical` (money moved, security) is presented at once; `normal` waits for `deliverAt`. */
export const NOTIFICATION_PRIORITIES = ['critical', 'normal'] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

/** Types that are always critical, so a user cannot switch them off. */
export const CRITICAL_NOTIFICATION_TYPES: readonly NotificationType[] = [
  'pix_received',
  'pix_out_confirmed',
  'investment_confirmed',
  'suspicious_login',
];

/** Presentation channels: a toast inside the app, or the operating system's notification. */
export const NOTIFICATION_CHANNELS = ['in_app', 'os'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * A notification for one user. The server creates it; the id is the de-duplication key derived
 * from the event (such as `pix:<endToEndId>`), so a retried or replayed event never creates a
 * second one. Clients write only the tracking fields (`deliveredAt`, `shownAt` with
 * `shownChannel`, `openedAt`, `readAt`): the server keeps the first value of each, stamped
 * with its own time, and never clears one.
 */
export const NotificationDocSchema = Type.Object({
  id: Id,
  type: StringEnum(NOTIFICATION_TYPES),
  priority: StringEnum(NOTIFICATION_PRIORITIES),
  titlePt: Text(120),
  bodyPt: Text(400),
  titleEn: Text(120),
  bodyEn: Text(400),
  /** The loan the notification is about, for loan, investment and chat notifications. */
  loanId: Type.Optional(Id),
  /** The room's investor, for `chat_message`. */
  investorId: Type.Optional(Id),
  /** The session that logged in, for `suspicious_login`. */
  sessionId: Type.Optional(Id),
  /** Server time of the event. */
  createdAt: Timestamp,
  /** Server time from which the notification may be presented, from the send-time model. */
  deliverAt: Timestamp,
  /** Server time at which a device of the user first received the notification. */
  deliveredAt: Type.Optional(Timestamp),
  /** Server time at which a device first presented it, and where. */
  shownAt: Type.Optional(Timestamp),
  shownChannel: Type.Optional(StringEnum(NOTIFICATION_CHANNELS)),
  /** Server time at which the user first opened it (clicked the toast, the OS notification or the entry). */
  openedAt: Type.Optional(Timestamp),
  /** Server time at which the user first marked it read; synced across the user's devices. */
  readAt: Type.Optional(Timestamp),
  seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
});
export type NotificationDoc = Static<typeof NotificationDocSchema>;

/** The fields a client may set on a notification. */
export const NOTIFICATION_TRACKING_FIELDS = ['deliveredAt', 'shownAt', 'openedAt', 'readAt'] as const;
export type NotificationTrackingField = (typeof NOTIFICATION_TRACKING_FIELDS)[number];
