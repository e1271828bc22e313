import { describe, expect, it } from 'vitest';
import { formatDateTimeSaoPaulo, isRfc3339DateTime } from '../src/index.js';

describe('formatDateTimeSaoPaulo', () => {
  it('formats in pt-BR without a comma', () => {
    expect(formatDateTimeSaoPaulo('2026-12-04T20:00:00Z')).toBe('04/12/2026 17:00');
  });

  it('converts offsets to São Paulo time', () => {
    expect(formatDateTimeSaoPaulo('2026-12-04T17:00:00-03:00')).toBe('04/12/2026 17:00');
    expect(formatDateTimeSaoPaulo('2026-12-05T01:30:00+02:00')).toBe('04/12/2026 20:30');
  });

  it('crosses midnight into the previous day', () => {
    expect(formatDateTimeSaoPaulo('2026-01-01T02:59:59.999Z')).toBe('31/12/2025 23:59');
  });

  it('accepts long fractions and leap seconds', () => {
    expect(formatDateTimeSaoPaulo('2020-09-09T20:15:00.358123Z')).toBe('09/09/2020 17:15');
    // São Paulo kept summer time (UTC-2) until 2019, so this is 21:59, not 20:59.
    expect(formatDateTimeSaoPaulo('2016-12-31T23:59:60Z')).toBe('31/12/2016 21:59');
  });

  it('formats English with a 24-hour clock', () => {
    expect(formatDateTimeSaoPaulo('2026-12-04T20:00:00Z', 'en-US')).toBe('12/04/2026, 17:00');
  });

  it.each(['2026-12-04', '2026-12-04T20:00:00', 'yesterday', ''])('rejects %j naming it', (iso) => {
    expect(() => formatDateTimeSaoPaulo(iso)).toThrow(RangeError);
    expect(() => formatDateTimeSaoPaulo(iso)).toThrow(`invalid date-time ${JSON.stringify(iso)}`);
  });
});

describe('isRfc3339DateTime', () => {
  it.each([
    '2020-09-09T20:15:00.358Z',
    '2020-09-09t20:15:00z',
    '2020-09-09T20:15:00-03:00',
    '2020-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
  ])('accepts %j', (text) => {
    expect(isRfc3339DateTime(text)).toBe(true);
  });

  it.each([
    '2020-09-09T20:15:00',
    '2020-09-09 20:15:00Z',
    '2021-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2020-13-01T00:00:00Z',
    '2020-04-31T00:00:00Z',
    '2020-09-09T24:00:00Z',
    '2020-09-09T20:60:00Z',
    '2020-09-09T20:15:00+24:00',
    '2020-09-09T20:15:00.Z',
    '20200909T201500Z',
  ])('rejects %j', (text) => {
    expect(isRfc3339DateTime(text)).toBe(false);
  });
});
