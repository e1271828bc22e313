/** RFC 3339 `date-time`: full date, "T", time with optional fraction, then "Z" or a numeric offset. */
const RFC3339_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks that `text` is an RFC 3339 `date-time` with an offset or "Z", such as
 * "2020-09-09T20:15:00.358Z" or "2026-12-04T17:00:00-03:00", including calendar ranges
 * (no 30 February, no hour 24). A leap second (:60) is accepted as RFC 3339 allows.
 */
export function isRfc3339DateTime(text: unknown): text is string {
  if (typeof text !== 'string') {
    return false;
  }
  const match = RFC3339_PATTERN.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  const offsetHour = match[8] === undefined ? 0 : Number(match[8]);
  const offsetMinute = match[9] === undefined ? 0 : Number(match[9]);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

const saoPauloFormats = new Map<string, Intl.DateTimeFormat>();

function saoPauloFormat(locale: string): Intl.DateTimeFormat {
  let format = saoPauloFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'America/Sao_Paulo',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    saoPauloFormats.set(locale, format);
  }
  return format;
}

/**
 * Formats an RFC 3339 instant as a date and time in America/Sao_Paulo for the UI and CLI.
 *
 * In pt-BR the result reads "04/12/2026 17:00" (day/month/year, 24-hour clock, no comma).
 * Other locales get their own date order and separators from Intl, always with a
 * 24-hour clock, for example "12/04/2026, 17:00" in "en-US".
 *
 * @throws RangeError when `iso` is not an RFC 3339 date-time or `locale` is not a valid
 *   BCP 47 tag.
 */
export function formatDateTimeSaoPaulo(iso: string, locale = 'pt-BR'): string {
  if (!isRfc3339DateTime(iso)) {
    throw new RangeError(
      `invalid date-time ${JSON.stringify(iso)}: use RFC 3339 with an offset, like "2026-12-04T20:00:00Z"`,
    );
  }
  // ECMAScript Date rejects a leap second, and fractions beyond milliseconds fall outside
  // its specified format, so both are trimmed before parsing.
  const normalised = iso.replace(/(\.\d{3})\d+/, '$1').replace(/:60(?=[.Zz+-])/, ':59');
  const date = new Date(normalised);
  const parts = saoPauloFormat(locale).formatToParts(date);
  if (locale !== 'pt-BR') {
    return parts.map((part) => part.value).join('');
  }
  const value = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  return `${value('day')}/${value('month')}/${value('year')} ${value('hour')}:${value('minute')}`;
}
