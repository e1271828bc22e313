import { errorKind } from './errors';

/**
 * Helpers of the support console that need no React: period conversion, time formatting,
 * error messages and the file download.
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

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant in America/Sao_Paulo with seconds, because audit records a few seconds
 * apart must stay distinguishable: "04/12/2026 17:00:05" in pt-BR.
 */
export function formatSupportTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const locale = language === 'en' ? 'en-GB' : 'pt-BR';
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'America/Sao_Paulo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(locale, format);
  }
  const parts = format.formatToParts(date);
  const value = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('day')}/${value('month')}/${value('year')} ${value('hour')}:${value('minute')}:${value('second')}`;
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
