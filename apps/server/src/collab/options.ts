/** Settings of the `/collab` socket, its tickets and its document storage. */
export interface CollabOptions {
  /** Milliseconds a ticket from `POST /api/v1/collab/tickets` stays valid. */
  ticketTtlMs: number;
  /** Largest WebSocket message accepted, in bytes; uWebSockets.js drops the connection on a larger one. */
  maxPayloadLength: number;
  /** Bytes buffered for a slow reader before the connection is closed with 4509. */
  maxBackpressure: number;
  /** Sustained messages per second per connection. */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst. */
  messageBurst: number;
  /** Seconds without traffic before uWebSockets.js drops a connection; it pings before that. */
  idleTimeoutSeconds: number;
  /** Stored updates of one document after which it is compacted at once. */
  compactAfterUpdates: number;
  /** Milliseconds between background compactions of every loaded document with stored updates. */
  compactionIntervalMs: number;
  /** Milliseconds a document stays in memory after its last connection closed. */
  unloadDelayMs: number;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  ticketTtlMs: 60_000,
  maxPayloadLength: 512 * 1024,
  maxBackpressure: 4 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  idleTimeoutSeconds: 120,
  compactAfterUpdates: 200,
  compactionIntervalMs: 60_000,
  unloadDelayMs: 30_000,
};

/** Merges overrides into the defaults and fails on a value that is not a positive whole number. */
export function resolveCollabOptions(overrides: Partial<CollabOptions> = {}): CollabOptions {
  const options = { ...DEFAULT_COLLAB_OPTIONS, ...overrides };
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`invalid collab option ${name} ${String(value)}: use a whole number greater than 0`);
    }
  }
  return options;
}

/**
 * Close codes of the `/collab` socket. y-websocket 3.x's `WebsocketProvider` stops reconnecting
 * on 4400-4499 and emits `closed`, and retries every other code with back-off.
 */
export const COLLAB_CLOSE_CODES = {
  /** Server shutdown, or the document was unloaded; reconnect with a fresh ticket. */
  goingAway: 1001,
  /** A message was not a valid y-websocket message. */
  invalidMessage: 4400,
  /** The ticket is missing, unknown, expired or already used, or its session ended. */
  ticketRejected: 4401,
  /** The ticket was issued for another room. */
  forbidden: 4403,
  /** The document could not be loaded or stored; an operator must look at the server log. */
  documentUnavailable: 4500,
  /** The connection read too slowly and its send buffer overflowed. */
  slowConsumer: 4509,
  /** The connection sent more messages than its rate limit allows. */
  rateLimited: 4529,
} as const;
