import type { ChatMessageDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import { chatSendErrorKey } from '../src/renderer/lib/chat-errors';
import { describeChatQuota, estimateServerNow, formatTimeSaoPaulo } from '../src/renderer/lib/chat-quota';
import { chatQuota, conversationHash, counterpartName, describeRoomLoan, groupChatRooms, roomIdOnScreen } from '../src/renderer/lib/chat-rooms';
import { describeOwnMessageStatus } from '../src/renderer/lib/chat-status';
import { LastroError } from '@lastro/engine';
import i18next, { type TFunction } from 'i18next';
import chatEn from '../src/renderer/i18n/chat.en.json';
import ptBR from '../src/renderer/i18n/chat.pt-BR.json';

const USER = 'investor-1';

let nextId = 1;
function message(overrides: Partial<ChatMessageDoc>): ChatMessageDoc {
  const id = `0190a000-0000-7000-8000-${String(nextId++).padStart(12, '0')}`;
  return {
    id,
    loanId: 'emp-00008',
    investorId: USER,
    senderId: USER,
    text: 'Olá',
    status: 'accepted',
    sentAt: '2026-03-10T12:00:00.000Z',
    createdAt: '2026-03-10T12:00:00.000Z',
    seq: nextId,
    ...overrides,
  };
}

/** Looks a dotted key of the pt-BR chat texts up, as `t` does for keys under `chat.`. */
function translate(key: string): string {
  const value = key
    .replace(/^chat\./, '')
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined), ptBR);
  if (typeof value !== 'string') throw new Error(`missing translation ${key}`);
  return value;
}

describe('formatTimeSaoPaulo', () => {
  it('formats the time of day in São Paulo', () => {
    expect(formatTimeSaoPaulo('2026-03-10T17:05:00Z', 'pt-BR')).toBe('14:05');
    expect(formatTimeSaoPaulo('2026-03-10T02:30:00Z', 'en')).toBe('23:30');
  });

  it('rejects an invalid date-time', () => {
    expect(() => formatTimeSaoPaulo('amanhã', 'pt-BR')).toThrow(/invalid date-time "amanhã"/);
  });
});

describe('describeChatQuota', () => {
  const now = Date.parse('2026-03-10T12:30:00Z');

  it('counts the remaining messages of the hour', () => {
    const messages = [message({ createdAt: '2026-03-10T12:00:00Z' }), message({ createdAt: '2026-03-10T12:10:00Z' })];
    const text = describeChatQuota(chatQuota(messages, USER, now), 'pt-BR');
    expect(text).toEqual({ key: 'chat.quota.remaining', values: { count: 8, limit: 10 } });
  });

  it('shows the full quota without messages', () => {
    expect(describeChatQuota(chatQuota([], USER, now), 'pt-BR').values).toEqual({ count: 10, limit: 10 });
  });

  it('names the São Paulo time when the quota is used up', () => {
    const messages = Array.from({ length: 10 }, (_, index) =>
      message({ createdAt: new Date(Date.parse('2026-03-10T12:00:00Z') + index * 60_000).toISOString() }),
    );
    const quota = chatQuota(messages, USER, now);
    expect(quota.remaining).toBe(0);
    // The oldest counted message (12:00 UTC) leaves the 60-minute window at 13:00 UTC, 10:00 in São Paulo.
    expect(describeChatQuota(quota, 'pt-BR')).toEqual({ key: 'chat.quota.exhausted', values: { limit: 10, time: '10:00' } });
  });

  it('does not count rate-limited attempts', () => {
    const messages = [message({ status: 'rejected', reason: 'rate_limited', retryAt: '2026-03-10T13:00:00Z' })];
    expect(describeChatQuota(chatQuota(messages, USER, now), 'pt-BR').values).toEqual({ count: 10, limit: 10 });
  });
});

