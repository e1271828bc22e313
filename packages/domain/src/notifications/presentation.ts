/**
 * Presentation decision: whether a device presents a notification now, later or never, and on
 * which channel. Every device of the user runs it on the same synced documents.
 *
 * NOTE: two devices that both receive a notification before either one's `shownAt` reaches
 * the other can each present it once. On the desktop the main process also rejects repeats.
 */
import { isQuietHour, saoPauloHour, type QuietHours } from './send-time.js';

/** The fields of a notification document the decision reads. */
export interface PresentableNotification {
  id: string;
  type: string;
  priority: 'critical' | 'normal';
  /** The session that logged in, for `suspicious_login`. */
  sessionId?: string;
  /** Server time (RFC 3339) from which the notification may be presented. */
  deliverAt: string;
  /** Server time at which a device first presented it; set means presented somewhere. */
  shownAt?: string;
  readAt?: string;
}

export type PresentationChannel = 'in_app' | 'os';

export interface PresentationInput {
  notification: PresentableNotification;
  /** Current time in milliseconds since the epoch. */
  nowMs: number;
  /** UI language; it does not change the decision, only the texts the caller presents. */
  language: string;
  /** This device's session id, or null when unknown. */
  ownSessionId: string | null;
  /** Ids this device already presented (kept across reloads by the caller). */
  locallyPresentedIds: ReadonlySet<string>;
  /** The app window has keyboard focus. */
  appFocused: boolean;
  /** `document.visibilityState === 'visible'`. */
  documentVisible: boolean;
  platform: 'desktop' | 'web';
  /** `Notification.permission` in the web terminal; ignored on the desktop. */
  webPermission: 'granted' | 'denied' | 'default';
  quietHours: QuietHours | null;
  mutedTypes: readonly string[];
}

export type PresentationSkipReason = 'already_presented' | 'read' | 'own_session' | 'muted' | 'invalid_deliver_at';

export type PresentationDecision =
  | { action: 'present'; channel: PresentationChannel }
  /** Decide again at `untilMs` (milliseconds since the epoch), or when the document becomes visible. */
  | { action: 'wait'; untilMs: number | 'visible' }
  | { action: 'skip'; reason: PresentationSkipReason };

/** Types that are always critical: the user cannot mute them, and they never wait. */
export const ALWAYS_CRITICAL_TYPES: readonly string[] = ['pix_received', 'pix_out_confirmed', 'investment_confirmed', 'suspicious_login'];

/**
 * Types shown in the app as soon as they arrive (outside quiet hours), before `deliverAt`,
 * while the app is on screen, because a chat message is part of a conversation the user may
 * be having. While the app is hidden they wait for `deliverAt` like any other type, so the
 * operating system's notification comes at the user's best hour.
 */
export const CONVERSATION_TYPES: readonly string[] = ['chat_message'];

const HOUR_MS = 3_600_000;

/** Returns the first top of an hour after `nowMs` outside the quiet hours, or `nowMs` when it is not quiet now. */
export function quietHoursEndMs(nowMs: number, quiet: QuietHours | null): number {
  if (!isQuietHour(saoPauloHour(nowMs), quiet)) return nowMs;
  // Offsets of America/Sao_Paulo are whole hours, so its hours start at UTC hour boundaries.
  let candidate = Math.floor(nowMs / HOUR_MS) * HOUR_MS + HOUR_MS;
  for (let step = 0; step < 24; step += 1) {
    if (!isQuietHour(saoPauloHour(candidate), quiet)) return candidate;
    candidate += HOUR_MS;
  }
  // Unreachable: isQuietHour leaves at least the end hour outside the quiet hours.
  return candidate;
}

function isCritical(notification: PresentableNotification): boolean {
  return notification.priority === 'critical' || ALWAYS_CRITICAL_TYPES.includes(notification.type);
}

/**
 * Decides whether to present a notification now, wait, or skip it. The rules apply in order.
 * It skips one already presented (on this device, or `shownAt` from any device) or read. It
 * skips a `suspicious_login` about this device's own session, and a muted type unless critical. A
 * notification that is not critical waits for `deliverAt` (except the conversation types) and
 * then for the end of the quiet hours, and a critical one never waits. An attended window (focused and visible) gets the
 * in-app toast. Otherwise the desktop uses the operating system, and so does the web
 * terminal when it is hidden and allowed to notify. A hidden web terminal without the
 * permission waits until it becomes visible. A visible but unfocused web terminal shows the toast.
 */
export function decidePresentation(input: PresentationInput): PresentationDecision {
  const { notification } = input;
  if (input.locallyPresentedIds.has(notification.id) || notification.shownAt !== undefined) {
    return { action: 'skip', reason: 'already_presented' };
  }
  if (notification.readAt !== undefined) {
    return { action: 'skip', reason: 'read' };
  }
  if (notification.type === 'suspicious_login' && input.ownSessionId !== null && notification.sessionId === input.ownSessionId) {
    return { action: 'skip', reason: 'own_session' };
  }
  const critical = isCritical(notification);
  if (!critical && input.mutedTypes.includes(notification.type)) {
    return { action: 'skip', reason: 'muted' };
  }
  if (!critical) {
    const deliverAtMs = Date.parse(notification.deliverAt);
    if (Number.isNaN(deliverAtMs)) {
      return { action: 'skip', reason: 'invalid_deliver_at' };
    }
    const early = deliverAtMs > input.nowMs;
    if (early && !(CONVERSATION_TYPES.includes(notification.type) && input.documentVisible)) {
      return { action: 'wait', untilMs: quietHoursEndMs(deliverAtMs, input.quietHours) };
    }
    const quietEnd = quietHoursEndMs(input.nowMs, input.quietHours);
    if (quietEnd > input.nowMs) {
      return { action: 'wait', untilMs: quietEnd };
    }
    if (early) {
      return { action: 'present', channel: 'in_app' };
    }
  }
  if (input.documentVisible && input.appFocused) {
    return { action: 'present', channel: 'in_app' };
  }
  if (input.platform === 'desktop') {
    return { action: 'present', channel: 'os' };
  }
  if (!input.documentVisible) {
    return input.webPermission === 'granted' ? { action: 'present', channel: 'os' } : { action: 'wait', untilMs: 'visible' };
  }
  // Visible but unfocused (another window on top): the toast is on screen for when the user looks.
  return { action: 'present', channel: 'in_app' };
}
