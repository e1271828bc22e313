import {
  ERROR_REPORT_KINDS,
  MAX_COMPONENT_STACK_LENGTH,
  MAX_ERROR_LOCATION_LENGTH,
  MAX_ERROR_MESSAGE_LENGTH,
  MAX_ERROR_ROUTE_LENGTH,
  MAX_ERROR_STACK_LENGTH,
  type ErrorReportKind,
  type RendererErrorReport,
} from '../../renderer/lib/error-report';
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '../close-hint/hint';
import { IpcArgumentError } from './validate';

/** Validation of the desktop-shell IPC calls: renderer error reports and the UI language. */

const REPORT_KEYS = ['kind', 'message', 'stack', 'componentStack', 'location', 'route', 'occurredAt'] as const;
/** Control characters other than the line feed, and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseSingleArg(args: readonly unknown[], expected: string): unknown {
  if (args.length !== 1) {
    throw new IpcArgumentError(`invalid IPC arguments: expected one ${expected}, received ${args.length} arguments`);
  }
  return args[0];
}

function parseReportText(value: unknown, field: string, max: number, allowLineFeeds: boolean): string {
  if (typeof value !== 'string') {
    throw new IpcArgumentError(`invalid error report ${field}: expected a string, received ${typeof value}`);
  }
  if (value.length > max) {
    throw new IpcArgumentError(`invalid error report ${field}: ${value.length} characters, the maximum is ${max}`);
  }
  if (CONTROL_CHARACTERS.test(value) || (!allowLineFeeds && value.includes('\n'))) {
    throw new IpcArgumentError(`invalid error report ${field}: remove the control characters`);
  }
  return value;
}

/**
 * Accepts exactly one renderer error report with the fields of {@link RendererErrorReport},
 * each within its size limit. The renderer's `buildErrorReport` produces reports that pass.
 */
export function parseErrorReportArgs(args: readonly unknown[]): [RendererErrorReport] {
  const value = parseSingleArg(args, 'error report');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IpcArgumentError(`invalid error report: expected an object with ${REPORT_KEYS.join(', ')}`);
  }
  const record = value as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !REPORT_KEYS.some((known) => known === key));
  if (unknownKeys.length > 0) {
    throw new IpcArgumentError(`invalid error report: unknown field ${unknownKeys.join(', ')}; expected only ${REPORT_KEYS.join(', ')}`);
  }

  const kind = record['kind'];
  if (!ERROR_REPORT_KINDS.some((known) => known === kind)) {
    throw new IpcArgumentError(`invalid error report kind ${JSON.stringify(kind)}: expected one of ${ERROR_REPORT_KINDS.join(', ')}`);
  }
  const message = parseReportText(record['message'], 'message', MAX_ERROR_MESSAGE_LENGTH, true);
  if (message.trim() === '') {
    throw new IpcArgumentError('invalid error report message: expected a non-empty string');
  }

  const route = parseReportText(record['route'], 'route', MAX_ERROR_ROUTE_LENGTH, false);
  if (route !== '' && !route.startsWith('#')) {
    throw new IpcArgumentError(`invalid error report route ${JSON.stringify(route.slice(0, 40))}: expected a location hash such as "#/" or ""`);
  }

  const occurredAt = record['occurredAt'];
  if (typeof occurredAt !== 'string' || !ISO_TIME.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw new IpcArgumentError(
      `invalid error report occurredAt ${JSON.stringify(occurredAt)}: expected an ISO 8601 UTC time such as 2026-03-10T12:00:00.000Z`,
    );
  }

  return [
    {
      kind: kind as ErrorReportKind,
      message,
      stack: parseReportText(record['stack'], 'stack', MAX_ERROR_STACK_LENGTH, true),
      componentStack: parseReportText(record['componentStack'], 'componentStack', MAX_COMPONENT_STACK_LENGTH, true),
      location: parseReportText(record['location'], 'location', MAX_ERROR_LOCATION_LENGTH, false),
      route,
      occurredAt,
    },
  ];
}

/** Accepts exactly one UI language: "pt-BR" or "en". */
export function parseUiLanguageArgs(args: readonly unknown[]): [UiLanguage] {
  const language = parseSingleArg(args, 'UI language');
  if (!isUiLanguage(language)) {
    throw new IpcArgumentError(`invalid UI language ${JSON.stringify(language)}: expected one of ${UI_LANGUAGES.join(', ')}`);
  }
  return [language];
}
