import { COLLECTION_NAMES, type CollectionName, type DepositResponse, type UserSummary } from '@lastro/protocol';
import {
  overruledCommand,
  overruledPreferences,
  serverWinsConflictHandler,
  type OverruledChange,
} from './conflicts.js';
import { openUserDatabase, type LastroDatabase } from './database.js';
import { LastroError } from './errors.js';
import { HttpApi } from './http-api.js';
import { bindLiveStores } from './live-stores.js';
import { createConsoleLogger, type EngineLogger } from './logger.js';
import { bindOperationStores, type Balances, type PendingOperation } from './operation-stores.js';
import { buildInvestCommand, buildPixOutCommand, savePreferences, type PixOutRequest, type PreferencesPatch } from './outbox.js';
import { startReplications, type Replications } from './replication.js';
import { createStore, type WritableStore } from './store.js';
import { DEFAULT_LONG_OFFLINE_MS, trackCatchUp } from './catch-up.js';
import { SyncConnection } from './sync-connection.js';
import { requireString, socketUrlFor } from './session-input.js';
import { buildChatMessage, type ChatMessageRequest } from './chat.js';
import { trackNotifications, type NotificationTrackingUpdate } from './notifications.js';
import { createSessionsApi, type SessionsApi } from './sessions-api.js';
import { createSupportApi, type SupportApi } from './support-api.js';
import type { ConnectionState, LastroClient, LastroClientOptions, Session, Store, SyncState, WebSocketConstructor } from './types.js';
import type { ChatMessageDoc, NotificationDoc, CommandDoc, LedgerEntryDoc, LoanDoc, PositionDoc, PreferencesDoc, WalletDoc } from '@lastro/protocol';

/** Resources of an active session: the user's database and its replications. */
interface OpenSession {
  userId: string;
  database: LastroDatabase;
  replications: Replications;
  unbindStores: () => void;
  stopCatchUp: () => void;
  /** Settles when the first pull of every collection is done, or rejects if the session closes first. */
  initialSync: Promise<void>;
  /** Rejects `initialSync` waiters when the session closes. */
  abort(reason: LastroError): void;
}

const connections = new WeakMap<LastroClient, SyncConnection>();

function initialSyncState(): SyncState {
  const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, { checkpointSeq: null }])) as SyncState['collections'];
  return { initialSyncDone: false, catchingUp: false, collections };
}

class Client implements LastroClient {
  readonly connection: Store<ConnectionState>;
  readonly wallet: WritableStore<WalletDoc | null>;
  readonly ledgerEntries: WritableStore<LedgerEntryDoc[]>;
  readonly loans: WritableStore<LoanDoc[]>;
  readonly sync: WritableStore<SyncState>;
  readonly commands: WritableStore<CommandDoc[]>;
  readonly positions: WritableStore<PositionDoc[]>;
  readonly preferences: WritableStore<PreferencesDoc | null>;
  readonly pendingOperations: WritableStore<PendingOperation[]>;
  readonly balances: WritableStore<Balances | null>;
  readonly overruled: WritableStore<OverruledChange[]>;
  readonly chatMessages: WritableStore<ChatMessageDoc[]>;
  readonly notifications: WritableStore<NotificationDoc[]>;
  readonly support: SupportApi;
  readonly sessions: SessionsApi;

  private overruledCount = 0;
  private currentSession: Session | null = null;
  private open: OpenSession | null = null;
  /** Serialises login, resume, close and logout so a database is never opened twice. */
  private lifecycle: Promise<unknown> = Promise.resolve();
  private readonly api: HttpApi;
  private readonly socket: SyncConnection;
  private readonly logger: EngineLogger;

  constructor(private readonly options: LastroClientOptions, webSocket: WebSocketConstructor, fetchImpl: typeof fetch) {
    this.logger = options.logger ?? createConsoleLogger();
    const onListenerError = (error: unknown): void => this.logger.error('a store listener threw', { error: String(error) });
    this.api = new HttpApi(options.serverUrl, fetchImpl);
    this.support = createSupportApi(this.api, (call) => this.withToken(call));
    this.sessions = createSessionsApi(this.api, (call) => this.withToken(call));
    this.socket = new SyncConnection({
      socketUrl: socketUrlFor(options.serverUrl),
      webSocket,
      random: options.random ?? Math.random,
      logger: this.logger,
      requestTimeoutMs: options.requestTimeoutMs,
      authTimeoutMs: options.authTimeoutMs,
    });
    this.connection = this.socket.connection;
    this.wallet = createStore<WalletDoc | null>(null, onListenerError);
    this.ledgerEntries = createStore<LedgerEntryDoc[]>([], onListenerError);
    this.loans = createStore<LoanDoc[]>([], onListenerError);
    this.sync = createStore<SyncState>(initialSyncState(), onListenerError);
    this.commands = createStore<CommandDoc[]>([], onListenerError);
    this.positions = createStore<PositionDoc[]>([], onListenerError);
    this.preferences = createStore<PreferencesDoc | null>(null, onListenerError);
    this.pendingOperations = createStore<PendingOperation[]>([], onListenerError);
    this.balances = createStore<Balances | null>(null, onListenerError);
    this.overruled = createStore<OverruledChange[]>([], onListenerError);
    this.chatMessages = createStore<ChatMessageDoc[]>([], onListenerError);
    this.notifications = createStore<NotificationDoc[]>([], onListenerError);
    bindOperationStores({
      commands: this.commands,
      wallet: this.wallet,
      connection: this.connection,
      pendingOperations: this.pendingOperations,
      balances: this.balances,
      nowMs: () => Date.now(),
    });
    connections.set(this, this.socket);
  }

