import { formatDateTimeSaoPaulo, isRfc3339DateTime } from '@lastro/domain';
import type { ChatMessageDoc } from '@lastro/protocol';
import { errorKind } from './errors';

/**
 * Helpers of the support console that need no React: period conversion and checks, time
 * formatting, error messages, the held-message count and the file download.
 */

/**
 * Offset of America/Sao_Paulo. Brazil has had no daylight saving time since 2019, so every
 * instant the audit log can hold is at UTC−03:00.
 */
export const SAO_PAULO_OFFSET = '-03:00';

/**
 * Converts the value of an `<input type="datetime-local">`, read as São Paulo time, to an
 * RFC 3339 date-time: "2026-12-01T08:30" becomes "2026-12-01T08:30:00-03:00". Returns
 * undefined for an empty value and null for one that is not a local date-time.
 */
export function saoPauloInputToRfc3339(value: string): string | undefined | null {
  const text = value.trim();
  if (text === '') {
    return undefined;
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(text);
  if (match === null) {
    return null;
  }
  return `${match[1]}T${match[2]}${match[3] ?? ':00'}${SAO_PAULO_OFFSET}`;
}

/**
 * Formats an instant in America/Sao_Paulo as the rest of the app does ("04/12/2026 17:00" in
 * pt-BR, Intl's order in English). A value that is not an RFC 3339 date-time is shown as it is.
 */
export function formatSupportTime(iso: string, language: string): string {
  return isRfc3339DateTime(iso) ? formatDateTimeSaoPaulo(iso, language) : iso;
}

/** A translation key of the support console with its interpolation values. */
export interface SupportText {
  key: string;
  values?: Record<string, string>;
}

/**
 * Checks the period of the audit form before any request: both bounds must be complete local
 * date-times, and the start must come before the end. Returns the RFC 3339 bounds, or the
 * message to show, naming the values to fix.
 */
export function checkAuditPeriod(
  fromInput: string,
  toInput: string,
  language: string,
): { from?: string; to?: string } | { error: SupportText } {
  const from = saoPauloInputToRfc3339(fromInput);
  const to = saoPauloInputToRfc3339(toInput);
  if (from === null || to === null) {
    return { error: { key: 'supportConsole.search.invalidPeriod' } };
  }
  // Both bounds carry the same offset and layout, so comparing the strings compares the instants.
  if (from !== undefined && to !== undefined && from >= to) {
    const values = { from: formatSupportTime(from, language), to: formatSupportTime(to, language) };
    return { error: { key: 'supportConsole.search.periodOrder', values } };
  }
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * Returns the message of a failed audit search. An e-mail that no user has gets a message
 * naming it, because the generic "not found" does not say which filter missed.
 */
export function auditSearchFailure(error: unknown, userFilter: string): SupportText {
  const field: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'field') : undefined;
  if (errorKind(error) === 'not_found' && field === 'user') {
    return { key: 'supportConsole.search.userNotFound', values: { user: userFilter.trim() } };
  }
  return { key: supportErrorKey(error) };
}

/**
 * Counts the held messages waiting for review: those the last queue load returned and those
 * the live store has as held, less those the live store already shows as decided.
 */
export function countWaitingHeld(live: readonly Pick<ChatMessageDoc, 'id' | 'status'>[], queueIds: readonly string[]): number {
  const waiting = new Set(queueIds);
  for (const message of live) {
    if (message.status === 'held') waiting.add(message.id);
    else waiting.delete(message.id);
  }
  return waiting.size;
}

/** Returns the ids of the held messages in the live store, sorted and joined, to notice when that set changes. */
export function heldIdsKey(live: readonly Pick<ChatMessageDoc, 'id' | 'status'>[]): string {
  return live
    .filter((message) => message.status === 'held')
    .map((message) => message.id)
    .sort()
    .join(',');
}

/** Translation key (under `supportConsole.errors`) of a failed support call. */
export function supportErrorKey(error: unknown): string {
  const status = typeof error === 'object' && error !== null ? Reflect.get(error, 'status') : undefined;
  if (status === 409) {
    return 'supportConsole.errors.alreadyDecided';
  }
  switch (errorKind(error)) {
    case 'network':
      return 'supportConsole.errors.unreachable';
    case 'unauthorized':
    case 'session_revoked':
      return 'supportConsole.errors.sessionExpired';
    case 'forbidden':
      return 'supportConsole.errors.forbidden';
    case 'not_found':
      return 'supportConsole.errors.notFound';
    case 'invalid_request':
      return 'supportConsole.errors.invalidRequest';
    default:
      return 'supportConsole.errors.unexpected';
  }
}

/** The server's own message of a failed call, shown next to the translated one for invalid filters. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Saves text as a file through the browser's download, which Electron turns into a save dialog. */
export function downloadTextFile(file: { fileName: string; contentType: string; text: string }): void {
  const blob = new Blob([file.text], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a short delay is enough.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
