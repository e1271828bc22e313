/** Messages a user may send in any rolling window, across all devices and sessions. */
export const CHAT_RATE_LIMIT = 10;

/** Length of the rolling window: 60 minutes, in milliseconds. */
export const CHAT_RATE_WINDOW_MS = 60 * 60_000;

/** Outcome of {@link checkChatRateLimit}. */
export type ChatRateDecision =
  | {
      allowed: true;
      /** Messages still allowed in the window after this one. */
      remaining: number;
    }
  | {
      allowed: false;
      /** Server time (ms since the epoch) from which sending is possible again. */
      retryAt: number;
    };

/**
 * Decides whether a user may send one more chat message at `now`, from the server times
 * (ms since the epoch) of the user's counted messages. Counted are accepted, held and
 * content-rejected messages; attempts rejected by this limit are not counted, so retrying
 * while limited does not extend the wait. A message counts for exactly `windowMs`: one sent
 * at T no longer counts at T + windowMs. Only server time is used, never a device clock.
 */
export function checkChatRateLimit(
  countedAt: readonly number[],
  now: number,
  limit = CHAT_RATE_LIMIT,
  windowMs = CHAT_RATE_WINDOW_MS,
): ChatRateDecision {
  const windowStart = now - windowMs;
  const inWindow = countedAt.filter((at) => at > windowStart && at <= now).sort((a, b) => a - b);
  if (inWindow.length < limit) {
    return { allowed: true, remaining: limit - inWindow.length - 1 };
  }
  // The oldest messages leave the window first; sending is possible again once enough have
  // left that fewer than `limit` remain.
  const blocking = inWindow[inWindow.length - limit] ?? now;
  return { allowed: false, retryAt: blocking + windowMs };
}
