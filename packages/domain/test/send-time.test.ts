import { describe, expect, it } from 'vitest';
import { chooseSendTime, isQuietHour, openProbabilityByHour, saoPauloHour } from '../src/notifications/send-time.js';

/** 2026-12-04 15:00 in São Paulo (UTC-3). */
const NOW = new Date('2026-12-04T18:00:00Z');
const DAY_MS = 86_400_000;

/** Returns one open per day for `days` days before NOW, at `hour`:`minute` São Paulo time. */
function dailyOpens(hour: number, days: number, minute = 15): number[] {
  const opens: number[] = [];
  for (let day = 1; day <= days; day += 1) {
    const date = new Date(NOW.getTime() - day * DAY_MS);
    const local = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour + 3, minute);
    opens.push(local);
  }
  return opens;
}

/** A population that opens mostly in the evening, at 19:00. */
const EVENING_POPULATION = Array.from({ length: 24 }, (_, hour) => (hour === 19 ? 500 : hour >= 7 && hour <= 22 ? 20 : 1));
const UNIFORM_POPULATION = new Array<number>(24).fill(0);

describe('saoPauloHour', () => {
  it('converts UTC to São Paulo time', () => {
    expect(saoPauloHour(Date.parse('2026-12-04T11:30:00Z'))).toBe(8);
    expect(saoPauloHour(Date.parse('2026-12-05T01:00:00Z'))).toBe(22);
  });
});

describe('isQuietHour', () => {
  it.each([
    [23, { startHour: 22, endHour: 7 }, true],
    [3, { startHour: 22, endHour: 7 }, true],
    [7, { startHour: 22, endHour: 7 }, false],
    [13, { startHour: 12, endHour: 14 }, true],
    [14, { startHour: 12, endHour: 14 }, false],
    [5, { startHour: 9, endHour: 9 }, false],
  ])('hour %i with %o is quiet: %s', (hour, quiet, expected) => {
    expect(isQuietHour(hour, quiet)).toBe(expected);
  });
});

describe('chooseSendTime', () => {
  it('delivers critical notifications at once', () => {
    const result = chooseSendTime({ now: NOW, priority: 'critical', userOpens: dailyOpens(20, 30), populationOpensByHour: EVENING_POPULATION });

    expect(result).toEqual({ deliverAt: NOW, reason: 'immediate', hour: null });
  });

  it('sends to a morning reader at their morning hour', () => {
    const result = chooseSendTime({ now: NOW, priority: 'normal', userOpens: dailyOpens(8, 40), populationOpensByHour: EVENING_POPULATION });

    expect(result.reason).toBe('morning');
    expect(result.hour).toBe(8);
    expect(result.deliverAt.toISOString()).toBe('2026-12-05T11:00:00.000Z');
  });

  it('sends to an evening reader at their evening hour', () => {
    const result = chooseSendTime({ now: NOW, priority: 'normal', userOpens: dailyOpens(21, 40), populationOpensByHour: UNIFORM_POPULATION });

    expect(result.reason).toBe('evening');
    expect(result.hour).toBe(21);
    expect(result.deliverAt.toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('gives a new user the population window', () => {
    const result = chooseSendTime({ now: NOW, priority: 'normal', userOpens: [], populationOpensByHour: EVENING_POPULATION });

    expect(result.reason).toBe('evening');
    expect(result.hour).toBe(19);
    expect(result.deliverAt.toISOString()).toBe('2026-12-04T22:00:00.000Z');
  });

  it('smooths a few opens towards the population', () => {
    const fewMorningOpens = dailyOpens(9, 2);

    const result = chooseSendTime({ now: NOW, priority: 'normal', userOpens: fewMorningOpens, populationOpensByHour: EVENING_POPULATION });

    expect(result.reason).toBe('evening');
  });

  it('ignores opens older than 90 days', () => {
    const oldMorningOpens = dailyOpens(8, 200).slice(95);

    const result = chooseSendTime({ now: NOW, priority: 'normal', userOpens: oldMorningOpens, populationOpensByHour: EVENING_POPULATION });

    expect(result.reason).toBe('evening');
  });

  it('moves to the other window when quiet hours cover the better one', () => {
    const result = chooseSendTime({
      now: NOW,
      priority: 'normal',
      userOpens: dailyOpens(8, 40),
      populationOpensByHour: EVENING_POPULATION,
      quietHours: { startHour: 22, endHour: 11 },
    });

    expect(result.reason).toBe('evening');
    expect(isQuietHour(result.hour!, { startHour: 22, endHour: 11 })).toBe(false);
  });

  it('skips the quiet hours inside a window', () => {
    const opens = [...dailyOpens(21, 30), ...dailyOpens(20, 20)];
    const loud = chooseSendTime({ now: NOW, priority: 'normal', userOpens: opens, populationOpensByHour: UNIFORM_POPULATION });

    const quiet = chooseSendTime({
      now: NOW,
      priority: 'normal',
      userOpens: opens,
      populationOpensByHour: UNIFORM_POPULATION,
      quietHours: { startHour: 21, endHour: 7 },
    });

    expect(loud.hour).toBe(21);
    expect(quiet.reason).toBe('evening');
    expect(quiet.hour).toBe(20);
  });

  it('waits for the end of quiet hours covering both windows', () => {
    const result = chooseSendTime({
      now: NOW,
      priority: 'normal',
      userOpens: dailyOpens(8, 40),
      populationOpensByHour: EVENING_POPULATION,
      quietHours: { startHour: 17, endHour: 12 },
    });

    expect(result).toEqual({ deliverAt: new Date('2026-12-05T15:00:00.000Z'), reason: 'quiet_end', hour: 12 });
  });

  it('delivers now when the chosen hour is under way', () => {
    const now = new Date('2026-12-04T11:40:00Z');

    const result = chooseSendTime({ now, priority: 'normal', userOpens: dailyOpens(8, 40), populationOpensByHour: EVENING_POPULATION });

    expect(result.deliverAt).toEqual(now);
  });

  it('rejects invalid quiet hours and histograms', () => {
    expect(() =>
      chooseSendTime({ now: NOW, priority: 'normal', userOpens: [], populationOpensByHour: UNIFORM_POPULATION, quietHours: { startHour: 24, endHour: 7 } }),
    ).toThrow(/quietHours.startHour 24/);
    expect(() => openProbabilityByHour({ now: NOW, userOpens: [], populationOpensByHour: [1, 2] })).toThrow(/24 hourly counts/);
  });

  it('sums the hourly probabilities to one', () => {
    const probability = openProbabilityByHour({ now: NOW, userOpens: dailyOpens(8, 10), populationOpensByHour: EVENING_POPULATION });

    expect(probability.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
  });
});