describe('estimateServerNow', () => {
  const device = Date.parse('2026-03-10T12:00:00Z');

  it('keeps the device clock when it is ahead', () => {
    expect(estimateServerNow([message({ createdAt: '2026-03-10T11:59:00Z' })], device)).toBe(device);
    expect(estimateServerNow([], device)).toBe(device);
  });

  it('moves to the newest server timestamp when the device is behind', () => {
    const messages = [
      message({ createdAt: '2026-03-10T12:00:04Z' }),
      message({ createdAt: '2026-03-10T11:00:00Z', decidedAt: '2026-03-10T12:00:09Z' }),
    ];
    expect(estimateServerNow(messages, device)).toBe(Date.parse('2026-03-10T12:00:09Z'));
  });

  it('counts a message stored after the device time', () => {
    const messages = [message({ createdAt: '2026-03-10T12:00:05Z' })];
    expect(chatQuota(messages, USER, device).remaining).toBe(9);
    expect(chatQuota(messages, USER, estimateServerNow(messages, device)).remaining).toBe(9);
  });
});

describe('describeOwnMessageStatus', () => {
  it('tells sending from waiting for the connection', () => {
    const pending = message({ status: 'pending', seq: 0, createdAt: undefined });
    expect(describeOwnMessageStatus(pending, true, 'pt-BR', translate).state).toBe('sending');
    expect(describeOwnMessageStatus(pending, false, 'pt-BR', translate).state).toBe('waiting_for_connection');
  });

  it('lists the contact kinds of a held message', () => {
    const held = message({ status: 'held', reason: 'off_platform_contact', contactKinds: ['phone', 'email'] });
    expect(describeOwnMessageStatus(held, true, 'pt-BR', translate)).toEqual({
      state: 'held',
      text: { key: 'chat.status.held', values: { kinds: 'telefone e e-mail' } },
    });
  });

  it('translates the rejection reason', () => {
    const rejected = message({ status: 'rejected', reason: 'offensive_language' });
    expect(describeOwnMessageStatus(rejected, true, 'pt-BR', translate)).toEqual({
      state: 'rejected',
      text: { key: 'chat.status.rejected', values: { reason: 'linguagem ofensiva' } },
    });
  });

  it('names the retry time of a rate-limited message', () => {
    const limited = message({ status: 'rejected', reason: 'rate_limited', retryAt: '2026-03-10T13:15:00Z' });
    expect(describeOwnMessageStatus(limited, true, 'pt-BR', translate).text).toEqual({
      key: 'chat.status.rateLimited',
      values: { time: '10:15' },
    });
  });

  it('reports support decisions', () => {
    const released = message({ status: 'accepted', contactKinds: ['pix_key'] });
    const refused = message({ status: 'rejected', reason: 'rejected_by_support', contactKinds: ['pix_key'] });
    expect(describeOwnMessageStatus(released, true, 'pt-BR', translate).state).toBe('released_by_support');
    expect(describeOwnMessageStatus(refused, true, 'pt-BR', translate).state).toBe('rejected_by_support');
    expect(describeOwnMessageStatus(message({}), true, 'pt-BR', translate).state).toBe('delivered');
  });
});

describe('chatSendErrorKey', () => {
  it('names the rule the text broke', () => {
    const error = new LastroError('invalid_request', 'invalid text', { field: 'text' });
    expect(chatSendErrorKey(error, '   ')).toBe('chat.errors.empty');
    expect(chatSendErrorKey(error, 'x'.repeat(2001))).toBe('chat.errors.tooLong');
  });

  it('maps other failures', () => {
    expect(chatSendErrorKey(new LastroError('invalid_request', 'invalid loanId', { field: 'loanId' }), 'oi')).toBe(
      'chat.errors.invalidConversation',
    );
    expect(chatSendErrorKey(new LastroError('unauthorized', 'no session'), 'oi')).toBe('chat.errors.noSession');
    expect(chatSendErrorKey(new Error('boom'), 'oi')).toBe('chat.errors.unexpected');
  });
});

