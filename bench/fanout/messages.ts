/** Client library of a receiver worker, which also sets how it recognises a broadcast. */
export type ClientKind =
  /** `ws` sockets that authenticate with the Lastro sync protocol and count loan `changes` frames. */
  | 'lastro-sync'
  /** socket.io-client sockets (websocket transport only) that count `changes` events. */
  | 'socket.io'
  /** `ws` sockets that count every message. */
  | 'plain-ws';

export interface ReceiverWorkerData {
  kind: ClientKind;
  url: string;
  /** Session token for `lastro-sync`, shared by all the worker's sockets. */
  token: string | null;
  clients: number;
  /** Concurrent connection attempts while the worker connects its sockets. */
  connectConcurrency: number;
}

export type ReceiverToMain =
  | { type: 'connected'; clients: number; durationMs: number }
  /** Sent once every socket of the worker has received broadcast number `round` (1-based). */
  | { type: 'round'; round: number; firstReceivedAt: number; lastReceivedAt: number }
  /** The text of the first broadcast one socket received, so other servers can send the same bytes. */
  | { type: 'sample'; frame: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export type MainToReceiver = { type: 'close' };
