import { CLOSE_CODES, type ChangesFrame } from '@lastro/protocol';
import type { Logger } from 'pino';
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import type { ChangeSet } from '../changes.js';
import type { Metrics } from '../metrics.js';
import { framesForChanges, LOANS_TOPIC, streamOfTopic, userTopic } from './publish.js';
import type { SocketData } from './socket-data.js';

/**
 * Registry of open sync sockets and the fan-out of committed changes. Publishing uses
 * uWebSockets.js topics, so a frame is encoded once for all subscribers.
 */
export class SyncHub {
  private readonly sockets = new Set<WebSocket<SocketData>>();
  private readonly bySession = new Map<string, Set<WebSocket<SocketData>>>();
  /** Index of the last `changes` frame published on each topic since start; absent means 0. */
  private readonly topicIndexes = new Map<string, number>();
  private app: TemplatedApp | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Sockets open now, authenticated or not. */
  get openCount(): number {
    return this.sockets.size;
  }

  attach(app: TemplatedApp): void {
    this.app = app;
  }

  opened(ws: WebSocket<SocketData>): void {
    this.sockets.add(ws);
    this.metrics.socketsConnected.set(this.sockets.size);
  }

  authenticated(ws: WebSocket<SocketData>, sessionId: string): void {
    const sockets = this.bySession.get(sessionId) ?? new Set();
    sockets.add(ws);
    this.bySession.set(sessionId, sockets);
  }

  closed(ws: WebSocket<SocketData>): void {
    this.sockets.delete(ws);
    const sessionId = ws.getUserData().principal?.sessionId;
    if (sessionId !== undefined) {
      const sockets = this.bySession.get(sessionId);
      sockets?.delete(ws);
      if (sockets?.size === 0) {
        this.bySession.delete(sessionId);
      }
    }
    this.metrics.socketsConnected.set(this.sockets.size);
  }

  /** Publishes the `changes` frames of a committed transaction. Call right after the commit. */
  publish(changes: ChangeSet): void {
    if (this.app === undefined || changes.isEmpty) {
      return;
    }
    for (const { topic, collection, documents, checkpointSeq } of framesForChanges(changes)) {
      const index = (this.topicIndexes.get(topic) ?? 0) + 1;
      this.topicIndexes.set(topic, index);
      const frame: ChangesFrame = {
        type: 'changes',
        collection,
        documents,
        checkpoint: { seq: checkpointSeq },
        stream: streamOfTopic(topic),
        index,
      };
      this.app.publish(topic, JSON.stringify(frame), false);
    }
    // Published frames bypass sendFrame, so check every reader's buffer here.
    for (const ws of this.sockets) {
      const data = ws.getUserData();
      if (!data.closed && ws.getBufferedAmount() > data.maxBufferedBytes) {
        closeSlowConsumer(ws);
      }
    }
  }

  /**
   * Subscribes an authenticated socket to the loan book and the user's topic, and returns the
   * index of the last frame published on each. Both happen in one synchronous step, and
   * uWebSockets.js runs every handler on one thread, so no frame is published in between.
   */
  subscribe(ws: WebSocket<SocketData>, userId: string): { loans: number; user: number } {
    const topic = userTopic(userId);
    ws.subscribe(LOANS_TOPIC);
    ws.subscribe(topic);
    return { loans: this.topicIndexes.get(LOANS_TOPIC) ?? 0, user: this.topicIndexes.get(topic) ?? 0 };
  }

  /** Closes every socket of a session; returns how many were open. */
  closeSession(sessionId: string, code: number, reason: string): number {
    const sockets = [...(this.bySession.get(sessionId) ?? [])];
    for (const ws of sockets) {
      endSocket(ws, code, reason);
    }
    return sockets.length;
  }

  /** Closes every socket, for shutdown. */
  closeAll(code: number, reason: string): void {
    const count = this.sockets.size;
    for (const ws of [...this.sockets]) {
      endSocket(ws, code, reason);
    }
    if (count > 0) {
      this.logger.info({ sockets: count, code }, 'closed sync sockets');
    }
  }
}

/** Closes a socket whose reader fell behind; the client resumes from its checkpoint after reconnecting. */
export function closeSlowConsumer(ws: WebSocket<SocketData>): void {
  const data = ws.getUserData();
  if (data.closed) {
    return;
  }
  data.log.warn({ buffered: ws.getBufferedAmount() }, 'slow consumer; closing');
  endSocket(ws, CLOSE_CODES.slowConsumer, 'slow consumer: reconnect and resume from your checkpoint');
}

/** Starts a closing handshake unless the socket is already closing or closed. */
export function endSocket(ws: WebSocket<SocketData>, code: number, reason: string): void {
  const data = ws.getUserData();
  if (data.closed) {
    return;
  }
  data.closed = true;
  clearTimeout(data.authTimer);
  ws.end(code, reason);
}
