import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Store } from '../db/store.js';
import {
  encodeAwarenessMessage,
  encodeSyncMessage,
  InvalidMessageError,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  decodeAwarenessUpdate,
  type AwarenessEntry,
  type ClientMessage,
} from './messages.js';
import { PresenceTracker } from './presence.js';
import type { RoomGrant } from './rooms.js';

/** One client connection of a room, as the socket layer provides it. */
export interface CollabConnection {
  readonly connectionId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly access: RoomGrant['access'];
  readonly log: Logger;
  /** Sends one binary message; a connection whose send buffer overflows is closed with 4509. */
  send(message: Uint8Array): void;
  /** Starts receiving the messages published on `topic`. */
  subscribe(topic: string): void;
  /**
   * Sends one binary message to every other connection subscribed to `topic`. Returns false,
   * sending nothing, once the connection is closing, because it has then left its topics.
   */
  publish(topic: string, message: Uint8Array): boolean;
  /** Starts the closing handshake unless the connection is already closing. */
  end(code: number, reason: string): void;
  /** Closes the connection with 4509 when more bytes wait in its send buffer than allowed. */
  closeIfSlow(): void;
  /** Set once a refused document change of this read-only connection was logged. */
  refusedWriteLogged: boolean;
}

/** Raised when an update could not be stored; the room must be dropped and reloaded from storage. */
export class DocumentStorageError extends Error {
  constructor(
    readonly documentName: string,
    cause: unknown,
  ) {
    super(`document ${documentName}: applying or storing an update failed (${(cause as Error).message ?? String(cause)})`, { cause });
    this.name = 'DocumentStorageError';
  }
}

/** Sends one binary message to every connection subscribed to a topic. */
export type PublishToTopic = (topic: string, message: Uint8Array) => void;

/** Topic on which a room's connections receive its broadcasts. */
export function roomTopic(documentName: string): string {
  return `collab/${documentName}`;
}

/** Client ids one connection may introduce to a room's awareness; a provider uses one. */
const MAX_CLIENTS_PER_CONNECTION = 8;

/**
 * One loaded room: its Yjs document, its awareness states and its connections. Follows the
 * y-websocket server (`bin/utils.js` of y-websocket 1.x): a new connection gets sync step 1 and
 * the current awareness states, document updates go to every other connection, and awareness
 * updates go to every connection.
 *
 * Broadcasts go through the transport's publish instead of one send per connection, so the
 * transport can queue every message a connection receives in one event loop turn and write
 * them to its socket at once.
 */
export class CollabRoom {
  readonly connections = new Set<CollabConnection>();
  readonly presence = new PresenceTracker(MAX_CLIENTS_PER_CONNECTION);
  readonly topic: string;
  /** Timer that unloads the room after its last connection closed. */
  unloadTimer: NodeJS.Timeout | undefined;
  /** Stored updates that no snapshot contains yet. */
  storedUpdates: number;
  private lastSeq: number;
  /** Messages for the room's connections, published together after the current I/O callbacks. */
  private readonly broadcasts: { message: Uint8Array; sender: CollabConnection | undefined }[] = [];
  /** Updates emitted inside the current transaction, sent once it commits. */
  private readonly outgoing: { update: Uint8Array; origin: unknown }[] = [];

  /**
   * @param store storage of a notes document, or undefined for a presence room, whose document
   *   stays empty and is never stored
   * @param publishToAll sends a message to every connection subscribed to a topic
   */
  constructor(
    readonly documentName: string,
    readonly doc: Y.Doc,
    private readonly store: Store | undefined,
    loaded: { lastSeq: number; storedUpdates: number },
    private readonly publishToAll: PublishToTopic,
  ) {
    this.topic = roomTopic(documentName);
    this.lastSeq = loaded.lastSeq;
    this.storedUpdates = loaded.storedUpdates;
    doc.on('update', this.handleDocumentUpdate);
  }

