import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelayMs } from '../src/backoff.js';

describe('backoffDelayMs', () => {
  it('doubles the bound with every retry', () => {
    const almostOne = () => 0.999_999;
    expect(backoffDelayMs(0, almostOne)).toBe(BACKOFF_BASE_MS - 1);
    expect(backoffDelayMs(1, almostOne)).toBe(2 * BACKOFF_BASE_MS - 1);
    expect(backoffDelayMs(3, almostOne)).toBe(8 * BACKOFF_BASE_MS - 1);
  });

  it('caps the bound at 30 seconds', () => {
    expect(backoffDelayMs(6, () => 0.999_999)).toBe(BACKOFF_CAP_MS - 1);
    expect(backoffDelayMs(50, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('scales the bound by the jitter sample', () => {
    expect(backoffDelayMs(2, () => 0)).toBe(0);
    expect(backoffDelayMs(2, () => 0.25)).toBe(500);
  });

  it('clamps samples outside [0, 1)', () => {
    expect(backoffDelayMs(0, () => -3)).toBe(0);
    expect(backoffDelayMs(0, () => 7)).toBe(BACKOFF_BASE_MS);
  });
});
