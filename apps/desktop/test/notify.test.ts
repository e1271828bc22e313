import type { ChatMessageDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import {
  decideNotification,
  isNewIncomingMessage,
  previewText,
  ShownMessageIds,
  unavailableOsNotifications,
  type NotificationContext,
} from '../src/renderer/lib/notify';

const attending: NotificationContext = {
  alreadyShown: false,
  viewingConversation: false,
  documentVisible: true,
  windowFocused: true,
  osAvailable: false,
};

function message(overrides: Partial<ChatMessageDoc>): ChatMessageDoc {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    loanId: 'emp-00008',
    investorId: 'investor-1',
    senderId: 'borrower-1',
    text: 'Olá',
    status: 'accepted',
    sentAt: '2026-03-10T12:00:00.000Z',
    seq: 20,
    ...overrides,
  };
}

describe('decideNotification', () => {
  it('shows a toast while the user works elsewhere in the app', () => {
    expect(decideNotification(attending)).toEqual({ show: true, channel: 'in_app' });
  });

  it('never shows a message twice', () => {
    expect(decideNotification({ ...attending, alreadyShown: true })).toEqual({ show: false, reason: 'already_shown' });
    expect(decideNotification({ ...attending, alreadyShown: true, documentVisible: false, osAvailable: true })).toEqual({
      show: false,
      reason: 'already_shown',
    });
  });

  it('stays quiet for the conversation on screen', () => {
    expect(decideNotification({ ...attending, viewingConversation: true })).toEqual({ show: false, reason: 'viewing_conversation' });
  });

  it('prefers the OS channel for a hidden or unfocused window', () => {
    expect(decideNotification({ ...attending, documentVisible: false, osAvailable: true })).toEqual({ show: true, channel: 'os' });
    expect(decideNotification({ ...attending, windowFocused: false, osAvailable: true })).toEqual({ show: true, channel: 'os' });
    expect(decideNotification({ ...attending, windowFocused: false, viewingConversation: true, osAvailable: true })).toEqual({
      show: true,
      channel: 'os',
    });
  });

  it('keeps the OS channel for hidden windows only', () => {
    expect(decideNotification({ ...attending, osAvailable: true })).toEqual({ show: true, channel: 'in_app' });
  });

  it('falls back to a toast without an OS channel', () => {
    expect(decideNotification({ ...attending, documentVisible: false })).toEqual({ show: true, channel: 'in_app' });
    expect(decideNotification({ ...attending, documentVisible: false, viewingConversation: true })).toEqual({
      show: false,
      reason: 'viewing_conversation',
    });
  });
});

describe('isNewIncomingMessage', () => {
  it('selects accepted messages of the other party after the baseline', () => {
    expect(isNewIncomingMessage(message({ seq: 21 }), 'investor-1', 20)).toBe(true);
  });

  it('skips messages of the first sync', () => {
    expect(isNewIncomingMessage(message({ seq: 20 }), 'investor-1', 20)).toBe(false);
    expect(isNewIncomingMessage(message({ seq: 3 }), 'investor-1', 20)).toBe(false);
  });

  it('skips own, pending, held and rejected messages', () => {
    expect(isNewIncomingMessage(message({ seq: 21, senderId: 'investor-1' }), 'investor-1', 20)).toBe(false);
    expect(isNewIncomingMessage(message({ seq: 0, status: 'pending' }), 'investor-1', 20)).toBe(false);
    expect(isNewIncomingMessage(message({ seq: 21, status: 'held' }), 'investor-1', 20)).toBe(false);
    expect(isNewIncomingMessage(message({ seq: 21, status: 'rejected' }), 'investor-1', 20)).toBe(false);
  });
});

describe('ShownMessageIds', () => {
  it('remembers ids', () => {
    const shown = new ShownMessageIds(3);
    shown.add('a');
    shown.add('a');
    expect(shown.has('a')).toBe(true);
    expect(shown.has('b')).toBe(false);
    expect(shown.size).toBe(1);
  });

  it('evicts the oldest id at capacity', () => {
    const shown = new ShownMessageIds(2);
    shown.add('a');
    shown.add('b');
    shown.add('c');
    expect(shown.has('a')).toBe(false);
    expect(shown.has('b')).toBe(true);
    expect(shown.has('c')).toBe(true);
    expect(shown.size).toBe(2);
  });

  it('rejects an invalid capacity', () => {
    expect(() => new ShownMessageIds(0)).toThrow(/invalid capacity 0/);
  });
});

describe('unavailableOsNotifications', () => {
  it('reports not available instead of success', async () => {
    expect(unavailableOsNotifications.isAvailable()).toBe(false);
    await expect(
      unavailableOsNotifications.show({ messageId: 'm', title: 'Carla', loan: 'Capital de giro · emp-00008', body: 'Oi', hash: '#/chats' }),
    ).resolves.toEqual({ shown: false, reason: 'not_available' });
  });
});

describe('previewText', () => {
  it('keeps short text on one line', () => {
    expect(previewText('Olá,\n  tudo bem?')).toBe('Olá, tudo bem?');
  });

  it('cuts long text with an ellipsis', () => {
    const preview = previewText('a'.repeat(100), 10);
    expect(preview).toBe(`${'a'.repeat(9)}…`);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(previewText('😀'.repeat(5), 5)).toBe('😀'.repeat(5));
    expect(previewText('😀'.repeat(6), 5)).toBe(`${'😀'.repeat(4)}…`);
  });
});