  /** Adds a connection and sends it sync step 1 and the current awareness states. */
  join(connection: CollabConnection): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.connections.add(connection);
    connection.send(encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.doc)));
    const states = this.presence.entries();
    if (states.length > 0) {
      connection.send(encodeAwarenessMessage(states));
    }
    connection.subscribe(this.topic);
  }

  /** Removes a connection and the awareness states it introduced, telling the others. */
  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) {
      return;
    }
    this.broadcastAwareness(this.presence.removeOwner(connection));
  }

  /**
   * Handles one decoded message. Raises {@link InvalidMessageError} for a message that cannot
   * be used and {@link DocumentStorageError} when an update could not be stored.
   */
  handleMessage(connection: CollabConnection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        connection.send(encodeSyncMessage(SYNC_STEP_2, this.encodeMissing(message.stateVector)));
        return;
      case 'sync-update':
        this.applyClientUpdate(connection, message.update);
        return;
      case 'awareness':
        this.applyAwareness(connection, message.update);
        return;
      case 'query-awareness':
        connection.send(encodeAwarenessMessage(this.presence.entries()));
        return;
      case 'auth':
        // y-websocket only sends auth messages from server to client, so there is nothing to do.
        return;
    }
  }

  /** Drops awareness states that were not renewed in time and sends the removal to every connection. */
  removeOutdatedPresence(): void {
    this.broadcastAwareness(this.presence.removeOutdated());
  }

  /** Stops listening to the document and frees it. */
  destroy(): void {
    clearTimeout(this.unloadTimer);
    this.broadcasts.length = 0;
    this.doc.off('update', this.handleDocumentUpdate);
    this.doc.destroy();
  }

  private encodeMissing(stateVector: Uint8Array): Uint8Array {
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      throw new InvalidMessageError(`sync step 1 has an invalid state vector: ${(error as Error).message}`);
    }
  }

  private applyClientUpdate(connection: CollabConnection, update: Uint8Array): void {
    if (connection.access !== 'write' || this.store === undefined) {
      this.refuseUpdate(connection, update);
      return;
    }
    try {
      Y.decodeUpdate(update);
    } catch (error) {
      throw new InvalidMessageError(`document update cannot be decoded: ${(error as Error).message}`);
    }
    const store = this.store;
    try {
      store.transaction(() => Y.applyUpdate(this.doc, update, connection));
    } catch (error) {
      this.outgoing.length = 0;
      throw new DocumentStorageError(this.documentName, error);
    }
    this.flushOutgoing();
  }

  /** Stores each update the document emits, inside the caller's transaction, and queues it for the others. */
  private readonly handleDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.store !== undefined) {
      const seq = this.lastSeq + 1;
      this.store.collab.appendUpdate(this.documentName, seq, update, new Date().toISOString());
      this.lastSeq = seq;
      this.storedUpdates += 1;
    }
    this.outgoing.push({ update, origin });
  };

  private flushOutgoing(): void {
    const pending = this.outgoing.splice(0);
    for (const { update, origin } of pending) {
      this.broadcast(encodeSyncMessage(SYNC_UPDATE, update), origin);
    }
  }

  /**
   * Queues a message for every connection of the room but `except`, when that is one of them.
   * The queue is published once the current I/O callbacks have run, outside any socket's message
   * handler: uWebSockets.js can then cork each receiving socket and write all of its queued
   * messages in one send, which it cannot do while the sending socket is corked.
   */
  private broadcast(message: Uint8Array, except: unknown): void {
    const sender = except as CollabConnection | undefined;
    this.broadcasts.push({ message, sender: sender !== undefined && this.connections.has(sender) ? sender : undefined });
    if (this.broadcasts.length === 1) {
      setImmediate(this.publishBroadcasts);
    }
  }

  private readonly publishBroadcasts = (): void => {
    for (const { message, sender } of this.broadcasts.splice(0)) {
      // A sender that left or started closing meanwhile is no longer subscribed, so publishing
      // to all skips it too.
      if (sender === undefined || !this.connections.has(sender) || !sender.publish(this.topic, message)) {
        this.publishToAll(this.topic, message);
      }
    }
    // Published messages bypass `send` and its check, so look at every reader's buffer here.
    for (const connection of this.connections) {
      connection.closeIfSlow();
    }
  };

  private refuseUpdate(connection: CollabConnection, update: Uint8Array): void {
    if (connection.refusedWriteLogged || !this.carriesChanges(update)) {
      return;
    }
    connection.refusedWriteLogged = true;
    connection.log.warn(
      { documentName: this.documentName, userId: connection.userId, connectionId: connection.connectionId },
      'document change from a read-only connection not applied; further ones on this connection are not logged',
    );
  }

  /**
   * Tells whether an update would change the document: it has items the document lacks, or it
   * deletes items the document still has (only the first and last clock of each range are checked).
   */
  private carriesChanges(update: Uint8Array): boolean {
    try {
      const known = Y.encodeStateVector(this.doc);
      const knownClocks = Y.decodeStateVector(known);
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
        if (clock > (knownClocks.get(client) ?? 0)) {
          return true;
        }
      }
      const deleted = Y.createDeleteSetFromStructStore(this.doc.store);
      for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
        for (const range of ranges) {
          const ends = [range.clock, range.clock + range.len - 1];
          if (ends.some((clock) => !Y.isDeleted(deleted, Y.createID(client, clock)))) {
            return true;
          }
        }
      }
      return false;
    } catch {
      // An undecodable update from a read-only connection is refused like any other.
      return true;
    }
  }

  private applyAwareness(connection: CollabConnection, update: Uint8Array): void {
    const change = this.presence.apply(connection, decodeAwarenessUpdate(update));
    for (const rejected of change.rejected) {
      connection.log.info(
        { documentName: this.documentName, connectionId: connection.connectionId, clientId: rejected.clientId },
        `awareness entry ignored: ${rejected.reason}`,
      );
    }
    if (change.echoed.length > 0) {
      connection.send(encodeAwarenessMessage(change.echoed));
    }
    this.broadcastAwareness(change.relayed, connection);
  }

  private broadcastAwareness(entries: AwarenessEntry[], except?: CollabConnection): void {
    if (entries.length === 0) {
      return;
    }
    this.broadcast(encodeAwarenessMessage(entries), except);
  }
}
