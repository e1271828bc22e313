/** First reconnect delay bound in milliseconds; it doubles with every failed attempt. */
export const BACKOFF_BASE_MS = 500;
/** Upper bound of a reconnect delay in milliseconds. */
export const BACKOFF_CAP_MS = 30_000;

/**
 * Computes the delay before reconnect number `retry` (0 for the first retry) with exponential
 * back-off and full jitter: `random() * min(cap, base * 2^retry)`. Full jitter spreads the
 * reconnects of many clients after a server restart over the whole window.
 */
export function backoffDelayMs(retry: number, random: () => number): number {
  const bound = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry));
  const sample = Math.min(Math.max(random(), 0), 1);
  return Math.floor(sample * bound);
}
