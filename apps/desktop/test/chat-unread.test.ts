import type { ChatMessageDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import { groupChatRooms } from '../src/renderer/lib/chat-rooms';
import {
  MAX_STORED_READ_MARKERS,
  isUnread,
  loadReadMarkers,
  markRoomRead,
  parseReadMarkers,
  readMarkersKey,
  saveReadMarkers,
  serializeReadMarkers,
  totalUnread,
  unreadCount,
} from '../src/renderer/lib/unread';

const INVESTOR = 'investor-1';
const BORROWER = 'borrower-1';
const ROOM = 'chat:emp-00008:investor-1';

let nextId = 1;
function message(overrides: Partial<ChatMessageDoc>): ChatMessageDoc {
  const id = `0190a000-0000-7000-8000-${String(nextId++).padStart(12, '0')}`;
  return {
    id,
    loanId: 'emp-00008',
    investorId: INVESTOR,
    senderId: INVESTOR,
    text: 'Olá',
    status: 'accepted',
    sentAt: '2026-03-10T12:00:00.000Z',
    createdAt: '2026-03-10T12:00:01.000Z',
    seq: 1,
    ...overrides,
  };
}

/** In-memory `Storage` stand-in with the two methods the module uses. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('unread messages', () => {
  const conversation = [
    message({ senderId: INVESTOR, seq: 10 }),
    message({ senderId: BORROWER, seq: 11 }),
    message({ senderId: BORROWER, seq: 12 }),
    message({ senderId: INVESTOR, seq: 13 }),
  ];
  const [room] = groupChatRooms(conversation);

  it('counts the other party\'s messages without a marker', () => {
    expect(room).toBeDefined();
    expect(unreadCount(room!, INVESTOR, {})).toBe(2);
    expect(unreadCount(room!, BORROWER, {})).toBe(2);
  });

  it('ignores own messages, pending and non-accepted ones', () => {
    expect(isUnread(message({ senderId: INVESTOR, seq: 50 }), ROOM, INVESTOR, {})).toBe(false);
    expect(isUnread(message({ senderId: BORROWER, status: 'pending', seq: 0 }), ROOM, INVESTOR, {})).toBe(false);
    expect(isUnread(message({ senderId: BORROWER, status: 'held', seq: 51 }), ROOM, INVESTOR, {})).toBe(false);
    expect(isUnread(message({ senderId: BORROWER, status: 'accepted', seq: 52 }), ROOM, INVESTOR, {})).toBe(true);
  });

  it('counts only messages after the read marker', () => {
    expect(unreadCount(room!, INVESTOR, { [ROOM]: 11 })).toBe(1);
    expect(unreadCount(room!, INVESTOR, { [ROOM]: 12 })).toBe(0);
  });

  it('marks a room read up to its latest message', () => {
    const marked = markRoomRead({}, room!);
    expect(marked[ROOM]).toBe(13);
    expect(unreadCount(room!, INVESTOR, marked)).toBe(0);
    expect(unreadCount(room!, BORROWER, marked)).toBe(0);
  });

  it('returns the same markers when nothing is new', () => {
    const marked = markRoomRead({}, room!);
    expect(markRoomRead(marked, room!)).toBe(marked);
  });

  it('counts a released message as unread again', () => {
    const marked = markRoomRead({}, room!);
    const [released] = groupChatRooms([...conversation, message({ senderId: BORROWER, contactKinds: ['phone'], seq: 20 })]);
    expect(unreadCount(released!, INVESTOR, marked)).toBe(1);
  });

  it('sums unread counts over rooms', () => {
    const other = message({ loanId: 'emp-00048', senderId: BORROWER, seq: 30 });
    const rooms = groupChatRooms([...conversation, other]);
    expect(totalUnread(rooms, INVESTOR, {})).toBe(3);
    expect(totalUnread(rooms, INVESTOR, { [ROOM]: 13 })).toBe(1);
  });
});

describe('read marker storage', () => {
  it('round-trips markers per user', () => {
    const storage = memoryStorage();
    expect(saveReadMarkers(storage, INVESTOR, { [ROOM]: 12 })).toBe(true);
    expect(storage.values.has(readMarkersKey(INVESTOR))).toBe(true);
    expect(loadReadMarkers(storage, INVESTOR)).toEqual({ [ROOM]: 12 });
    expect(loadReadMarkers(storage, BORROWER)).toEqual({});
  });

  it('namespaces the key by user id', () => {
    expect(readMarkersKey(INVESTOR)).not.toBe(readMarkersKey(BORROWER));
    expect(readMarkersKey(INVESTOR)).toContain(INVESTOR);
  });

  it('yields no markers for damaged values', () => {
    expect(parseReadMarkers(null)).toEqual({});
    expect(parseReadMarkers('not json')).toEqual({});
    expect(parseReadMarkers('[1,2]')).toEqual({});
    expect(parseReadMarkers('{"version":2,"rooms":{"chat:a:b":1}}')).toEqual({});
    expect(parseReadMarkers('{"version":1,"rooms":[1]}')).toEqual({});
  });

  it('drops invalid entries and keeps valid ones', () => {
    const raw = JSON.stringify({
      version: 1,
      rooms: { [ROOM]: 7, 'chat:a:b': -1, 'chat:c:d': 1.5, 'chat:e:f': '3', 'not-a-room': 4, [`chat:${'x'.repeat(65)}:y`]: 2 },
    });
    expect(parseReadMarkers(raw)).toEqual({ [ROOM]: 7 });
  });

  it('keeps the highest markers when trimming', () => {
    const markers: Record<string, number> = {};
    for (let index = 0; index < MAX_STORED_READ_MARKERS + 5; index++) markers[`chat:loan-${index}:inv`] = index + 1;
    const parsed = parseReadMarkers(serializeReadMarkers(markers));
    expect(Object.keys(parsed)).toHaveLength(MAX_STORED_READ_MARKERS);
    expect(parsed['chat:loan-0:inv']).toBeUndefined();
    expect(parsed[`chat:loan-${MAX_STORED_READ_MARKERS + 4}:inv`]).toBe(MAX_STORED_READ_MARKERS + 5);
  });

  it('reports a rejected write', () => {
    const full: Pick<Storage, 'setItem'> = {
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
    };
    expect(saveReadMarkers(full, INVESTOR, { [ROOM]: 1 })).toBe(false);
  });
});
