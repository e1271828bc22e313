import type { ChatMessageDoc } from '@lastro/protocol';

/** Notification channel: a toast inside the app, or the operating system's notification centre. */
export type NotificationChannel = 'in_app' | 'os';

/** Input of {@link decideNotification}: the message's state and the app window's state. */
export interface NotificationContext {
  /** A notification for this message id was already shown on some channel. */
  alreadyShown: boolean;
  /** The message belongs to the conversation on screen. */
  viewingConversation: boolean;
  /** `document.visibilityState === 'visible'`: the window is not minimised or in a background tab. */
  documentVisible: boolean;
  /** `document.hasFocus()`: the window receives keyboard input. */
  windowFocused: boolean;
  /** The operating system channel can show notifications (desktop with permission). */
  osAvailable: boolean;
}

export type NotificationDecision =
  | { show: true; channel: NotificationChannel }
  | { show: false; reason: 'already_shown' | 'viewing_conversation' };

/**
 * Decides whether and where to announce an incoming chat message. A message is announced at
 * most once. A user who looks at its conversation sees it there. When the window is hidden or
 * unfocused the operating system channel is used if it is available; otherwise the in-app
 * toast waits in the window, except for the conversation on screen, which shows the message
 * itself when the user returns.
 */
export function decideNotification(context: NotificationContext): NotificationDecision {
  if (context.alreadyShown) {
    return { show: false, reason: 'already_shown' };
  }
  const attending = context.documentVisible && context.windowFocused;
  if (attending) {
    return context.viewingConversation ? { show: false, reason: 'viewing_conversation' } : { show: true, channel: 'in_app' };
  }
  if (context.osAvailable) {
    return { show: true, channel: 'os' };
  }
  return context.viewingConversation ? { show: false, reason: 'viewing_conversation' } : { show: true, channel: 'in_app' };
}

/**
 * True for a message to announce: accepted, written by the other party, and stored by the
 * server after the first sync of this session ended. `baselineSeq` is the highest chat
 * sequence of that first sync, so messages it loaded are never announced.
 */
export function isNewIncomingMessage(message: ChatMessageDoc, userId: string, baselineSeq: number): boolean {
  return message.status === 'accepted' && message.senderId !== userId && message.seq > baselineSeq;
}

/** Content of a chat notification on any channel. */
export interface ChatNotification {
  messageId: string;
  /** The sender's name. */
  title: string;
  /** The loan the conversation is about, "Capital de giro · emp-00008", so two rooms with one person stay apart. */
  loan: string;
  /** A preview of the text. */
  body: string;
  /** Location hash of the conversation, opened when the user clicks the notification. */
  hash: string;
}

/** Outcome of {@link OsNotificationChannel.show}. */
export type OsNotificationResult = { shown: true } | { shown: false; reason: 'not_available' | 'permission_denied' | 'failed' };

/**
 * Operating system notifications. The desktop app will implement it over the Electron bridge.
 * The web terminal uses {@link unavailableOsNotifications}.
 */
export interface OsNotificationChannel {
  /** Whether `show` can succeed now; {@link decideNotification} only picks the channel when it can. */
  isAvailable(): boolean;
  show(notification: ChatNotification): Promise<OsNotificationResult>;
}

/** The OS channel where none exists: never available, and `show` reports `not_available`. */
export const unavailableOsNotifications: OsNotificationChannel = {
  isAvailable: () => false,
  show: () => Promise.resolve({ shown: false, reason: 'not_available' }),
};

/**
 * Message ids already announced, oldest evicted first once `capacity` is reached, so memory
 * stays bounded in a long session. Callers also raise their baseline sequence past every
 * message they handled, which keeps an evicted id from being announced again.
 */
export class ShownMessageIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`invalid capacity ${capacity}: pass a positive integer`);
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    if (this.ids.size >= this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    this.ids.add(id);
  }

  get size(): number {
    return this.ids.size;
  }
}

/** Shortens text to `maxLength` code points for a preview, on one line, with an ellipsis when cut. */
export function previewText(text: string, maxLength = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const codePoints = [...oneLine];
  if (codePoints.length <= maxLength) return oneLine;
  return `${codePoints.slice(0, maxLength - 1).join('').trimEnd()}…`;
}
