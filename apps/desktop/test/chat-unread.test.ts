import type { NotificationDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import { unreadChatCounts, unreadChatNotificationIds } from '../src/renderer/lib/unread';

const ROOM = 'chat:emp-00008:investor-1';
const OTHER_ROOM = 'chat:emp-00009:investor-1';

function notification(overrides: Partial<NotificationDoc>): NotificationDoc {
  return {
    id: 'chat:m1',
    type: 'chat_message',
    priority: 'normal',
    titlePt: 'Nova mensagem de Ana Ribeiro',
    bodyPt: 'Olá',
    titleEn: 'New message from Ana Ribeiro',
    bodyEn: 'Olá',
    loanId: 'emp-00008',
    investorId: 'investor-1',
    createdAt: '2026-03-10T12:00:00.000Z',
    deliverAt: '2026-03-10T12:00:00.000Z',
    seq: 1,
    ...overrides,
  };
}

describe('unreadChatCounts', () => {
  it('counts unread chat notifications per room', () => {
    const counts = unreadChatCounts([
      notification({ id: 'chat:m1' }),
      notification({ id: 'chat:m2' }),
      notification({ id: 'chat:m3', loanId: 'emp-00009' }),
    ]);
    expect(counts.byRoom.get(ROOM)).toBe(2);
    expect(counts.byRoom.get(OTHER_ROOM)).toBe(1);
    expect(counts.total).toBe(3);
  });

  it('skips read chat notifications', () => {
    const counts = unreadChatCounts([notification({ id: 'chat:m1', readAt: '2026-03-10T12:05:00.000Z' }), notification({ id: 'chat:m2' })]);
    expect(counts.byRoom.get(ROOM)).toBe(1);
    expect(counts.total).toBe(1);
  });

  it('ignores other notification types', () => {
    const counts = unreadChatCounts([notification({ id: 'inv:1', type: 'investment_confirmed' })]);
    expect(counts.total).toBe(0);
    expect(counts.byRoom.size).toBe(0);
  });

  it('ignores chat notifications without a room', () => {
    const counts = unreadChatCounts([notification({ investorId: undefined })]);
    expect(counts.total).toBe(0);
  });
});

describe('unreadChatNotificationIds', () => {
  it('lists the unread ids of one conversation', () => {
    const notifications = [
      notification({ id: 'chat:m1' }),
      notification({ id: 'chat:m2', readAt: '2026-03-10T12:05:00.000Z' }),
      notification({ id: 'chat:m3', loanId: 'emp-00009' }),
      notification({ id: 'chat:m4', investorId: 'investor-2' }),
    ];
    expect(unreadChatNotificationIds(notifications, 'emp-00008', 'investor-1')).toEqual(['chat:m1']);
  });
});
