/**
 * Send-time model: when a notification that is not critical should be delivered.
 *
 * Each user's notification opens of the last 90 days are counted per hour of the day in
 * America/Sao_Paulo. The counts are smoothed towards the whole user base's counts. A user
 * with few opens therefore follows the population, and a user with many follows their habit. The model then
 * picks the better of a morning window (07:00–11:00) and an evening window (18:00–22:00),
 * the best hour inside it, and never an hour inside the user's quiet hours.
 */

/** Hours (America/Sao_Paulo) at which delivery may start in each window. */
export const SEND_WINDOWS = {
  morning: [7, 8, 9, 10],
  evening: [18, 19, 20, 21],
} as const;
export type SendWindow = keyof typeof SEND_WINDOWS;

/** Opens older than this do not count. */
export const OPEN_HISTORY_MS = 90 * 86_400_000;

/**
 * Weight of the population's pattern, in opens: a user with this many opens in the last
 * 90 days counts as much as the population. An estimate, chosen so that two or three weeks
 * of daily reading outweigh the population.
 */
export const POPULATION_PRIOR_WEIGHT = 10;

/** Quiet hours in America/Sao_Paulo: from `startHour` to `endHour`, crossing midnight when start > end. */
export interface QuietHours {
  /** First quiet hour, 0–23. */
  startHour: number;
  /** First hour after the quiet period, 0–23. Equal to `startHour` means no quiet hours. */
  endHour: number;
}

export interface SendTimeInput {
  /** The time the notification was created. */
  now: Date;
  priority: 'critical' | 'normal';
  /** Times (ms since the epoch) at which this user opened notifications; older than 90 days are ignored. */
  userOpens: readonly number[];
  /** Opens of every user in the last 90 days, per America/Sao_Paulo hour (24 counts). */
  populationOpensByHour: readonly number[];
  quietHours?: QuietHours | null;
}

export interface SendTime {
  deliverAt: Date;
  /** `immediate` for critical notifications; `quiet_end` when both windows are quiet. */
  reason: 'immediate' | SendWindow | 'quiet_end';
  /** The chosen America/Sao_Paulo hour, or null for `immediate`. */
  hour: number | null;
}

const HOUR_MS = 3_600_000;

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Sao_Paulo', hour: '2-digit', hourCycle: 'h23' });

/** Returns the hour of the day (0–23) of `time` in America/Sao_Paulo. */
export function saoPauloHour(time: number): number {
  return Number(hourFormat.format(new Date(time)));
}

function checkHour(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 23) {
    throw new RangeError(`invalid ${field} ${JSON.stringify(value)}: use a whole hour from 0 to 23`);
  }
}

/** Reports whether `hour` lies inside the quiet hours. */
export function isQuietHour(hour: number, quiet: QuietHours | null | undefined): boolean {
  if (quiet === null || quiet === undefined || quiet.startHour === quiet.endHour) return false;
  return quiet.startHour < quiet.endHour
    ? hour >= quiet.startHour && hour < quiet.endHour
    : hour >= quiet.startHour || hour < quiet.endHour;
}

/**
 * Returns the probability of an open in each hour: the user's share smoothed towards the
 * population's share (which itself gets one open per hour added, so an empty population is
 * uniform).
 */
export function openProbabilityByHour(input: Pick<SendTimeInput, 'now' | 'userOpens' | 'populationOpensByHour'>): number[] {
  if (input.populationOpensByHour.length !== 24) {
    throw new RangeError(`invalid populationOpensByHour: expected 24 hourly counts, got ${input.populationOpensByHour.length}`);
  }
  const populationTotal = input.populationOpensByHour.reduce((sum, count) => sum + count, 0);
  const population = input.populationOpensByHour.map((count) => (count + 1) / (populationTotal + 24));

  const since = input.now.getTime() - OPEN_HISTORY_MS;
  const user = new Array<number>(24).fill(0);
  let userTotal = 0;
  for (const at of input.userOpens) {
    if (at <= since || at > input.now.getTime()) continue;
    user[saoPauloHour(at)]! += 1;
    userTotal += 1;
  }
  return user.map((count, hour) => (count + POPULATION_PRIOR_WEIGHT * population[hour]!) / (userTotal + POPULATION_PRIOR_WEIGHT));
}

/** Returns the first top of an hour at or after `from` whose America/Sao_Paulo hour is `hour`, or `from` itself inside that hour. */
function nextOccurrence(from: number, hour: number): number {
  if (saoPauloHour(from) === hour) return from;
  let candidate = Math.floor(from / HOUR_MS) * HOUR_MS + HOUR_MS;
  // Offsets of America/Sao_Paulo are whole hours, so its hours start at UTC hour boundaries.
  for (let step = 0; step < 48; step += 1) {
    if (saoPauloHour(candidate) === hour) return candidate;
    candidate += HOUR_MS;
  }
  throw new Error(`no America/Sao_Paulo hour ${hour} in the 48 hours after ${new Date(from).toISOString()}`);
}

/**
 * Decides when to deliver a notification. Critical ones go at once. Others go at the next
 * occurrence of the best non-quiet hour of the better window, and morning wins a tie. When
 * both windows are entirely quiet, they go at the end of the quiet hours.
 *
 * @throws RangeError for quiet hours outside 0–23 or a population histogram without 24 counts.
 */
export function chooseSendTime(input: SendTimeInput): SendTime {
  const now = input.now.getTime();
  if (input.priority === 'critical') {
    return { deliverAt: new Date(now), reason: 'immediate', hour: null };
  }
  const quiet = input.quietHours ?? null;
  if (quiet !== null) {
    checkHour(quiet.startHour, 'quietHours.startHour');
    checkHour(quiet.endHour, 'quietHours.endHour');
  }
  const probability = openProbabilityByHour(input);

  let best: { window: SendWindow; hour: number; score: number } | undefined;
  for (const window of ['morning', 'evening'] as const) {
    const hours = SEND_WINDOWS[window].filter((hour) => !isQuietHour(hour, quiet));
    if (hours.length === 0) continue;
    const score = hours.reduce((sum, hour) => sum + probability[hour]!, 0);
    const hour = hours.reduce((top, candidate) => (probability[candidate]! > probability[top]! ? candidate : top));
    if (best === undefined || score > best.score) best = { window, hour, score };
  }
  if (best === undefined) {
    const endHour = quiet!.endHour;
    return { deliverAt: new Date(nextOccurrence(now, endHour)), reason: 'quiet_end', hour: endHour };
  }
  return { deliverAt: new Date(nextOccurrence(now, best.hour)), reason: best.window, hour: best.hour };
}
