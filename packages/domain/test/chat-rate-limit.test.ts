import { describe, expect, it } from 'vitest';
import { checkChatRateLimit, CHAT_RATE_LIMIT, CHAT_RATE_WINDOW_MS } from '../src/index.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 4, 12, 0, 0);

/** Sends messages one minute apart through the limit, recording the allowed ones. */
function sendEveryMinute(count: number): { counted: number[]; decisions: ReturnType<typeof checkChatRateLimit>[] } {
  const counted: number[] = [];
  const decisions = [];
  for (let index = 0; index < count; index += 1) {
    const now = START + index * MINUTE;
    const decision = checkChatRateLimit(counted, now);
    decisions.push(decision);
    if (decision.allowed) counted.push(now);
  }
  return { counted, decisions };
}

describe('checkChatRateLimit', () => {
  it('allows the tenth message in an hour', () => {
    const { decisions } = sendEveryMinute(10);

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(decisions.at(-1)).toEqual({ allowed: true, remaining: 0 });
  });

  it('rejects the eleventh with the retry time', () => {
    const { counted, decisions } = sendEveryMinute(11);

    expect(decisions.at(-1)).toEqual({ allowed: false, retryAt: START + CHAT_RATE_WINDOW_MS });
    expect(counted).toHaveLength(CHAT_RATE_LIMIT);
  });

  it('allows again 60 minutes after the first', () => {
    const { counted } = sendEveryMinute(10);

    expect(checkChatRateLimit(counted, START + CHAT_RATE_WINDOW_MS - 1).allowed).toBe(false);
    expect(checkChatRateLimit(counted, START + CHAT_RATE_WINDOW_MS)).toEqual({ allowed: true, remaining: 0 });
  });

  it('ignores rejected retries while limited', () => {
    const { counted } = sendEveryMinute(10);
    // Rejected attempts are not counted, so hammering the limit does not move the retry time.
    const retries = [20, 30, 40].map((minutes) => checkChatRateLimit(counted, START + minutes * MINUTE));

    expect(retries).toEqual(retries.map(() => ({ allowed: false, retryAt: START + CHAT_RATE_WINDOW_MS })));
  });

  it('counts a burst from two devices together', () => {
    const counted = Array.from({ length: 10 }, (_, index) => START + index);

    expect(checkChatRateLimit(counted, START + 10)).toEqual({ allowed: false, retryAt: START + CHAT_RATE_WINDOW_MS });
  });

  it('allows everything after a quiet hour', () => {
    const { counted } = sendEveryMinute(10);

    expect(checkChatRateLimit(counted, START + 3 * CHAT_RATE_WINDOW_MS)).toEqual({ allowed: true, remaining: CHAT_RATE_LIMIT - 1 });
  });
});
