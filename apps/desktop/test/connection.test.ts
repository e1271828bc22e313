import { describe, expect, it } from 'vitest';
import { connectionLabel, secondsUntil, trayStateFor } from '../src/renderer/lib/connection';

const NOW = Date.parse('2026-12-04T20:00:00.000Z');

describe('secondsUntil', () => {
  it('rounds up to whole seconds', () => {
    expect(secondsUntil('2026-12-04T20:00:03.200Z', NOW)).toBe(4);
    expect(secondsUntil('2026-12-04T20:00:04.000Z', NOW)).toBe(4);
  });

  it('never returns a negative number', () => {
    expect(secondsUntil('2026-12-04T19:59:00.000Z', NOW)).toBe(0);
    expect(secondsUntil('not a date', NOW)).toBe(0);
  });
});

describe('connectionLabel', () => {
  it('counts down while reconnecting', () => {
    const state = { status: 'reconnecting', attempt: 2, nextRetryAt: '2026-12-04T20:00:04.000Z', lastError: 'closed' } as const;
    expect(connectionLabel(state, NOW)).toEqual({ key: 'connection.reconnectingIn', values: { seconds: 4 } });
  });

  it('says reconnecting now once the retry time has passed', () => {
    const state = { status: 'reconnecting', attempt: 2, nextRetryAt: '2026-12-04T19:59:59.000Z', lastError: 'closed' } as const;
    expect(connectionLabel(state, NOW).key).toBe('connection.reconnectingNow');
  });

  it('maps the other states to their own key', () => {
    expect(connectionLabel({ status: 'online', since: '2026-12-04T19:00:00.000Z' }, NOW).key).toBe('connection.online');
    expect(connectionLabel({ status: 'offline' }, NOW).key).toBe('connection.offline');
    expect(connectionLabel({ status: 'unauthorized', message: 'revoked' }, NOW).key).toBe('connection.unauthorized');
  });
});

describe('trayStateFor', () => {
  it('raises the alert for an expired session or an outdated app', () => {
    expect(trayStateFor({ status: 'unauthorized', message: 'expired' })).toBe('alert');
    expect(trayStateFor({ status: 'incompatible', message: 'update' })).toBe('alert');
  });

  it('stays normal while connected or reconnecting', () => {
    expect(trayStateFor({ status: 'online', since: '2026-12-04T19:00:00.000Z' })).toBe('normal');
    expect(trayStateFor({ status: 'offline' })).toBe('normal');
  });
});
