import { describe, expect, it } from 'vitest';
import { decidePresentation, quietHoursEndMs, type PresentationInput } from '../src/notifications/presentation.js';

/** 2026-12-04 15:00 in São Paulo (UTC-3). */
const NOW_MS = Date.parse('2026-12-04T18:00:00Z');
const HOUR_MS = 3_600_000;

function input(overrides: Partial<PresentationInput> = {}, notification: Partial<PresentationInput['notification']> = {}): PresentationInput {
  return {
    notification: {
      id: 'loan:emp-00008:active',
      type: 'loan_status_changed',
      priority: 'normal',
      deliverAt: '2026-12-04T17:00:00Z',
      ...notification,
    },
    nowMs: NOW_MS,
    language: 'pt-BR',
    ownSessionId: 'session-own',
    locallyPresentedIds: new Set(),
    appFocused: true,
    documentVisible: true,
    platform: 'web',
    webPermission: 'default',
    quietHours: null,
    mutedTypes: [],
    ...overrides,
  };
}

describe('decidePresentation', () => {
  it('presents a due notification in the app when focused and visible', () => {
    expect(decidePresentation(input())).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('skips one presented on this device', () => {
    const decision = decidePresentation(input({ locallyPresentedIds: new Set(['loan:emp-00008:active']) }));
    expect(decision).toEqual({ action: 'skip', reason: 'already_presented' });
  });

  it('skips one presented on another device', () => {
    const decision = decidePresentation(input({}, { shownAt: '2026-12-04T17:30:00Z' }));
    expect(decision).toEqual({ action: 'skip', reason: 'already_presented' });
  });

  it('skips one already read', () => {
    const decision = decidePresentation(input({}, { readAt: '2026-12-04T17:30:00Z' }));
    expect(decision).toEqual({ action: 'skip', reason: 'read' });
  });

  it('skips a suspicious login of the own session', () => {
    const own = { id: 'login:session-own', type: 'suspicious_login', priority: 'critical' as const, sessionId: 'session-own' };
    expect(decidePresentation(input({}, own))).toEqual({ action: 'skip', reason: 'own_session' });
  });

  it('presents a suspicious login of another session', () => {
    const other = { id: 'login:session-other', type: 'suspicious_login', priority: 'critical' as const, sessionId: 'session-other' };
    expect(decidePresentation(input({}, other))).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('skips a muted normal type', () => {
    const decision = decidePresentation(input({ mutedTypes: ['loan_status_changed'] }));
    expect(decision).toEqual({ action: 'skip', reason: 'muted' });
  });

  it('presents a critical type even when muted', () => {
    const pix = { id: 'pix:E123', type: 'pix_received', priority: 'critical' as const };
    expect(decidePresentation(input({ mutedTypes: ['pix_received'] }, pix))).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('treats critical types as critical whatever the priority field says', () => {
    const pix = { id: 'pix:E123', type: 'pix_received', priority: 'normal' as const, deliverAt: '2026-12-05T12:00:00Z' };
    expect(decidePresentation(input({ mutedTypes: ['pix_received'] }, pix))).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('waits for deliverAt of a normal notification', () => {
    const decision = decidePresentation(input({}, { deliverAt: '2026-12-04T21:00:00Z' }));
    expect(decision).toEqual({ action: 'wait', untilMs: Date.parse('2026-12-04T21:00:00Z') });
  });

  it('waits past quiet hours that cover deliverAt', () => {
    // deliverAt is 22:00 in São Paulo; quiet hours 22:00–07:00 end at 07:00 (10:00 UTC).
    const decision = decidePresentation(input({ quietHours: { startHour: 22, endHour: 7 } }, { deliverAt: '2026-12-05T01:00:00Z' }));
    expect(decision).toEqual({ action: 'wait', untilMs: Date.parse('2026-12-05T10:00:00Z') });
  });

  it('waits for the end of the current quiet hours', () => {
    // 15:30 in São Paulo inside quiet hours 15:00–17:00, so wait until 17:00 (20:00 UTC).
    const decision = decidePresentation(input({ nowMs: NOW_MS + HOUR_MS / 2, quietHours: { startHour: 15, endHour: 17 } }));
    expect(decision).toEqual({ action: 'wait', untilMs: Date.parse('2026-12-04T20:00:00Z') });
  });

  it('presents a chat message before deliverAt', () => {
    const chat = { id: 'chat:m1', type: 'chat_message', deliverAt: '2026-12-04T22:00:00Z' };
    expect(decidePresentation(input({}, chat))).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('shows an early chat message in the app even when unfocused', () => {
    const chat = { id: 'chat:m1', type: 'chat_message', deliverAt: '2026-12-04T22:00:00Z' };
    expect(decidePresentation(input({ appFocused: false, platform: 'desktop' }, chat))).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('holds an early chat message for deliverAt while the app is hidden', () => {
    const chat = { id: 'chat:m1', type: 'chat_message', deliverAt: '2026-12-04T22:00:00Z' };
    const decision = decidePresentation(input({ appFocused: false, documentVisible: false, platform: 'desktop' }, chat));
    expect(decision).toEqual({ action: 'wait', untilMs: Date.parse('2026-12-04T22:00:00Z') });
  });

  it('holds a chat message in quiet hours', () => {
    const chat = { id: 'chat:m1', type: 'chat_message', deliverAt: '2026-12-04T22:00:00Z' };
    const decision = decidePresentation(input({ quietHours: { startHour: 15, endHour: 16 } }, chat));
    expect(decision).toEqual({ action: 'wait', untilMs: Date.parse('2026-12-04T19:00:00Z') });
  });

  it('never delays a critical notification', () => {
    const pix = { id: 'pix:E123', type: 'pix_received', priority: 'critical' as const, deliverAt: '2026-12-05T12:00:00Z' };
    const decision = decidePresentation(input({ quietHours: { startHour: 0, endHour: 23 } }, pix));
    expect(decision).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('uses the OS channel on an unfocused desktop', () => {
    expect(decidePresentation(input({ platform: 'desktop', appFocused: false }))).toEqual({ action: 'present', channel: 'os' });
    expect(decidePresentation(input({ platform: 'desktop', documentVisible: false }))).toEqual({ action: 'present', channel: 'os' });
  });

  it('uses Web Notifications in a hidden permitted tab', () => {
    const decision = decidePresentation(input({ documentVisible: false, appFocused: false, webPermission: 'granted' }));
    expect(decision).toEqual({ action: 'present', channel: 'os' });
  });

  it('waits for visibility in a hidden tab without permission', () => {
    expect(decidePresentation(input({ documentVisible: false, appFocused: false, webPermission: 'default' }))).toEqual({
      action: 'wait',
      untilMs: 'visible',
    });
    expect(decidePresentation(input({ documentVisible: false, appFocused: false, webPermission: 'denied' }))).toEqual({
      action: 'wait',
      untilMs: 'visible',
    });
  });

  it('shows the toast in a visible unfocused tab', () => {
    const decision = decidePresentation(input({ appFocused: false, webPermission: 'granted' }));
    expect(decision).toEqual({ action: 'present', channel: 'in_app' });
  });

  it('skips a normal notification with an invalid deliverAt', () => {
    expect(decidePresentation(input({}, { deliverAt: 'tomorrow' }))).toEqual({ action: 'skip', reason: 'invalid_deliver_at' });
  });
});

describe('quietHoursEndMs', () => {
  it('returns now outside quiet hours', () => {
    expect(quietHoursEndMs(NOW_MS, { startHour: 22, endHour: 7 })).toBe(NOW_MS);
    expect(quietHoursEndMs(NOW_MS, null)).toBe(NOW_MS);
  });

  it('crosses midnight to the end hour', () => {
    // 23:00 in São Paulo, quiet 22:00–07:00: ends at 07:00 the next day (10:00 UTC).
    expect(quietHoursEndMs(Date.parse('2026-12-05T02:00:00Z'), { startHour: 22, endHour: 7 })).toBe(Date.parse('2026-12-05T10:00:00Z'));
  });
});
