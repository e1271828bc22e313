import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { requireActiveClient, useSessionStore } from '../../state/session';
import { openCollabConnection, type CollabConnection, type CollabSnapshot } from './connection';

export interface CollabRoomRequest {
  room: string;
  /** Only for support users reading the notes of an organisation. */
  organisationId?: string;
  /** Keeps an offline copy in IndexedDB; only for stored documents, never for presence rooms. */
  persist: boolean;
}

const CONNECTING: CollabSnapshot = { status: { kind: 'connecting' }, localLoaded: false };

function sessionToken(): string | null {
  try {
    return requireActiveClient('opening a collaboration room').session?.token ?? null;
  } catch {
    return null;
  }
}

/**
 * Opens a room while the calling component is mounted and the user is signed in, and closes
 * it on unmount, on logout and when the room changes. `request` null opens nothing.
 */
export function useCollabRoom(request: CollabRoomRequest | null): { connection: CollabConnection | null; snapshot: CollabSnapshot } {
  const serverUrl = useSessionStore((state) => state.platform?.serverUrl);
  const userId = useSessionStore((state) => state.user?.id);
  const [connection, setConnection] = useState<CollabConnection | null>(null);
  const room = request?.room;
  const organisationId = request?.organisationId;
  const persist = request?.persist ?? false;

  useEffect(() => {
    if (room === undefined || serverUrl === undefined || userId === undefined) return;
    // One offline copy per user, room and, for support users, organisation.
    const persistenceName = persist
      ? ['lastro-collab', userId, room, ...(organisationId === undefined ? [] : [organisationId])].join(':')
      : undefined;
    const opened = openCollabConnection({
      serverUrl,
      room,
      getToken: sessionToken,
      ...(organisationId === undefined ? {} : { organisationId }),
      ...(persistenceName === undefined ? {} : { persistenceName }),
      onError: (message) => console.warn(message),
    });
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [serverUrl, userId, room, organisationId, persist]);

  const snapshot = useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => undefined),
    () => connection?.getSnapshot() ?? CONNECTING,
  );
  return { connection, snapshot };
}

/** Returns the awareness states of a room, re-read on every change. */
export function useAwarenessStates(awareness: Awareness | undefined): ReadonlyMap<number, unknown> {
  const [states, setStates] = useState<ReadonlyMap<number, unknown>>(() => new Map());
  useEffect(() => {
    if (awareness === undefined) {
      setStates(new Map());
      return;
    }
    const read = (): void => setStates(new Map(awareness.getStates()));
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return states;
}
