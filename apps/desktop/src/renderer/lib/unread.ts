import type { ChatMessageDoc } from '@lastro/protocol';

/**
 * Read markers of one user: per room id, the highest server sequence (`seq`) the user has
 * seen in that room. A message of the other party with a higher `seq` is unread.
 */
export type ReadMarkers = Readonly<Record<string, number>>;

/** The part of a room that unread counting needs. */
export interface ReadableRoom {
  id: string;
  messages: readonly ChatMessageDoc[];
}

/** Version of the stored JSON; a value of another version is ignored. */
const READ_MARKERS_VERSION = 1;
/** More rooms than this are trimmed on save, keeping the highest markers (the latest activity). */
export const MAX_STORED_READ_MARKERS = 2000;
/** `chat:<loan id>:<investor id>`, each id at most 64 characters like document ids on the wire. */
const ROOM_ID_PATTERN = /^chat:[^:]{1,64}:[^:]{1,64}$/;

/** Returns the `localStorage` key of a user's read markers, so users sharing a browser keep their own. */
export function readMarkersKey(userId: string): string {
  return `lastro.chat.read.${userId}`;
}

function isMarker(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Parses stored read markers. Anything that is not the expected JSON yields no markers, and
 * entries with an invalid room id or sequence are dropped, so a damaged value only makes
 * messages show as unread again.
 */
export function parseReadMarkers(raw: string | null): ReadMarkers {
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Reflect.get(value, 'version') !== READ_MARKERS_VERSION) {
    return {};
  }
  const rooms: unknown = Reflect.get(value, 'rooms');
  if (typeof rooms !== 'object' || rooms === null || Array.isArray(rooms)) return {};
  const markers: Record<string, number> = {};
  for (const [roomId, seq] of Object.entries(rooms)) {
    if (ROOM_ID_PATTERN.test(roomId) && isMarker(seq)) markers[roomId] = seq;
  }
  return markers;
}

/** Serialises read markers for storage, keeping at most {@link MAX_STORED_READ_MARKERS} rooms. */
export function serializeReadMarkers(markers: ReadMarkers): string {
  const entries = Object.entries(markers)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_STORED_READ_MARKERS);
  return JSON.stringify({ version: READ_MARKERS_VERSION, rooms: Object.fromEntries(entries) });
}

/** Reads a user's markers from storage; unavailable storage yields no markers. */
export function loadReadMarkers(storage: Pick<Storage, 'getItem'>, userId: string): ReadMarkers {
  try {
    return parseReadMarkers(storage.getItem(readMarkersKey(userId)));
  } catch {
    return {};
  }
}

/** Writes a user's markers to storage. Returns false when storage rejected the write (full or disabled). */
export function saveReadMarkers(storage: Pick<Storage, 'setItem'>, userId: string, markers: ReadMarkers): boolean {
  try {
    storage.setItem(readMarkersKey(userId), serializeReadMarkers(markers));
    return true;
  } catch {
    return false;
  }
}

/** True for an accepted message of the other party that arrived after the room's read marker. */
export function isUnread(message: ChatMessageDoc, roomId: string, userId: string, markers: ReadMarkers): boolean {
  return message.senderId !== userId && message.status === 'accepted' && message.seq > (markers[roomId] ?? 0);
}

/** Counts the unread messages of one room. */
export function unreadCount(room: ReadableRoom, userId: string, markers: ReadMarkers): number {
  let count = 0;
  for (const message of room.messages) {
    if (isUnread(message, room.id, userId, markers)) count++;
  }
  return count;
}

/** Counts the unread messages of every room. */
export function totalUnread(rooms: readonly ReadableRoom[], userId: string, markers: ReadMarkers): number {
  let total = 0;
  for (const room of rooms) total += unreadCount(room, userId, markers);
  return total;
}

/**
 * Marks every message the room shows now as read. Returns the same object when nothing
 * changed, so callers can skip a store update and a storage write.
 */
export function markRoomRead(markers: ReadMarkers, room: ReadableRoom): ReadMarkers {
  let highest = markers[room.id] ?? 0;
  for (const message of room.messages) {
    if (message.seq > highest) highest = message.seq;
  }
  if (highest === (markers[room.id] ?? 0)) return markers;
  return { ...markers, [room.id]: highest };
}
