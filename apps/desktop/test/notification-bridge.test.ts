import { describe, expect, it } from 'vitest';
import { desktopNotifications, parseNotificationOpened, parsePresentResult, parseSecurityAction } from '../src/renderer/platform/notifications';
import type { LastroBridge } from '../src/preload/bridge';
import { matchesLoanFilter, parseRatePercent, parseTermMonths, ratePercentText } from '../src/renderer/lib/loan-filter';

describe('desktopNotifications', () => {
  it('is null in the web terminal', () => {
    expect(desktopNotifications(undefined)).toBeNull();
  });

  it('is null when the bridge lacks the methods', () => {
    const bridge = { getConfig: () => Promise.resolve({}) } as unknown as LastroBridge;
    expect(desktopNotifications(bridge)).toBeNull();
  });

  it('validates the bridge answers and events', async () => {
    const opened: unknown[] = [];
    let openedListener: ((payload: unknown) => void) | undefined;
    const bridge = {
      presentNotification: () => Promise.resolve({ channel: 'os' }),
      onNotificationOpened: (listener: (payload: unknown) => void) => {
        openedListener = listener;
        return () => undefined;
      },
      setSecurityAlert: () => Promise.resolve(),
      onSecurityAction: () => () => undefined,
    } as unknown as LastroBridge;
    const desktop = desktopNotifications(bridge);
    expect(desktop).not.toBeNull();
    await expect(desktop!.presentNotification({ id: 'pix:E1', title: 't', body: 'b', route: '#/notifications', critical: true })).resolves.toEqual({
      channel: 'os',
    });
    desktop!.onNotificationOpened((event) => opened.push(event));
    openedListener?.({ id: 'pix:E1', route: '#/notifications' });
    openedListener?.({ id: 'pix:E2', route: 'https://example.test/' });
    expect(opened).toEqual([{ id: 'pix:E1', route: '#/notifications' }]);
  });
});

describe('bridge payload validation', () => {
  it('treats an unexpected present result as in_app', () => {
    expect(parsePresentResult({ channel: 'skipped', reason: 'already presented' })).toEqual({ channel: 'skipped', reason: 'already presented' });
    expect(parsePresentResult(undefined).channel).toBe('in_app');
  });

  it('rejects an opened event without a hash route', () => {
    expect(parseNotificationOpened({ id: 'x', route: '#/security' })).toEqual({ id: 'x', route: '#/security' });
    expect(parseNotificationOpened({ id: 'x', route: 'javascript:alert(1)' })).toBeNull();
  });

  it('accepts only known security actions', () => {
    expect(parseSecurityAction({ action: 'revoke', sessionId: 's2' })).toEqual({ action: 'revoke', sessionId: 's2' });
    expect(parseSecurityAction({ action: 'delete', sessionId: 's2' })).toBeNull();
    expect(parseSecurityAction({ action: 'view', sessionId: '' })).toBeNull();
  });
});

describe('loan filter fields', () => {
  it('parses the minimum rate in percent', () => {
    expect(parseRatePercent('')).toEqual({ ok: true, value: 0 });
    expect(parseRatePercent('1,5')).toEqual({ ok: true, value: 150 });
    expect(parseRatePercent('2.25')).toEqual({ ok: true, value: 225 });
    expect(parseRatePercent('abc').ok).toBe(false);
    expect(parseRatePercent('101').ok).toBe(false);
    expect(ratePercentText(150)).toBe('1,50');
  });

  it('parses the maximum term in months', () => {
    expect(parseTermMonths('')).toEqual({ ok: true, value: 0 });
    expect(parseTermMonths('36')).toEqual({ ok: true, value: 36 });
    expect(parseTermMonths('0').ok).toBe(false);
    expect(parseTermMonths('121').ok).toBe(false);
  });

  it('matches grade, rate and term', () => {
    const filter = { grades: ['A' as const, 'B' as const], minRateMonthlyBps: 150, maxTermMonths: 24 };
    expect(matchesLoanFilter({ grade: 'A', rateMonthlyBps: 150, termMonths: 24 }, filter)).toBe(true);
    expect(matchesLoanFilter({ grade: 'C', rateMonthlyBps: 200, termMonths: 12 }, filter)).toBe(false);
    expect(matchesLoanFilter({ grade: 'B', rateMonthlyBps: 149, termMonths: 12 }, filter)).toBe(false);
    expect(matchesLoanFilter({ grade: 'B', rateMonthlyBps: 200, termMonths: 25 }, filter)).toBe(false);
    expect(matchesLoanFilter({ grade: 'HR', rateMonthlyBps: 0, termMonths: 120 }, { grades: [], minRateMonthlyBps: 0, maxTermMonths: 0 })).toBe(true);
  });
});