  get session(): Session | null {
    return this.currentSession;
  }

  login(email: string, password: string): Promise<UserSummary> {
    return this.serialise(async () => {
      requireString(email, 'email');
      requireString(password, 'password');
      const response = await this.api.login(email, password, this.options.device);
      await this.openSession({ token: response.token, sessionId: response.sessionId, user: response.user });
      return response.user;
    });
  }

  resume(session: Session): Promise<void> {
    return this.serialise(async () => {
      requireString(session?.token, 'session.token');
      requireString(session?.user?.id, 'session.user.id');
      await this.openSession(session);
    });
  }

  logout(): Promise<void> {
    return this.serialise(async () => {
      const token = this.currentSession?.token;
      let failure: unknown;
      if (token !== undefined) {
        try {
          await this.api.logout(token);
        } catch (error) {
          // An already revoked token is logged out; anything else is reported after the local cleanup.
          if (!(error instanceof LastroError && error.kind === 'unauthorized')) failure = error;
        }
      }
      await this.closeSession();
      this.currentSession = null;
      if (failure !== undefined) throw failure;
    });
  }

  close(): Promise<void> {
    return this.serialise(() => this.closeSession());
  }

  createDeposit(amountCentavos?: number): Promise<DepositResponse> {
    return this.withToken((token) => this.api.createDeposit(token, amountCentavos));
  }

  async listOwnLoanIds(): Promise<string[]> {
    return (await this.withToken((token) => this.api.listOwnLoans(token))).loanIds;
  }

