/**
 * The desktop bridge's notification and security-alert methods. The renderer reaches them only
 * through this adapter, which checks at run time that the main process provides them and
 * validates what it returns, so the renderer works with a main process that has them or not.
 */
import type { LastroBridge } from '../../preload/bridge';

export interface PresentNotificationRequest {
  /** The notification id, such as "pix:E123". */
  id: string;
  title: string;
  body: string;
  /** Hash route opened when the user clicks the notification. */
  route: string;
  critical: boolean;
}

/** `os`: the main process showed an OS notification; `in_app`: the renderer shows its toast; `skipped`: already presented. */
export interface PresentNotificationResult {
  channel: 'os' | 'in_app' | 'skipped';
  reason?: string;
}

export interface NotificationOpenedEvent {
  id: string;
  route: string;
}

export interface SecurityAlertState {
  sessionId: string;
  deviceName: string;
}

export interface SecurityActionEvent {
  action: 'view' | 'revoke';
  sessionId: string;
}

/** Notification methods of the desktop bridge. */
export interface DesktopNotifications {
  presentNotification(request: PresentNotificationRequest): Promise<PresentNotificationResult>;
  onNotificationOpened(listener: (event: NotificationOpenedEvent) => void): () => void;
  setSecurityAlert(alert: SecurityAlertState | null): Promise<void>;
  onSecurityAction(listener: (event: SecurityActionEvent) => void): () => void;
}

type AnyFunction = (...args: unknown[]) => unknown;

function method(bridge: LastroBridge, name: string): AnyFunction | null {
  const value: unknown = Reflect.get(bridge, name);
  return typeof value === 'function' ? (value as AnyFunction).bind(bridge) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Validates the result of `presentNotification`. Anything unexpected counts as `in_app`, so the toast still shows. */
export function parsePresentResult(value: unknown): PresentNotificationResult {
  if (isRecord(value) && (value.channel === 'os' || value.channel === 'in_app' || value.channel === 'skipped')) {
    return typeof value.reason === 'string' ? { channel: value.channel, reason: value.reason } : { channel: value.channel };
  }
  return { channel: 'in_app', reason: `invalid presentNotification result ${JSON.stringify(value)}` };
}

/** Validates the payload of `notificationOpened`; returns null for anything else. */
export function parseNotificationOpened(value: unknown): NotificationOpenedEvent | null {
  if (isRecord(value) && typeof value.id === 'string' && typeof value.route === 'string' && value.route.startsWith('#/')) {
    return { id: value.id, route: value.route };
  }
  return null;
}

/** Validates the payload of `securityAction`; returns null for anything else. */
export function parseSecurityAction(value: unknown): SecurityActionEvent | null {
  if (isRecord(value) && (value.action === 'view' || value.action === 'revoke') && typeof value.sessionId === 'string' && value.sessionId !== '') {
    return { action: value.action, sessionId: value.sessionId };
  }
  return null;
}

/**
 * Returns the bridge's notification methods, or null in the web terminal or when the main
 * process lacks any of them.
 */
export function desktopNotifications(bridge: LastroBridge | undefined): DesktopNotifications | null {
  if (bridge === undefined) return null;
  const present = method(bridge, 'presentNotification');
  const onOpened = method(bridge, 'onNotificationOpened');
  const setAlert = method(bridge, 'setSecurityAlert');
  const onAction = method(bridge, 'onSecurityAction');
  if (present === null || onOpened === null || setAlert === null || onAction === null) return null;
  return {
    presentNotification: async (request) => parsePresentResult(await present(request)),
    onNotificationOpened: (listener) =>
      onOpened((payload: unknown) => {
        const event = parseNotificationOpened(payload);
        if (event !== null) listener(event);
      }) as () => void,
    setSecurityAlert: async (alert) => {
      await setAlert(alert);
    },
    onSecurityAction: (listener) =>
      onAction((payload: unknown) => {
        const event = parseSecurityAction(payload);
        if (event !== null) listener(event);
      }) as () => void,
  };
}
