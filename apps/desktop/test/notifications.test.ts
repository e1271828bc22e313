import { ALWAYS_CRITICAL_TYPES } from '@lastro/domain';
import { CRITICAL_NOTIFICATION_TYPES, type NotificationDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import {
  countUnread,
  loadPresentedIds,
  MAX_PRESENTED_IDS,
  notificationHash,
  notificationTexts,
  parsePresentedIds,
  pendingSecurityAlert,
  presentedIdsKey,
  rememberPresentedId,
} from '../src/renderer/lib/notifications';
import { formatOpenRate, formatSecondsToOpen } from '../src/renderer/lib/notification-stats';

const INVESTOR = { id: 'investor-1', role: 'investor' as const };
const BORROWER = { id: 'borrower-1', role: 'borrower' as const };

function notification(overrides: Partial<NotificationDoc>): NotificationDoc {
  return {
    id: 'pix:E123',
    type: 'pix_received',
    priority: 'critical',
    titlePt: 'PIX recebido',
    bodyPt: 'R$ 250,00 creditados',
    titleEn: 'PIX received',
    bodyEn: 'R$ 250,00 credited',
    createdAt: '2026-03-10T12:00:00.000Z',
    deliverAt: '2026-03-10T12:00:00.000Z',
    seq: 1,
    ...overrides,
  };
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('critical notification types', () => {
  it('match between domain and protocol', () => {
    expect([...ALWAYS_CRITICAL_TYPES].sort()).toEqual([...CRITICAL_NOTIFICATION_TYPES].sort());
  });
});

describe('notificationTexts', () => {
  it('uses the Portuguese texts for pt-BR', () => {
    expect(notificationTexts(notification({}), 'pt-BR')).toEqual({ title: 'PIX recebido', body: 'R$ 250,00 creditados' });
  });

  it('uses the English texts for en', () => {
    expect(notificationTexts(notification({}), 'en')).toEqual({ title: 'PIX received', body: 'R$ 250,00 credited' });
  });
});

describe('notificationHash', () => {
  it('opens the investor conversation on the loan detail', () => {
    const chat = notification({ type: 'chat_message', loanId: 'emp-00008', investorId: 'investor-1' });
    expect(notificationHash(chat, INVESTOR)).toBe('#/loans/emp-00008');
  });

  it('opens the borrower conversation screen', () => {
    const chat = notification({ type: 'chat_message', loanId: 'emp-00008', investorId: 'investor-1' });
    expect(notificationHash(chat, BORROWER)).toBe('#/loans/emp-00008/chat/investor-1');
  });

  it('opens the Security screen for a suspicious login', () => {
    expect(notificationHash(notification({ type: 'suspicious_login', sessionId: 's1' }), INVESTOR)).toBe('#/security');
  });

  it('opens the loan of a loan notification', () => {
    expect(notificationHash(notification({ type: 'investment_confirmed', loanId: 'emp-00003' }), INVESTOR)).toBe('#/loans/emp-00003');
  });

  it('opens the centre for notifications without a screen', () => {
    expect(notificationHash(notification({}), INVESTOR)).toBe('#/notifications');
  });
});

describe('countUnread', () => {
  it('counts notifications without readAt', () => {
    expect(countUnread([notification({}), notification({ readAt: '2026-03-10T12:01:00.000Z' }), notification({})])).toBe(2);
  });
});

describe('pendingSecurityAlert', () => {
  const alert = notification({ id: 'login:s2', type: 'suspicious_login', sessionId: 's2' });

  it('returns an unread alert about another active session', () => {
    expect(pendingSecurityAlert([alert], 's1', new Set(['s1', 's2']))).toBe(alert);
  });

  it('ignores the own session', () => {
    expect(pendingSecurityAlert([alert], 's2', new Set(['s2']))).toBeNull();
  });

  it('ignores a read alert', () => {
    expect(pendingSecurityAlert([{ ...alert, readAt: '2026-03-10T12:01:00.000Z' }], 's1', null)).toBeNull();
  });

  it('ignores an ended session', () => {
    expect(pendingSecurityAlert([alert], 's1', new Set(['s1']))).toBeNull();
  });

  it('keeps the alert while sessions are not loaded', () => {
    expect(pendingSecurityAlert([alert], 's1', null)).toBe(alert);
  });
});

describe('presented ids', () => {
  it('persist per user', () => {
    const storage = memoryStorage();
    expect(rememberPresentedId(storage, 'investor-1', 'pix:E1')).toBe(true);
    expect(loadPresentedIds(storage, 'investor-1').has('pix:E1')).toBe(true);
    expect(loadPresentedIds(storage, 'investor-2').size).toBe(0);
    expect(presentedIdsKey('investor-1')).not.toBe(presentedIdsKey('investor-2'));
  });

  it('keep the newest ids within the bound', () => {
    const storage = memoryStorage();
    for (let index = 0; index < MAX_PRESENTED_IDS + 5; index++) rememberPresentedId(storage, 'investor-1', `pix:E${index}`);
    const ids = loadPresentedIds(storage, 'investor-1');
    expect(ids.size).toBe(MAX_PRESENTED_IDS);
    expect(ids.has('pix:E0')).toBe(false);
    expect(ids.has(`pix:E${MAX_PRESENTED_IDS + 4}`)).toBe(true);
  });

  it('ignore damaged stored values', () => {
    expect(parsePresentedIds('not json')).toEqual([]);
    expect(parsePresentedIds('{"version":2,"ids":["pix:E1"]}')).toEqual([]);
    expect(parsePresentedIds('{"version":1,"ids":["pix:E1",7,"has space"]}')).toEqual(['pix:E1']);
  });

  it('survive a storage that rejects writes', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota exceeded');
      },
    };
    expect(rememberPresentedId(storage, 'investor-1', 'pix:E1')).toBe(false);
  });
});

describe('notification statistics formats', () => {
  it('formats the open rate as a percent', () => {
    expect(formatOpenRate(0.425, 'pt-BR')).toBe('42,5%');
    expect(formatOpenRate(0.425, 'en')).toBe('42.5%');
    expect(formatOpenRate(1, 'pt-BR')).toBe('100,0%');
  });

  it('formats the median time to open', () => {
    expect(formatSecondsToOpen(null, 'pt-BR')).toBe('—');
    expect(formatSecondsToOpen(42, 'pt-BR')).toBe('42 s');
    expect(formatSecondsToOpen(90, 'pt-BR')).toBe('1,5 min');
    expect(formatSecondsToOpen(5400, 'en')).toBe('1.5 h');
  });
});
