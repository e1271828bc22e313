export interface OutboxClientData {
  serverUrl: string;
  email: string;
  password: string;
  /** Invest commands to queue while offline. */
  commands: number;
  /** Centavos of each invest command. */
  amountCentavos: number;
  /** Available centavos the wallet must show before the client goes offline. */
  requiredAvailable: number;
  timeoutMs: number;
}

export interface FlushResult {
  /** Time from going back online until the sync socket was online again. */
  onlineMs: number;
  /** Time from going back online until every command had its result in the local commands store. */
  allResultsMs: number;
  /** Time from going back online until the local wallet showed the accepted commands' debit. */
  walletSettledMs: number;
  accepted: number;
  rejected: number;
  /** Rejections by reason code. */
  reasons: Record<string, number>;
  availableBefore: number;
  availableAfter: number;
}

export type OutboxToMain =
  /** The client is offline with every command queued locally. */
  | { type: 'queued'; queueMs: number; loans: number; availableBefore: number }
  | { type: 'flushed'; result: FlushResult }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export type MainToOutbox = { type: 'flush' } | { type: 'close' };