  /** Calls the HTTP API with the session token; a rejected token also stops the socket's retries. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const session = this.requireSession();
    try {
      return await call(session.token);
    } catch (error) {
      if (error instanceof LastroError && error.kind === 'unauthorized') {
        this.socket.rejectCredentials(error.message);
      }
      throw error;
    }
  }

  waitForInitialSync(): Promise<void> {
    const open = this.open;
    if (open === null) {
      return Promise.reject(new LastroError('unauthorized', 'no open session: call login or resume first'));
    }
    return new Promise<void>((resolve, reject) => {
      const check = (state: ConnectionState): void => {
        if (state.status === 'unauthorized') {
          unsubscribe();
          reject(new LastroError('unauthorized', state.message));
        } else if (state.status === 'incompatible') {
          unsubscribe();
          reject(new LastroError('protocol_version_unsupported', state.message));
        }
      };
      const unsubscribe = this.connection.subscribe(check);
      check(this.connection.getState());
      open.initialSync.then(
        () => {
          unsubscribe();
          resolve();
        },
        (error: unknown) => {
          unsubscribe();
          reject(error);
        },
      );
    });
  }

  async invest(loanId: string, amountCentavos: number): Promise<string> {
    const command = buildInvestCommand(loanId, amountCentavos, this.now());
    await this.requireDatabase().commands.insert(command);
    return command.id;
  }

  async pixOut(request: PixOutRequest): Promise<string> {
    const command = buildPixOutCommand(request, this.now());
    await this.requireDatabase().commands.insert(command);
    return command.id;
  }

  async sendChatMessage(request: ChatMessageRequest): Promise<string> {
    const database = this.requireDatabase();
    const message = buildChatMessage(request, this.requireSession().user, this.now());
    await database.chatMessages.insert(message);
    return message.id;
  }

  trackNotifications(ids: readonly string[], update: NotificationTrackingUpdate): Promise<void> {
    return trackNotifications(this.requireDatabase(), ids, update, this.now());
  }

  updatePreferences(patch: PreferencesPatch): Promise<void> {
    return savePreferences(this.requireDatabase(), this.requireSession().user.id, patch, this.now());
  }

  dismissOverruled(key?: string): void {
    const remaining = key === undefined ? [] : this.overruled.getState().filter((change) => change.key !== key);
    this.overruled.setState(remaining);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private recordOverruled(change: Omit<OverruledChange, 'key' | 'at'>): void {
    this.overruledCount += 1;
    const entry: OverruledChange = { ...change, key: `${change.collection}-${change.id}-${this.overruledCount}`, at: this.now().toISOString() };
    this.logger.info('the server overruled a local change', { collection: change.collection, id: change.id, reason: change.reason });
    this.overruled.setState([entry, ...this.overruled.getState()]);
  }

  private requireDatabase(): LastroDatabase {
    if (this.open === null) {
      throw new LastroError('unauthorized', 'no open session: call login or resume first');
    }
    return this.open.database;
  }

  private serialise<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.lifecycle.then(operation);
    this.lifecycle = result.catch(() => undefined);
    return result;
  }

  private requireSession(): Session {
    if (this.currentSession === null) {
      throw new LastroError('unauthorized', 'no session: call login or resume first');
    }
    return this.currentSession;
  }

  private async openSession(session: Session): Promise<void> {
    if (this.open !== null && this.open.userId !== session.user.id) {
      await this.closeSession();
    }
    this.currentSession = session;
    if (this.open === null) {
      this.open = await this.openDatabase(session.user.id);
    }
    // A new token replaces the old one, also after the server rejected the old one.
    this.socket.stop();
    this.socket.start(session.token);
  }

  private async openDatabase(userId: string): Promise<OpenSession> {
    const onOverruled = (change: Omit<OverruledChange, 'key' | 'at'>): void => this.recordOverruled(change);
    const database = await openUserDatabase(userId, this.options.storage, this.options.devMode ?? false, {
      commands: serverWinsConflictHandler(overruledCommand, onOverruled),
      preferences: serverWinsConflictHandler(overruledPreferences, onOverruled),
      // A chat message is only ever completed by the server's decision, never overruled.
      chatMessages: serverWinsConflictHandler(() => null, onOverruled),
      // The server keeps the first time of each tracking field, so its document is the truth.
      notifications: serverWinsConflictHandler(() => null, onOverruled),
    });
    const replications = startReplications({
      database,
      connection: this.socket,
      serverUrl: this.options.serverUrl,
      logger: this.logger,
      onCheckpoint: (collection, seq) => this.recordCheckpoint(collection, seq),
    });
    const unbindStores = bindLiveStores(
      database,
      {
        wallet: this.wallet,
        ledgerEntries: this.ledgerEntries,
        loans: this.loans,
        commands: this.commands,
        positions: this.positions,
        preferences: this.preferences,
        chatMessages: this.chatMessages,
        notifications: this.notifications,
      },
      (collection, error) => this.logger.error('a live query failed', { collection, error: String(error) }),
    );

    const stopCatchUp = trackCatchUp({
      connection: this.socket,
      replications,
      longOfflineMs: this.options.longOfflineMs ?? DEFAULT_LONG_OFFLINE_MS,
      now: () => this.now().getTime(),
      onChange: (catchingUp) => {
        if (this.open?.database === database) this.sync.setState({ ...this.sync.getState(), catchingUp });
      },
    });

    let abort: (reason: LastroError) => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      abort = reject;
    });
    aborted.catch(() => undefined);
    const initialSync = Promise.race([replications.awaitInitialSync(), aborted]);
    initialSync.then(
      () => {
        if (this.open?.database === database) this.sync.setState({ ...this.sync.getState(), initialSyncDone: true });
      },
      () => undefined,
    );
    return { userId, database, replications, unbindStores, stopCatchUp, initialSync, abort };
  }

  private recordCheckpoint(collection: CollectionName, seq: number): void {
    const state = this.sync.getState();
    const previous = state.collections[collection].checkpointSeq;
    if (previous !== null && previous >= seq) return;
    this.sync.setState({ ...state, collections: { ...state.collections, [collection]: { checkpointSeq: seq } } });
  }

  private async closeSession(): Promise<void> {
    this.socket.stop();
    const open = this.open;
    if (open === null) return;
    this.open = null;
    open.abort(new LastroError('network', 'the session was closed before the initial sync finished'));
    open.unbindStores();
    open.stopCatchUp();
    await open.replications.cancel();
    await open.database.close();
    this.wallet.setState(null);
    this.ledgerEntries.setState([]);
    this.loans.setState([]);
    this.commands.setState([]);
    this.positions.setState([]);
    this.preferences.setState(null);
    this.chatMessages.setState([]);
    this.notifications.setState([]);
    this.sync.setState(initialSyncState());
  }
}

/**
 * Creates a client for one server. Nothing connects until {@link LastroClient.login} or
 * {@link LastroClient.resume}.
 *
 * @throws LastroError `invalid_request` when `serverUrl` is not an http(s) URL or no WebSocket
 *   or fetch implementation is available.
 */
export function createLastroClient(options: LastroClientOptions): LastroClient {
  const webSocket = options.webSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (webSocket === undefined) {
    throw new LastroError(
      'invalid_request',
      'no WebSocket implementation: pass options.webSocket, such as WebSocket from the ws package on Node 20',
      { field: 'webSocket' },
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (fetchImpl === undefined) {
    throw new LastroError('invalid_request', 'no fetch implementation: pass options.fetch', { field: 'fetch' });
  }
  return new Client(options, webSocket, fetchImpl);
}

/**
 * Reports whether the host has a network, as the browser's `online` and `offline` events do.
 * Offline closes the socket and suspends reconnects until online again. Tests use it to drop a
 * connection realistically, and hosts without those events (Node, Electron main) can call it.
 */
export function setNetworkAvailable(client: LastroClient, online: boolean): void {
  const connection = connections.get(client);
  if (connection === undefined) {
    throw new LastroError('invalid_request', 'setNetworkAvailable needs a client made by createLastroClient');
  }
  connection.setNetworkAvailable(online);
}
