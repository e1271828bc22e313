import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LastroError } from '../src/errors.js';
import { RequestTracker } from '../src/request-tracker.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RequestTracker', () => {
  it('allocates distinct ids', () => {
    const tracker = new RequestTracker(1_000, 'client');
    expect([tracker.nextId(), tracker.nextId(), tracker.nextId()]).toEqual(['client-1', 'client-2', 'client-3']);
  });

  it('resolves each request once', async () => {
    const tracker = new RequestTracker(1_000, 'client');
    const response = tracker.track<string>('client-1', 'pull of loans');
    expect(tracker.resolve('client-1', 'first')).toBe(true);
    expect(tracker.resolve('client-1', 'second')).toBe(false);
    expect(tracker.reject('client-1', new LastroError('internal', 'late'))).toBe(false);
    await expect(response).resolves.toBe('first');
    expect(tracker.size).toBe(0);
  });

  it('ignores a response after the timeout', async () => {
    const tracker = new RequestTracker(1_000, 'client');
    const outcome = tracker.track('client-1', 'pull of wallets').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toMatchObject({ kind: 'network', message: 'pull of wallets timed out after 1000 ms without a response' });
    expect(tracker.resolve('client-1', 'late')).toBe(false);
  });

  it('rejects every pending request on rejectAll', async () => {
    const tracker = new RequestTracker(1_000, 'client');
    const first = tracker.track('client-1', 'pull of wallets').catch((error: unknown) => error);
    const second = tracker.track('client-2', 'pull of loans').catch((error: unknown) => error);
    tracker.rejectAll('connection closed (code 1006)');

    expect(await first).toMatchObject({ kind: 'network', message: 'pull of wallets failed: connection closed (code 1006)' });
    expect(await second).toMatchObject({ kind: 'network', message: 'pull of loans failed: connection closed (code 1006)' });
    expect(tracker.size).toBe(0);
    // The cleared timers must not fire a second rejection.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
