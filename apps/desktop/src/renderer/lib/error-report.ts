/**
 * The renderer error report: what the renderer sends to the main process (desktop) or writes to
 * the console (web terminal) for an uncaught error, an unhandled promise rejection or an error
 * caught by the React error boundary. Free of DOM and Node APIs, because the main process
 * validates reports against the same limits.
 */

export const ERROR_REPORT_KINDS = ['error', 'unhandledrejection', 'render'] as const;
export type ErrorReportKind = (typeof ERROR_REPORT_KINDS)[number];

export const MAX_ERROR_MESSAGE_LENGTH = 2000;
export const MAX_ERROR_STACK_LENGTH = 8000;
export const MAX_COMPONENT_STACK_LENGTH = 4000;
export const MAX_ERROR_LOCATION_LENGTH = 300;
export const MAX_ERROR_ROUTE_LENGTH = 200;

export interface RendererErrorReport {
  kind: ErrorReportKind;
  message: string;
  /** The error's stack, or "" when the thrown value had none. */
  stack: string;
  /** React's component stack for `render` errors, otherwise "". */
  componentStack: string;
  /** Script URL, line and column of an uncaught error, such as "app.js:12:5", or "". */
  location: string;
  /** Location hash when the error happened, such as "#/loans/emp-00008", or "". */
  route: string;
  /** ISO 8601 time in the renderer when the error happened. */
  occurredAt: string;
}

/** Control characters other than the line feed, and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Replaces control characters (other than line feeds) with spaces and cuts the text to `max` characters. */
export function cleanText(text: string, max: number): string {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, ' ');
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Returns a message and stack for any thrown value: an `Error`, a string, or anything else. */
export function describeThrown(value: unknown): { message: string; stack: string } {
  if (value instanceof Error) {
    const message = value.message === '' ? value.name : `${value.name}: ${value.message}`;
    return { message, stack: typeof value.stack === 'string' ? value.stack : '' };
  }
  if (typeof value === 'string') {
    return { message: value, stack: '' };
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return { message: `non-Error value thrown: ${text}`, stack: '' };
}

export interface ErrorReportInput {
  kind: ErrorReportKind;
  thrown: unknown;
  /** Used when the thrown value is missing, as in an `error` event from a cross-origin script. */
  fallbackMessage?: string;
  componentStack?: string;
  location?: string;
  route: string;
  now: Date;
}

/** Builds a report within the size limits that the main process enforces. */
export function buildErrorReport(input: ErrorReportInput): RendererErrorReport {
  const described = input.thrown === undefined || input.thrown === null
    ? { message: input.fallbackMessage ?? `${input.kind} without an error value`, stack: '' }
    : describeThrown(input.thrown);
  const message = cleanText(described.message, MAX_ERROR_MESSAGE_LENGTH);
  return {
    kind: input.kind,
    message: message.trim() === '' ? '(empty message)' : message,
    stack: cleanText(described.stack, MAX_ERROR_STACK_LENGTH),
    componentStack: cleanText(input.componentStack ?? '', MAX_COMPONENT_STACK_LENGTH),
    location: cleanText(input.location ?? '', MAX_ERROR_LOCATION_LENGTH).replace(/\n/g, ' '),
    route: cleanText(input.route, MAX_ERROR_ROUTE_LENGTH).replace(/\n/g, ' '),
    occurredAt: input.now.toISOString(),
  };
}
