import type { RxStorage } from 'rxdb';
import type {
  ChatMessageDoc,
  NotificationDoc,
  CollectionName,
  CommandDoc,
  DepositResponse,
  Device,
  LedgerEntryDoc,
  LoanDoc,
  PositionDoc,
  PreferencesDoc,
  UserSummary,
  WalletDoc,
} from '@lastro/protocol';
import type { OverruledChange } from './conflicts.js';
import type { EngineLogger } from './logger.js';
import type { Balances, PendingOperation } from './operation-stores.js';
import type { PixOutRequest, PreferencesPatch } from './outbox.js';
import type { ChatMessageRequest } from './chat.js';
import type { NotificationTrackingUpdate } from './notifications.js';
import type { SessionsApi } from './sessions-api.js';
import type { SupportApi } from './support-api.js';

/**
 * The subset of the WHATWG `WebSocket` the engine uses. The browser's `WebSocket` and the
 * `ws` package's class both match it.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** A `WebSocket` class: `globalThis.WebSocket` in browsers, `WebSocket` from `ws` in Node. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Options of {@link createLastroClient}. */
export interface LastroClientOptions {
  /** Base URL of the server, such as "http://127.0.0.1:8787"; the socket URL is derived as ws(s)://HOST/sync. */
  serverUrl: string;
  /** RxDB storage: `getRxStorageDexie()` in the renderer, `getRxStorageMemory()` in Node. */
  storage: RxStorage<any, any>;
  /** The device this client runs on, sent with the login. */
  device: Device;
  /** WebSocket class; defaults to `globalThis.WebSocket` (Node 20 has none, so pass `ws`). */
  webSocket?: WebSocketConstructor;
  /** HTTP client; defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Enables RxDB dev-mode and ajv schema validation. For tests only: dev-mode must stay out of production. */
  devMode?: boolean;
  /** Source of numbers in [0, 1) for the back-off jitter; defaults to `Math.random`. */
  random?: () => number;
  /** Receives the engine's diagnostics; defaults to a logger that writes warnings and errors to the console. */
  logger?: EngineLogger;
  /**
   * The device clock; defaults to `() => new Date()`. It sets `issuedAt` of commands, which is
   * shown to the user and never used for ordering.
   */
  now?: () => Date;
  /** Milliseconds offline after which a reconnect sets `sync.catchingUp`; default 5 minutes. */
  longOfflineMs?: number;
  /** Milliseconds a pull or push waits for its response before RxDB retries it; defaults to 15 000. */
  requestTimeoutMs?: number;
  /** Milliseconds to wait for `ready` after the socket opened before reconnecting; defaults to 15 000. */
  authTimeoutMs?: number;
}

/** A value that changes over time: read it now, or subscribe to every later value. */
export interface Store<T> {
  /** Returns the current value. */
  getState(): T;
  /** Calls `listener` with every new value until the returned function is called. */
  subscribe(listener: (value: T) => void): () => void;
}

/** State of the sync socket, as the UI shows it. */
export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting'; attempt: number }
  | { status: 'online'; since: string }
  | { status: 'reconnecting'; attempt: number; nextRetryAt: string; lastError: string }
  /** The host reports no network; the engine waits for it to come back before connecting. */
  | { status: 'offline' }
  /**
   * HTTP 401 or close code 4001/4003: the engine stops and the user must log in again.
   * `revoked` is true when the session was ended (close code 4003), for example from another
   * device, rather than rejected or expired.
   */
  | { status: 'unauthorized'; message: string; revoked?: boolean }
  /** Close code 4002: the server does not speak this protocol version, so the app must be updated. */
  | { status: 'incompatible'; message: string };

/** Replication progress of the logged-in user's local database. */
export interface SyncState {
  /** True once every collection has pulled everything the server had when the socket became ready. */
  initialSyncDone: boolean;
  /**
   * True after a reconnect that ended a long time offline (`longOfflineMs`), until every
   * collection has pulled what it missed; the UI shows progress meanwhile.
   */
  catchingUp: boolean;
  /** Highest server sequence received per collection; null before the first document. */
  collections: Record<CollectionName, { checkpointSeq: number | null }>;
}

/** A logged-in session: the bearer token and the user it belongs to. */
export interface Session {
  token: string;
  /** The session's id on the server; absent in sessions stored before the server reported it. */
  sessionId?: string;
  user: UserSummary;
}

