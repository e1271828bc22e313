import { parseRoute } from '../../renderer/lib/routes';
import type { PresentNotificationRequest } from '../notifications/types';
import type { SecurityAlert } from '../tray-state';
import { IpcArgumentError } from './validate';

export const MAX_NOTIFICATION_ID_LENGTH = 64;
export const MAX_NOTIFICATION_TITLE_LENGTH = 120;
export const MAX_NOTIFICATION_BODY_LENGTH = 400;
export const MAX_ROUTE_LENGTH = 200;
export const MAX_DEVICE_NAME_LENGTH = 80;

/** Printable ASCII without spaces, such as "pix:E12345678202603101200abcdef" or a session UUID. */
const ID_PATTERN = /^[\x21-\x7E]+$/;
/** C0 and C1 control characters other than the line feed, and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Checks a hash route that a notification may open: a screen that the renderer's `parseRoute`
 * accepts, other than the login page.
 */
export function isNotificationRoute(route: string): boolean {
  if (!route.startsWith('#/') || route.length > MAX_ROUTE_LENGTH) {
    return false;
  }
  const parsed = parseRoute(route);
  return parsed.name !== 'notFound' && parsed.name !== 'login';
}

/** Quotes a received value for an error message, cut to 80 characters. */
function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Returns `value` as a plain object that has exactly `keys`. */
function parseObject(value: unknown, subject: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IpcArgumentError(`invalid ${subject} ${describe(value)}: expected an object with ${keys.join(', ')}`);
  }
  const record = value as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !keys.includes(key));
  if (unknownKeys.length > 0) {
    throw new IpcArgumentError(`invalid ${subject}: unknown field ${unknownKeys.join(', ')}; expected only ${keys.join(', ')}`);
  }
  return record;
}

/**
 * Returns a string of at most `max` characters without control characters (line feeds only when
 * allowed). A blank string is rejected unless `allowBlank` is set.
 */
function parseText(
  value: unknown,
  field: string,
  max: number,
  options: { allowLineFeeds: boolean; allowBlank: boolean },
): string {
  if (typeof value !== 'string' || (!options.allowBlank && value.trim() === '')) {
    throw new IpcArgumentError(`invalid ${field} ${describe(value)}: expected a non-empty string`);
  }
  if (value.length > max) {
    throw new IpcArgumentError(`invalid ${field}: ${value.length} characters, the maximum is ${max}`);
  }
  if (CONTROL_CHARACTERS.test(value) || (!options.allowLineFeeds && value.includes('\n'))) {
    throw new IpcArgumentError(`invalid ${field} ${describe(value)}: remove the control characters`);
  }
  return value;
}

function parseSingleArg(args: readonly unknown[], expected: string): unknown {
  if (args.length !== 1) {
    throw new IpcArgumentError(`invalid IPC arguments: expected one ${expected}, received ${args.length} arguments`);
  }
  return args[0];
}

/** Accepts exactly one notification request: `{ id, title, body, route, critical }`. */
export function parsePresentNotificationArgs(args: readonly unknown[]): [PresentNotificationRequest] {
  const record = parseObject(parseSingleArg(args, 'notification request'), 'notification request', [
    'id',
    'title',
    'body',
    'route',
    'critical',
  ]);
  const { id, route, critical } = record;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_NOTIFICATION_ID_LENGTH || !ID_PATTERN.test(id)) {
    throw new IpcArgumentError(
      `invalid notification id ${describe(id)}: expected 1 to ${MAX_NOTIFICATION_ID_LENGTH} printable ASCII characters without spaces`,
    );
  }
  const title = parseText(record['title'], 'notification title', MAX_NOTIFICATION_TITLE_LENGTH, {
    allowLineFeeds: false,
    allowBlank: false,
  });
  const body = parseText(record['body'], 'notification body', MAX_NOTIFICATION_BODY_LENGTH, {
    allowLineFeeds: true,
    allowBlank: false,
  });
  if (typeof route !== 'string' || !isNotificationRoute(route)) {
    throw new IpcArgumentError(
      `invalid notification route ${describe(route)}: expected an app route such as "#/loans/LOAN_ID", "#/chats", "#/security" or "#/notifications"`,
    );
  }
  if (typeof critical !== 'boolean') {
    throw new IpcArgumentError(`invalid notification critical flag ${describe(critical)}: expected true or false`);
  }
  return [{ id, title, body, route, critical }];
}

/**
 * Accepts exactly one argument: `{ sessionId, deviceName }` to raise the alert, or null to clear
 * it. The device name may be empty when the session list does not name the device.
 */
export function parseSecurityAlertArgs(args: readonly unknown[]): [SecurityAlert | null] {
  const value = parseSingleArg(args, 'security alert or null');
  if (value === null) {
    return [null];
  }
  const record = parseObject(value, 'security alert', ['sessionId', 'deviceName']);
  const { sessionId } = record;
  if (typeof sessionId !== 'string' || sessionId.length > 64 || !ID_PATTERN.test(sessionId)) {
    throw new IpcArgumentError(
      `invalid security alert sessionId ${describe(sessionId)}: expected 1 to 64 printable ASCII characters without spaces`,
    );
  }
  const deviceName = parseText(record['deviceName'], 'security alert deviceName', MAX_DEVICE_NAME_LENGTH, {
    allowLineFeeds: false,
    allowBlank: true,
  });
  return [{ sessionId, deviceName }];
}
