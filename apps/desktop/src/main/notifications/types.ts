/**
 * Types of the notification bridge, shared by the IPC handler map, its validation and the
 * presenter. Type-only and free of Node and Electron, because the renderer's type check reads it.
 */

/** A due notification that the renderer sends to the main process to present. */
export interface PresentNotificationRequest {
  /** Deduplication key of the server document, such as "pix:E123". At most 64 characters. */
  id: string;
  title: string;
  body: string;
  /** Hash route that clicking the notification opens, such as "#/loans/LOAN_ID". */
  route: string;
  critical: boolean;
}

/** Channel through which a notification was presented. */
export type PresentationChannel = 'os' | 'in_app' | 'skipped';

/**
 * Result of `presentNotification`. `in_app` tells the renderer to show its own toast, and its
 * `reason` is set when the operating system notification failed.
 */
export interface PresentNotificationResult {
  channel: PresentationChannel;
  reason?: string;
}

/** Payload of the `notificationOpened` event, sent when the user clicks an OS notification. */
export interface NotificationOpened {
  id: string;
  route: string;
}