/** The local-first client: one user's session, local database, and sync socket. */
export interface LastroClient {
  /** Logs in over HTTP, then opens the user's local database and the sync socket. */
  login(email: string, password: string): Promise<UserSummary>;
  /** Reuses a stored token without a new login; a rejected token turns the connection `unauthorized`. */
  resume(session: Session): Promise<void>;
  /** The current session, or null when logged out. */
  readonly session: Session | null;
  /** Revokes the session on the server (`POST /auth/logout`), then closes the socket and the database. */
  logout(): Promise<void>;
  /** Closes the socket and the database but keeps the session, so `resume` can reopen them. */
  close(): Promise<void>;
  /** Creates a PIX charge (`POST /api/v1/deposits`); without an amount the payer chooses it. */
  createDeposit(amountCentavos?: number): Promise<DepositResponse>;
  /** The ids of the loans the user requested as a borrower (`GET /api/v1/me/loans`); empty for other roles. */
  listOwnLoanIds(): Promise<string[]>;
  /** Sync socket state. */
  readonly connection: Store<ConnectionState>;
  /** The user's wallet from the local database, or null before it first arrives. */
  readonly wallet: Store<WalletDoc | null>;
  /** The user's statement, newest first. */
  readonly ledgerEntries: Store<LedgerEntryDoc[]>;
  /** The loan book, newest first by `createdAt`. */
  readonly loans: Store<LoanDoc[]>;
  /** Replication progress. */
  readonly sync: Store<SyncState>;
  /** Resolves once the initial sync is done; rejects when the session ends or is rejected first. */
  waitForInitialSync(): Promise<void>;
  /**
   * Queues an investment of `amountCentavos` in `loanId` and resolves with the command id, a
   * UUIDv7. The command is written to the local outbox at once, online or offline. The server
   * executes it at most once when it arrives, and its result replaces the pending command.
   *
   * @throws LastroError `invalid_request` for an invalid loan id or amount (nothing is queued),
   *   `unauthorized` without an open session.
   */
  invest(loanId: string, amountCentavos: number): Promise<string>;
  /**
   * Queues a PIX transfer to one of the investor's own keys and resolves with the command id,
   * like {@link LastroClient.invest}.
   *
   * @throws LastroError `invalid_request` for an invalid key, key type or amount (nothing is
   *   queued), `unauthorized` without an open session.
   */
  pixOut(request: PixOutRequest): Promise<string>;
  /** Every command of the user, newest first by server sequence; commands not yet stored by the server come first. */
  readonly commands: Store<CommandDoc[]>;
  /** Commands waiting for the server, and those it decided in the last minute. */
  readonly pendingOperations: Store<PendingOperation[]>;
  /** The wallet's balances with the effect of pending commands, or null before the wallet arrives. */
  readonly balances: Store<Balances | null>;
  /** The user's investment per loan, newest change first. */
  readonly positions: Store<PositionDoc[]>;
  /** The user's preferences, or null before they first arrive or are set. */
  readonly preferences: Store<PreferencesDoc | null>;
  /**
   * Changes the user's preferences locally and syncs them. When another device changed them
   * first, the server's version wins and the change is listed in {@link LastroClient.overruled}.
   *
   * @throws LastroError `invalid_request` for an unknown field or invalid value.
   */
  updatePreferences(patch: PreferencesPatch): Promise<void>;
  /** Local changes the server replaced with its own version, newest first; kept in memory only. */
  readonly overruled: Store<OverruledChange[]>;
  /** Removes one entry of {@link LastroClient.overruled} by its key, or every entry without a key. */
  dismissOverruled(key?: string): void;
  /**
   * Chat messages the user can see, oldest first by server time (unsent ones last): the
   * accepted messages of the user's rooms and the user's own attempts with their decision
   * (`pending` until the server decides). Support users also receive held messages and the
   * messages they reviewed.
   */
  readonly chatMessages: Store<ChatMessageDoc[]>;
  /**
   * Queues a chat message in the local outbox, online or offline, and returns its id. The
   * server decides it and the decision arrives on the same document in `chatMessages`.
   *
   * @throws LastroError `invalid_request` for an invalid loan or investor id, or text that is
   *   empty or longer than 2,000 characters (nothing is queued).
   */
  sendChatMessage(request: ChatMessageRequest): Promise<string>;
  /** The user's notifications, newest first, synced across the user's devices. */
  readonly notifications: Store<NotificationDoc[]>;
  /**
   * Records that notifications were delivered, shown (and where), opened or read on this
   * device. The server keeps the first time of each, by its own clock, and syncs it to the
   * user's other devices. Ids this device does not have yet are ignored.
   *
   * @throws LastroError `invalid_request` for an invalid update.
   */
  trackNotifications(ids: readonly string[], update: NotificationTrackingUpdate): Promise<void>;
  /** The support API, for users with the role `support`; other roles get `forbidden` errors. */
  /** The user's login sessions: list them and end any of them. */
  readonly sessions: SessionsApi;
  readonly support: SupportApi;
}

export type { UserSummary };
