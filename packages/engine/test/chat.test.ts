import { describe, expect, it } from 'vitest';
import type { ChatMessageDoc } from '@lastro/protocol';
import { buildChatMessage, chatQuota, groupChatRooms } from '../src/chat.js';

const NOW = Date.parse('2026-12-04T20:00:00.000Z');
const MINUTE = 60_000;
const ANA = { id: 'ana', role: 'investor' };
const CARLA = { id: 'carla', role: 'borrower' };

let counter = 0;
function message(fields: Partial<ChatMessageDoc>): ChatMessageDoc {
  counter += 1;
  return {
    id: `0193a000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    loanId: 'emp-00008',
    investorId: 'ana',
    senderId: 'ana',
    text: 'Olá',
    status: 'accepted',
    sentAt: new Date(NOW).toISOString(),
    createdAt: new Date(NOW).toISOString(),
    seq: counter,
    ...fields,
  };
}

describe('buildChatMessage', () => {
  it('normalises the text to NFC', () => {
    const built = buildChatMessage({ loanId: 'emp-00008', text: '  Qual e\u0301 o prazo?  ' }, ANA, new Date(NOW));

    expect(built).toMatchObject({ loanId: 'emp-00008', investorId: 'ana', senderId: 'ana', text: 'Qual é o prazo?', status: 'pending', seq: 0 });
  });

  it('requires the investor for a borrower', () => {
    expect(() => buildChatMessage({ loanId: 'emp-00008', text: 'Oi' }, CARLA, new Date(NOW))).toThrow(/investorId/);
    expect(buildChatMessage({ loanId: 'emp-00008', investorId: 'ana', text: 'Oi' }, CARLA, new Date(NOW)).investorId).toBe('ana');
  });

  it.each([
    ['empty text', { loanId: 'emp-00008', text: ' \u200b ' }, 'text'],
    ['text over 2,000 characters', { loanId: 'emp-00008', text: 'a'.repeat(2001) }, 'text'],
    ['a missing loan', { loanId: '', text: 'Oi' }, 'loanId'],
  ])('rejects %s', (_label, request, field) => {
    expect(() => buildChatMessage(request, ANA, new Date(NOW))).toThrow(expect.objectContaining({ kind: 'invalid_request', field }));
  });
});

describe('groupChatRooms', () => {
  const at = (minutes: number): string => new Date(NOW + minutes * MINUTE).toISOString();

  it('groups by loan and investor, newest room first', () => {
    const first = message({ investorId: 'ana', createdAt: at(0), seq: 10 });
    const other = message({ investorId: 'bruno', senderId: 'bruno', createdAt: at(1), seq: 11 });
    const reply = message({ investorId: 'ana', senderId: 'carla', createdAt: at(2), seq: 12 });
    const pending = message({ investorId: 'bruno', senderId: 'bruno', status: 'pending', createdAt: undefined, seq: 0 });

    const rooms = groupChatRooms([reply, other, first, pending]);

    expect(rooms.map((room) => room.id)).toEqual(['chat:emp-00008:bruno', 'chat:emp-00008:ana']);
    expect(rooms[1]!.messages.map((entry) => entry.id)).toEqual([first.id, reply.id]);
    expect(rooms[0]!.last.id).toBe(pending.id);
  });

  it('keeps a released message at its sending time', () => {
    const held = message({ createdAt: at(0), seq: 30, status: 'accepted' });
    const later = message({ createdAt: at(3), seq: 20 });

    const [room] = groupChatRooms([later, held]);

    expect(room!.messages.map((entry) => entry.id)).toEqual([held.id, later.id]);
  });

  it('previews the latest message that was not rejected', () => {
    const accepted = message({ createdAt: at(0) });
    const rejected = message({ createdAt: at(1), status: 'rejected', reason: 'offensive_language' });

    const [room] = groupChatRooms([accepted, rejected]);

    expect(room!.last.id).toBe(rejected.id);
    expect(room!.preview.id).toBe(accepted.id);
  });

  it('leaves out rooms with only rejected attempts', () => {
    const outsider = message({ loanId: 'emp-00001', status: 'rejected', reason: 'not_a_member' });

    expect(groupChatRooms([outsider])).toEqual([]);
  });
});

describe('chatQuota', () => {
  it('counts accepted, held, content-rejected and pending messages', () => {
    const messages = [
      message({ status: 'accepted' }),
      message({ status: 'held', reason: 'off_platform_contact' }),
      message({ status: 'rejected', reason: 'offensive_language' }),
      message({ status: 'pending', createdAt: undefined }),
      message({ status: 'rejected', reason: 'rate_limited' }),
      message({ status: 'rejected', reason: 'not_a_member' }),
      message({ senderId: 'carla' }),
    ];

    expect(chatQuota(messages, 'ana', NOW)).toEqual({ limit: 10, remaining: 6, retryAt: null });
  });

  it('frees a slot 60 minutes after the oldest counted message', () => {
    const messages = Array.from({ length: 10 }, (_, index) => message({ createdAt: new Date(NOW - (50 - index) * MINUTE).toISOString() }));

    expect(chatQuota(messages, 'ana', NOW)).toEqual({ limit: 10, remaining: 0, retryAt: new Date(NOW + 10 * MINUTE).toISOString() });
    expect(chatQuota(messages, 'ana', NOW + 10 * MINUTE).remaining).toBe(1);
  });

  it('counts a server time ahead of the device clock', () => {
    const ahead = message({ createdAt: new Date(NOW + 2 * MINUTE).toISOString() });

    expect(chatQuota([ahead], 'ana', NOW).remaining).toBe(9);
  });
});
