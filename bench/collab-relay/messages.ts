/**
 * Connection details of one server under test. A socket URL is `${baseUrl}/${room}`, with
 * `?ticket=...` added when `tickets` is set.
 */
export interface CollabEndpoint {
  /** WebSocket base URL, such as `ws://127.0.0.1:40123/collab`. */
  baseUrl: string;
  room: string;
  /**
   * How to get a single-use ticket per connection (`POST /api/v1/collab/tickets`), or null
   * when the server opens any connection without one.
   */
  tickets: { httpUrl: string; tokens: string[] } | null;
}

export interface SubscriberWorkerData {
  endpoint: CollabEndpoint;
  subscribers: number;
  /** Index of this worker's first subscriber, which picks the session token it uses. */
  firstIndex: number;
  /** Concurrent connection attempts while the worker connects its sockets. */
  connectConcurrency: number;
}

export type MainToSubscriber =
  /** Resets the counters for `round`, in which every socket must receive `updates` update messages. */
  | { type: 'prepare'; round: number; updates: number }
  | { type: 'close' };

export type SubscriberToMain =
  | { type: 'connected'; sockets: number }
  | { type: 'prepared'; round: number }
  /**
   * Sent once every socket of the worker has received all updates of `round`. `receivedAt`
   * contains `sockets × updates` timestamps: socket s received update u at `[s × updates + u]`.
   * `busyMs` is the worker's event-loop active time from `prepared` until then.
   */
  | { type: 'round-done'; round: number; sockets: number; receivedAt: Float64Array; busyMs: number }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export interface WriterWorkerData {
  endpoint: CollabEndpoint;
  /** Token index of the writer's ticket; the pacer uses the next one. */
  tokenIndex: number;
  /** Updates the writer may have sent that the pacer socket has not received yet. */
  window: number;
}

export type MainToWriter =
  /** Encodes the `updates` updates of `round` in the writer's document, before any timing. */
  | { type: 'prepare'; round: number; updates: number }
  /** Sends the prepared updates of `round`. */
  | { type: 'start'; round: number }
  | { type: 'close' };

export type WriterToMain =
  | { type: 'connected' }
  /** `messageBytes` are the sizes of the smallest and largest encoded update message of the round. */
  | { type: 'prepared'; round: number; messageBytes: [number, number] }
  /**
   * Sent once the pacer socket has received every update of `round`. `sentAt[u]` is when update
   * u was handed to the socket. `textMatches` is true when the pacer's copy of the notes text,
   * built only from what the server relayed, equals the writer's.
   */
  | { type: 'round-sent'; round: number; sentAt: Float64Array; textMatches: boolean }
  | { type: 'failed'; message: string }
  | { type: 'closed' };
