import type { Logger } from 'pino';
import type { TemplatedApp } from 'uWebSockets.js';
import * as Y from 'yjs';
import type { Store } from '../db/store.js';
import { COLLAB_CLOSE_CODES, type CollabOptions } from './options.js';
import { compactDocument, loadNotesDocument } from './persistence.js';
import { CollabRoom, type CollabConnection, type DocumentStorageError } from './relay.js';
import type { RoomGrant } from './rooms.js';
import { TicketStore } from './tickets.js';

/** Milliseconds between sweeps of awareness states that were not renewed. */
const PRESENCE_SWEEP_INTERVAL_MS = 3_000;

/**
 * Rooms loaded in memory, the tickets that open them, and the background work on them:
 * compaction, unloading idle rooms and dropping outdated awareness states.
 */
export class CollabHub {
  readonly tickets: TicketStore;
  private readonly rooms = new Map<string, CollabRoom>();
  private readonly connections = new Set<CollabConnection>();
  private readonly compactionTimer: NodeJS.Timeout;
  private readonly presenceTimer: NodeJS.Timeout;
  private readonly compactionsDue = new Set<CollabRoom>();
  private stopped = false;
  private app: TemplatedApp | undefined;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    readonly options: CollabOptions,
  ) {
    this.tickets = new TicketStore(options.ticketTtlMs);
    this.compactionTimer = setInterval(() => this.compactAll(), options.compactionIntervalMs);
    this.presenceTimer = setInterval(() => {
      for (const room of this.rooms.values()) {
        room.removeOutdatedPresence();
      }
    }, PRESENCE_SWEEP_INTERVAL_MS);
  }

  /** Gives the hub the app whose topics carry the rooms' broadcasts. Call before the first connection. */
  attach(app: TemplatedApp): void {
    this.app = app;
  }

  /** Number of open connections. */
  get openCount(): number {
    return this.connections.size;
  }

  /**
   * Adds a connection to the room of `grant`, loading the room first when needed. Raises
   * `DocumentLoadError` when the stored document cannot be loaded; the connection is then not added.
   */
  join(grant: RoomGrant, connection: CollabConnection): CollabRoom {
    const room = this.rooms.get(grant.documentName) ?? this.load(grant);
    this.connections.add(connection);
    room.join(connection);
    return room;
  }

  /** Removes a connection; a room without connections is unloaded after `unloadDelayMs`. */
  leave(room: CollabRoom, connection: CollabConnection): void {
    this.connections.delete(connection);
    room.leave(connection);
    if (room.connections.size === 0 && this.rooms.get(room.documentName) === room && !this.stopped) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = setTimeout(() => this.unload(room), this.options.unloadDelayMs);
    }
  }

  /** Compacts a room soon when it has passed `compactAfterUpdates` stored updates. */
  updateApplied(room: CollabRoom): void {
    if (room.storedUpdates < this.options.compactAfterUpdates || this.compactionsDue.has(room)) {
      return;
    }
    this.compactionsDue.add(room);
    setImmediate(() => {
      this.compactionsDue.delete(room);
      if (this.rooms.get(room.documentName) === room) {
        this.compact(room);
      }
    });
  }

  /**
   * Drops a room whose update could not be stored: its connections are closed with 4500 and the
   * next connection reloads it from storage. Clients keep their changes and send them again
   * when they reconnect.
   */
  resetRoom(room: CollabRoom, error: DocumentStorageError): void {
    this.logger.error({ err: error, documentName: room.documentName, connections: room.connections.size }, 'collab document reset after a storage failure');
    this.rooms.delete(room.documentName);
    for (const connection of [...room.connections]) {
      connection.end(COLLAB_CLOSE_CODES.documentUnavailable, 'document could not be stored; reconnect later');
    }
    room.destroy();
  }

  /** Closes every connection of a session, for logout and session revocation. Returns how many were closed. */
  closeSession(sessionId: string, code: number, reason: string): number {
    let closed = 0;
    for (const connection of [...this.connections]) {
      if (connection.sessionId === sessionId) {
        connection.end(code, reason);
        closed += 1;
      }
    }
    return closed;
  }

  /** Closes every connection, for server shutdown. */
  closeAll(code: number, reason: string): void {
    const count = this.connections.size;
    for (const connection of [...this.connections]) {
      connection.end(code, reason);
    }
    if (count > 0) {
      this.logger.info({ connections: count, code }, 'closed collab connections');
    }
  }

  /** Stops the timers, compacts every loaded document and frees the rooms. Call after {@link closeAll}. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.compactionTimer);
    clearInterval(this.presenceTimer);
    for (const room of [...this.rooms.values()]) {
      this.unload(room);
    }
  }

  private readonly publishToAll = (topic: string, message: Uint8Array): void => {
    this.app?.publish(topic, message, true);
  };

  private load(grant: RoomGrant): CollabRoom {
    if (grant.kind === 'presence') {
      const room = new CollabRoom(grant.documentName, new Y.Doc(), undefined, { lastSeq: 0, storedUpdates: 0 }, this.publishToAll);
      this.rooms.set(grant.documentName, room);
      return room;
    }
    const loaded = loadNotesDocument(this.store, grant.documentName, new Date());
    const room = new CollabRoom(grant.documentName, loaded.doc, this.store, loaded, this.publishToAll);
    this.rooms.set(grant.documentName, room);
    this.logger.info(
      { documentName: grant.documentName, created: loaded.created, lastSeq: loaded.lastSeq, storedUpdates: loaded.storedUpdates },
      'collab document loaded',
    );
    this.updateApplied(room);
    return room;
  }

  private unload(room: CollabRoom): void {
    if (room.connections.size > 0 || this.rooms.get(room.documentName) !== room) {
      return;
    }
    this.compact(room);
    this.rooms.delete(room.documentName);
    room.destroy();
    this.logger.debug({ documentName: room.documentName }, 'collab document unloaded');
  }

  private compactAll(): void {
    for (const room of this.rooms.values()) {
      if (room.storedUpdates > 0) {
        this.compact(room);
      }
    }
  }

  private compact(room: CollabRoom): void {
    if (room.storedUpdates === 0) {
      return;
    }
    try {
      const merged = compactDocument(this.store, room.documentName, new Date());
      room.storedUpdates = 0;
      this.logger.debug({ documentName: room.documentName, merged }, 'collab document compacted');
    } catch (error) {
      // The updates stay stored, so nothing is lost; the next compaction tries again.
      this.logger.error({ err: error, documentName: room.documentName }, 'collab document compaction failed');
    }
  }
}
