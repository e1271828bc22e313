export { createLastroClient, setNetworkAvailable } from './client.js';
export { LastroError, describeNetworkFailure, type LastroErrorKind } from './errors.js';
export { createConsoleLogger, createSilentLogger, type EngineLogger } from './logger.js';
export { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff.js';
export { databaseNameFor } from './database.js';
export type {
  ConnectionState,
  LastroClient,
  LastroClientOptions,
  Session,
  Store,
  SyncState,
  UserSummary,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';
export type { Device, DepositResponse, LedgerEntryDoc, LoanDoc, WalletDoc, CollectionName } from '@lastro/protocol';
