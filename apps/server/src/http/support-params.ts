import { isRfc3339DateTime } from '@lastro/domain';
import { toRecordedAtBound } from '../audit/time-range.js';

/** A query parameter the caller must fix; the route responds 400 naming `parameter`. */
export class InvalidParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidParameterError';
  }
}

/**
 * The query string of a request, checked against the parameters a route accepts. An unknown
 * or repeated parameter throws {@link InvalidParameterError}, so a typo such as `form=` for
 * `from=` is reported instead of silently ignored.
 */
export class QueryParameters {
  private readonly values = new Map<string, string>();

  constructor(query: string, allowed: readonly string[]) {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(query);
    } catch {
      throw new InvalidParameterError('query', 'the query string is not valid URL encoding');
    }
    for (const [name, value] of params) {
      if (!allowed.includes(name)) {
        const accepted = allowed.length === 0 ? 'this route takes no query parameters' : `use ${allowed.join(', ')}`;
        throw new InvalidParameterError(name, `unknown query parameter ${JSON.stringify(name)}: ${accepted}`);
      }
      if (this.values.has(name)) {
        throw new InvalidParameterError(name, `query parameter ${name} is given more than once: give it once`);
      }
      this.values.set(name, value);
    }
  }

  /** Returns the trimmed value, or undefined when the parameter is absent or empty. */
  text(name: string, maxLength: number): string | undefined {
    const value = this.values.get(name)?.trim();
    if (value === undefined || value === '') {
      return undefined;
    }
    if (value.length > maxLength) {
      throw new InvalidParameterError(name, `${name} is longer than ${maxLength} characters: shorten it`);
    }
    return value;
  }

  /** Returns an integer from `min` to `max`, or `fallback` when absent. */
  integer(name: string, min: number, max: number, fallback?: number): number | undefined {
    const value = this.text(name, 20);
    if (value === undefined) {
      return fallback;
    }
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min || Number(value) > max) {
      throw new InvalidParameterError(name, `invalid ${name} ${JSON.stringify(value)}: use an integer from ${min} to ${max}`);
    }
    return Number(value);
  }

  /** Returns an RFC 3339 date-time with an offset, such as 2026-12-01T00:00:00-03:00, or undefined when absent. */
  dateTime(name: string): string | undefined {
    const value = this.text(name, 40);
    if (value === undefined) {
      return undefined;
    }
    if (!isRfc3339DateTime(value)) {
      throw new InvalidParameterError(
        name,
        `invalid ${name} ${JSON.stringify(value)}: use an ISO 8601 / RFC 3339 date-time with an offset, such as 2026-12-01T00:00:00-03:00 or 2026-12-01T03:00:00Z`,
      );
    }
    return value;
  }

  /** One of `values`, or `fallback` when absent. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const value = this.text(name, 40);
    if (value === undefined) {
      return fallback;
    }
    if (!(values as readonly string[]).includes(value)) {
      throw new InvalidParameterError(name, `invalid ${name} ${JSON.stringify(value)}: use ${values.join(' or ')}`);
    }
    return value as T;
  }
}

/** Checks that `from` is before `to` when both are given; the range excludes `to`. */
export function checkPeriod(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && toRecordedAtBound('from', from) >= toRecordedAtBound('to', to)) {
    throw new InvalidParameterError('to', `to ${to} is not after from ${from}: the period excludes to, so use a later to`);
  }
}

/**
 * Decodes one path segment of the raw URL, such as the message id of
 * `/api/v1/support/chat/messages/ID/release`. uWebSockets.js gives the path undecoded.
 */
export function pathSegment(url: string, index: number, name: string): string {
  const raw = url.split('/')[index] ?? '';
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new InvalidParameterError(name, `the ${name} in the path is not valid URL encoding`);
  }
  if (value === '' || value.length > 256) {
    throw new InvalidParameterError(name, `invalid ${name} in the path: use an id of 1 to 256 characters`);
  }
  return value;
}
