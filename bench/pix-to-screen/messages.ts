export interface WatchedClientData {
  serverUrl: string;
  email: string;
  password: string;
}

export type WatchedToMain =
  /** The client finished its initial sync; `available` is the wallet's balance in centavos. */
  | { type: 'ready'; available: number | null }
  /** The wallet store emitted a new value; `at` is taken first thing in the listener. */
  | { type: 'wallet'; at: number; available: number | null; seq: number | null }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export type MainToWatched = { type: 'close' };
