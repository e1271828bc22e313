/**
 * One collaboration room: a Y.Doc synced over the y-websocket protocol with the server's
 * `/collab` endpoint, with a fresh ticket for every connection attempt and, for stored
 * documents, an IndexedDB copy that keeps offline edits across reloads.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  decideAfterClose,
  decideAfterTicketFailure,
  INITIAL_RECONNECT_STATE,
  type CollabRefusalReason,
  type ReconnectDecision,
  type ReconnectState,
} from './reconnect-policy';
import { collabSocketUrl } from './rooms';
import { CollabTicketError, requestCollabTicket } from './tickets';

/** State of a room's connection, as the UI shows it. */
export type CollabStatus =
  | { kind: 'connecting' }
  | { kind: 'online' }
  | { kind: 'offline' }
  | { kind: 'refused'; reason: CollabRefusalReason };

export interface CollabSnapshot {
  status: CollabStatus;
  /** True once the IndexedDB copy is loaded into the document, or at once without one. */
  localLoaded: boolean;
}

export interface CollabConnectionOptions {
  serverUrl: string;
  room: string;
  /** Returns the session token, or null once the session ended. */
  getToken: () => string | null;
  /** Only for support users reading the notes of an organisation. */
  organisationId?: string;
  /** IndexedDB database of the offline copy; omitted for presence rooms, which store nothing. */
  persistenceName?: string;
  /** Receives the errors the connection handles itself, so they can be logged. */
  onError?: (message: string) => void;
}

export interface CollabConnection {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  getSnapshot(): CollabSnapshot;
  /** Calls `listener` on every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Closes the socket and the offline copy and stops reconnecting. */
  destroy(): void;
}

/**
 * Opens a room. The provider is created with `connect: false` and its own retry is cancelled
 * after every close, because it would reuse a spent ticket. Instead each attempt requests a
 * fresh ticket, with the back-off of {@link decideAfterClose}. The socket is closed while the
 * browser reports no network and reopened when it returns.
 */
export function openCollabConnection(options: CollabConnectionOptions): CollabConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabSocketUrl(options.serverUrl), options.room, doc, {
    connect: false,
    // Two windows of the app may open the same room, so awareness clocks come from the server only.
    disableBc: true,
  });
  const persistence =
    options.persistenceName === undefined ? undefined : new IndexeddbPersistence(options.persistenceName, doc);

  let networkDown = typeof navigator !== 'undefined' && navigator.onLine === false;
  let snapshot: CollabSnapshot = {
    status: networkDown ? { kind: 'offline' } : { kind: 'connecting' },
    localLoaded: persistence === undefined,
  };
  const listeners = new Set<() => void>();
  let wanted = true;
  let closingSelf = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnect: ReconnectState = INITIAL_RECONNECT_STATE;
  // Increases with every attempt, so a ticket response that arrives after a newer attempt started,
  // the network went down or the room was closed is ignored.
  let attempt = 0;
  let everOnline = false;

  const update = (patch: Partial<CollabSnapshot>): void => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };
  const setStatus = (status: CollabStatus): void => {
    if (JSON.stringify(status) !== JSON.stringify(snapshot.status)) update({ status });
  };
  const markDisconnected = (): void => {
    setStatus(everOnline ? { kind: 'offline' } : { kind: 'connecting' });
  };

  const clearRetry = (): void => {
    if (retryTimer !== undefined) {
      clearTimeout(retryTimer);
      retryTimer = undefined;
    }
  };

  const closeSocket = (): void => {
    closingSelf = true;
    try {
      provider.disconnect();
    } finally {
      closingSelf = false;
    }
  };

  const apply = (result: { decision: ReconnectDecision; state: ReconnectState }): void => {
    reconnect = result.state;
    const decision = result.decision;
    if (decision.action === 'stop') {
      wanted = false;
      clearRetry();
      setStatus({ kind: 'refused', reason: decision.reason });
      return;
    }
    clearRetry();
    retryTimer = setTimeout(() => void connectWithFreshTicket(), decision.delayMs);
  };

  async function connectWithFreshTicket(): Promise<void> {
    retryTimer = undefined;
    if (!wanted || networkDown) return;
    const current = ++attempt;
    const token = options.getToken();
    if (token === null) {
      apply({ decision: { action: 'stop', reason: 'sessionExpired' }, state: reconnect });
      return;
    }
    try {
      const { ticket } = await requestCollabTicket({
        serverUrl: options.serverUrl,
        token,
        room: options.room,
        ...(options.organisationId === undefined ? {} : { organisationId: options.organisationId }),
      });
      if (!wanted || networkDown || current !== attempt) return;
      provider.params = { ticket };
      provider.connect();
    } catch (error) {
      if (!wanted || networkDown || current !== attempt) return;
      options.onError?.(String(error));
      markDisconnected();
      const refusal = error instanceof CollabTicketError ? error.refusal : undefined;
      apply(decideAfterTicketFailure(refusal, reconnect, Math.random()));
    }
  }

  provider.on('connection-close', (event) => {
    // provider.disconnect() below emits this event again for the same socket.
    if (closingSelf) return;
    closeSocket();
    if (!wanted || networkDown) return;
    if (event !== null && event.code !== 1000) {
      options.onError?.(`collab socket of ${options.room} closed with ${event.code} ${event.reason}`);
    }
    markDisconnected();
    apply(decideAfterClose(event === null ? null : event.code, reconnect, Math.random()));
  });

  provider.on('sync', (synced) => {
    if (synced) {
      everOnline = true;
      reconnect = INITIAL_RECONNECT_STATE;
      setStatus({ kind: 'online' });
    }
  });

  const onOffline = (): void => {
    networkDown = true;
    attempt++;
    clearRetry();
    closeSocket();
    if (wanted) markDisconnected();
  };
  const onOnline = (): void => {
    networkDown = false;
    if (wanted && provider.ws === null && retryTimer === undefined) void connectWithFreshTicket();
  };
  const events = typeof window === 'undefined' ? undefined : window;
  events?.addEventListener('offline', onOffline);
  events?.addEventListener('online', onOnline);

  void persistence?.whenSynced.then(
    () => update({ localLoaded: true }),
    (error: unknown) => {
      options.onError?.(`offline copy ${options.persistenceName ?? ''} failed to load: ${String(error)}`);
      update({ localLoaded: true });
    },
  );

  void connectWithFreshTicket();

  return {
    doc,
    awareness: provider.awareness,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      wanted = false;
      attempt++;
      clearRetry();
      events?.removeEventListener('offline', onOffline);
      events?.removeEventListener('online', onOnline);
      listeners.clear();
      closingSelf = true;
      try {
        provider.destroy();
      } finally {
        closingSelf = false;
      }
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
