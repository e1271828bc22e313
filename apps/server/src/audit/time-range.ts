import { isRfc3339DateTime } from '@lastro/domain';

/** Half-open range [from, to) of `recorded_at`, as RFC 3339 date-times with "Z" or an offset. */
export interface AuditTimeRange {
  from: string;
  to: string;
}

/**
 * Converts an RFC 3339 bound to the `Date.toISOString()` form that `recorded_at` is stored in, so
 * that the bounds compare as text. Records have millisecond precision, so a bound with a finer
 * fraction, or a leap second, is rounded up to the next millisecond: a record is at or after
 * the bound exactly when it is at or after the rounded value.
 *
 * @throws RangeError naming the value when it is not an RFC 3339 date-time.
 */
export function toRecordedAtBound(name: string, text: string): string {
  if (!isRfc3339DateTime(text)) {
    throw new RangeError(`invalid ${name} ${JSON.stringify(text)}: use an RFC 3339 date-time such as 2026-12-01T00:00:00Z`);
  }
  // Uppercase turns a "t" or "z" separator into the "T" and "Z" that Date parses.
  const match = /^(.*:)(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text.toUpperCase())!;
  const [, head, secondText, fraction = '', offset] = match as unknown as [string, string, string, string | undefined, string];
  const leapSecond = secondText === '60';
  const wholeMilliseconds = fraction.slice(0, 3).padEnd(3, '0');
  const base = new Date(`${head}${leapSecond ? '59' : secondText}.${wholeMilliseconds}${offset}`).getTime();
  const roundUp = leapSecond ? 1000 - Number(wholeMilliseconds) : /[1-9]/.test(fraction.slice(3)) ? 1 : 0;
  return new Date(base + roundUp).toISOString();
}

/** Validates a range and returns its bounds in stored form. @throws RangeError unless from < to. */
export function toRecordedAtRange(range: AuditTimeRange): AuditTimeRange {
  const from = toRecordedAtBound('from', range.from);
  const to = toRecordedAtBound('to', range.to);
  if (from >= to) {
    throw new RangeError(`invalid range: from ${range.from} is not before to ${range.to}, and the range excludes to: use a later to`);
  }
  return { from, to };
}
