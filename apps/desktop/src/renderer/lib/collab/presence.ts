/**
 * Awareness states of a collaboration room, as other clients publish them. They come from the
 * network, so every field is checked before it is shown.
 */

/** Identity of a client, as it publishes itself in the awareness field `user`. */
export interface PresenceUser {
  id: string;
  name: string;
  /** CSS colour of the user's avatar, from {@link colourForUser}. */
  colour: string;
}

/** A user present in a room, with whether any of their clients is typing. */
export interface Peer extends PresenceUser {
  typing: boolean;
}

const MAX_ID_LENGTH = 64;
const MAX_NAME_LENGTH = 80;

/** Reads the `user` field of an awareness state; returns undefined when it is missing or malformed. */
export function parsePresenceUser(state: unknown): PresenceUser | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const user: unknown = Reflect.get(state, 'user');
  if (typeof user !== 'object' || user === null) return undefined;
  const id: unknown = Reflect.get(user, 'id');
  const name: unknown = Reflect.get(user, 'name');
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH) return undefined;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  // The colour is derived again here, so a peer cannot inject arbitrary CSS.
  return { id, name: name.trim().slice(0, MAX_NAME_LENGTH), colour: colourForUser(id) };
}

/**
 * Lists the users of a room other than `ownUserId`, one entry per user even when they have
 * several windows open, sorted by name. A user counts as typing when any of their clients is.
 */
export function peersOf(states: ReadonlyMap<number, unknown>, ownUserId: string): Peer[] {
  const byId = new Map<string, Peer>();
  for (const state of states.values()) {
    const user = parsePresenceUser(state);
    if (user === undefined || user.id === ownUserId) continue;
    const typing = Reflect.get(state as object, 'typing') === true;
    const known = byId.get(user.id);
    byId.set(user.id, { ...user, typing: typing || (known?.typing ?? false) });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
}

/** Returns the first name of a full name, as the presence line and the typing indicator show it. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Returns up to two initials of a name: "Ana Ribeiro" gives "AR", "Bruno" gives "B". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initial = (word: string): string => (Array.from(word)[0] ?? '').toLocaleUpperCase('pt-BR');
  return last === undefined ? initial(first) : initial(first) + initial(last);
}

/**
 * Derives a stable avatar colour from a user id: a hue from the FNV-1a hash of the id, with
 * saturation and lightness fixed so that white initials stay readable.
 */
export function colourForUser(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `hsl(${hash % 360} 55% 38%)`;
}