describe('chat room helpers', () => {
  const investor = { id: USER, role: 'investor' as const };
  const borrower = { id: 'borrower-1', role: 'borrower' as const };
  const room = { loanId: 'emp-00008', investorId: USER };

  it('opens an investor\'s conversation on the loan detail', () => {
    expect(conversationHash(investor, room)).toBe('#/loans/emp-00008');
    expect(conversationHash(borrower, room)).toBe(`#/loans/emp-00008/chat/${USER}`);
  });

  it('finds the room on screen', () => {
    expect(roomIdOnScreen({ name: 'loan', loanId: 'emp-00008' }, investor)).toBe(`chat:emp-00008:${USER}`);
    expect(roomIdOnScreen({ name: 'loan', loanId: 'emp-00008' }, borrower)).toBeNull();
    expect(roomIdOnScreen({ name: 'chat', loanId: 'emp-00008', investorId: USER }, borrower)).toBe(`chat:emp-00008:${USER}`);
    expect(roomIdOnScreen({ name: 'chats' }, investor)).toBeNull();
  });

  it('names the other party', () => {
    const [view] = groupChatRooms([
      message({ senderId: USER, senderName: 'Ana Ribeiro' }),
      message({ senderId: 'borrower-1', senderName: 'Carla Menezes' }),
    ]);
    expect(counterpartName(investor, view!, undefined)).toBe('Carla Menezes');
    // The name the messages carry wins over the loan book's masked name.
    expect(counterpartName(investor, view!, { borrowerName: 'Carla M.' })).toBe('Carla Menezes');
    expect(counterpartName(borrower, view!, undefined)).toBe('Ana Ribeiro');
    const [onlyOwn] = groupChatRooms([message({ senderId: USER, senderName: 'Ana Ribeiro' })]);
    expect(counterpartName(investor, onlyOwn!, { borrowerName: 'Carla M.' })).toBe('Carla M.');
    expect(counterpartName(borrower, onlyOwn!, { borrowerName: 'Carla M.' })).toBe('Ana Ribeiro');
  });
});

describe('chat room loan', () => {
  it('names the purpose and the loan id', () => {
    expect(describeRoomLoan('emp-00008', { purpose: 'Capital de giro' })).toBe('Capital de giro · emp-00008');
  });

  it('falls back to the loan id', () => {
    expect(describeRoomLoan('emp-00048', undefined)).toBe('emp-00048');
  });
});

describe('chat texts in i18next', () => {
  /** Builds the `t` of one language with the chat texts mounted under `chat.`, as the app does. */
  async function translator(language: 'pt-BR' | 'en'): Promise<TFunction> {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { 'pt-BR': { translation: { chat: ptBR } }, en: { translation: { chat: chatEn } } },
      lng: language,
      interpolation: { escapeValue: false },
    });
    return instance.t;
  }

  it('words the pt-BR quota as messages left', async () => {
    const t = await translator('pt-BR');
    expect(t('chat.quota.remaining', { count: 10, limit: 10 })).toBe('Restam 10 de 10 mensagens nesta hora');
    expect(t('chat.quota.remaining', { count: 1, limit: 10 })).toBe('Resta 1 de 10 mensagens nesta hora');
  });

  it('words the English quota as messages left', async () => {
    const t = await translator('en');
    expect(t('chat.quota.remaining', { count: 10, limit: 10 })).toBe('10 of 10 messages left this hour');
    expect(t('chat.quota.remaining', { count: 1, limit: 10 })).toBe('1 of 10 messages left this hour');
  });

  it('says held and rejected messages count', async () => {
    expect(await translator('pt-BR').then((t) => t('chat.quota.hint'))).toMatch(/retidas .* recusadas .* contam no limite/);
    expect(await translator('en').then((t) => t('chat.quota.hint'))).toMatch(/held .* rejected .* count toward the hourly limit/);
  });

  it('formats the counter in the UI language', async () => {
    expect((await translator('pt-BR'))('chat.composer.counter', { length: 1234, max: 2000 })).toBe('1.234 / 2.000');
    expect((await translator('en'))('chat.composer.counter', { length: 1234, max: 2000 })).toBe('1,234 / 2,000');
  });

  it('gives the borrower a hint of their own', async () => {
    const t = await translator('pt-BR');
    expect(t('chat.panel.hint')).toMatch(/^Tire dúvidas sobre o pedido/);
    expect(t('chat.panel.hintBorrower')).toMatch(/^Responda às dúvidas dos investidores sobre o seu pedido/);
  });
});
