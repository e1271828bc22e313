import {
  PROTOCOL_VERSION,
  parseServerFrame,
  parseWireDocuments,
  type ChangesFrame,
  type ClientFrame,
  type CollectionName,
  type ReadyFrame,
  type ServerFrame,
  type WireDoc,
} from '@lastro/protocol';
import {
  INITIAL_MACHINE_STATE,
  transition,
  type ConnectionCommand,
  type ConnectionEvent,
  type MachineState,
} from './connection-machine.js';
import { LastroError } from './errors.js';
import type { EngineLogger } from './logger.js';
import { isHostOffline, onHostNetworkChange } from './network-events.js';
import { RequestTracker } from './request-tracker.js';
import { StreamIndexTracker } from './stream-index.js';
import { createStore, type WritableStore } from './store.js';
import type { ConnectionState, WebSocketConstructor, WebSocketLike } from './types.js';

/** Time between opening the socket and the `ready` frame after which the attempt counts as failed. */
export const AUTH_TIMEOUT_MS = 15_000;

/** Close code the client uses when it abandons a socket itself (4000–4999 is for applications). */
const CLIENT_ABANDONED_CLOSE_CODE = 4000;

/** A validated `changes` frame with documents checked against their collection's schema. */
export interface ValidatedChanges<C extends CollectionName = CollectionName> {
  collection: C;
  documents: WireDoc<C>[];
  checkpoint: ChangesFrame['checkpoint'];
}

/** A request frame before the connection assigns its `requestId`. */
export type OutgoingRequest = Exclude<ClientFrame, { type: 'auth' }> extends infer F
  ? F extends { requestId: string }
    ? Omit<F, 'requestId'>
    : never
  : never;

export interface SyncConnectionOptions {
  socketUrl: string;
  webSocket: WebSocketConstructor;
  random: () => number;
  logger: EngineLogger;
  /** Epoch milliseconds; injectable for tests with fake timers. */
  now?: () => number;
  requestTimeoutMs?: number;
  authTimeoutMs?: number;
}

/**
 * The one socket of a session. Runs the connection state machine, authenticates with the
 * first frame, validates every incoming frame, correlates responses to requests, and
 * reconnects with back-off. Listeners are registered once and survive reconnects.
 */
export class SyncConnection {
  private readonly store: WritableStore<ConnectionState>;
  private machine: MachineState = INITIAL_MACHINE_STATE;
  private socket: WebSocketLike | null = null;
  private token: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private authTimer: ReturnType<typeof setTimeout> | null = null;
  /** Last transport error or connection-level error frame, used when a close carries no reason. */
  private lastSocketError = '';
  /** Message of an `unauthorized` or `protocol_version_unsupported` error frame, which explains the close that follows. */
  private rejectionMessage = '';
  private readonly tracker: RequestTracker;
  private readonly readyListeners = new Set<(frame: ReadyFrame) => void>();
  private readonly changesListeners = new Set<(changes: ValidatedChanges) => void>();
  private readonly resyncListeners = new Set<(reason: string) => void>();
  private readonly streamIndexes = new StreamIndexTracker();
  private readonly now: () => number;
  private readonly removeNetworkListeners: () => void;

  constructor(private readonly options: SyncConnectionOptions) {
    this.store = createStore<ConnectionState>(INITIAL_MACHINE_STATE.connection);
    this.tracker = new RequestTracker(options.requestTimeoutMs);
    this.now = options.now ?? Date.now;
    this.removeNetworkListeners = onHostNetworkChange((online) => this.setNetworkAvailable(online));
  }

  /** Connection state for the UI. */
  get connection(): WritableStore<ConnectionState> {
    return this.store;
  }

  /** Connects with `token` and keeps reconnecting until {@link stop} or a terminal close code. */
  start(token: string): void {
    this.token = token;
    this.dispatch({ type: 'start', now: this.now() });
    if (isHostOffline()) {
      this.dispatch({ type: 'networkOffline', now: this.now() });
    }
  }

  /** Closes the socket, stops reconnecting and fails every pending request. */
  stop(): void {
    this.dispatch({ type: 'stop', now: this.now() });
    this.token = null;
  }

  /** Stops for good and removes the network listeners. */
  dispose(): void {
    this.stop();
    this.removeNetworkListeners();
    this.readyListeners.clear();
    this.changesListeners.clear();
    this.resyncListeners.clear();
  }

  /** Reports whether the host has a network, like the browser's `online` and `offline` events. */
  setNetworkAvailable(online: boolean): void {
    this.dispatch({ type: online ? 'networkOnline' : 'networkOffline', now: this.now() });
  }

  /** Stops reconnecting because the server rejected the token outside the socket, such as an HTTP 401. */
  rejectCredentials(message: string): void {
    this.dispatch({ type: 'credentialsRejected', now: this.now(), message });
  }

  /** Registers a listener for every `ready` frame, that is after every (re)connect. */
  onReady(listener: (frame: ReadyFrame) => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  /** Registers a listener for validated `changes` frames. */
  onChanges(listener: (changes: ValidatedChanges) => void): () => void {
    this.changesListeners.add(listener);
    return () => this.changesListeners.delete(listener);
  }

  /**
   * Registers a listener for `changes` frames that were not applied because their stream index
   * was not the previous one plus one. The listener must pull every collection again.
   */
  onResyncNeeded(listener: (reason: string) => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /**
   * Sends a request and resolves with its response frame. Fails at once when the socket is
   * not online, and fails when the socket closes or no response arrives in time.
   */
  request<R extends ServerFrame>(frame: OutgoingRequest): Promise<R> {
    const socket = this.socket;
    if (socket === null || this.machine.connection.status !== 'online') {
      return Promise.reject(
        new LastroError('network', `cannot send ${frame.type}: the sync connection is ${this.machine.connection.status}`),
      );
    }
    const requestId = this.tracker.nextId();
    const response = this.tracker.track<R>(requestId, `${frame.type} of ${frame.collection}`);
    socket.send(JSON.stringify({ ...frame, requestId }));
    return response;
  }

  /**
   * Resolves when the connection is online and rejects when it is stopped first. While the
   * session is rejected (`unauthorized`, `incompatible`) it keeps waiting, because a later
   * `start` with a new token continues from there.
   */
  whenOnline(): Promise<void> {
    const status = this.store.getState().status;
    if (status === 'online') return Promise.resolve();
    if (status === 'idle') return Promise.reject(new LastroError('network', 'the sync connection is closed'));
    return new Promise<void>((resolve, reject) => {
      const unsubscribe = this.store.subscribe((state) => {
        if (state.status === 'online') {
          unsubscribe();
          resolve();
        } else if (state.status === 'idle') {
          unsubscribe();
          reject(new LastroError('network', 'the sync connection is closed'));
        }
      });
    });
  }

  private dispatch(event: ConnectionEvent): void {
    const { state, commands } = transition(this.machine, event, this.options.random);
    this.machine = state;
    for (const command of commands) {
      this.run(command);
    }
    if (state.connection !== this.store.getState()) {
      this.options.logger.debug('connection state changed', { state: state.connection });
    }
    this.store.setState(state.connection);
  }

  private run(command: ConnectionCommand): void {
    switch (command.type) {
      case 'openSocket':
        this.openSocket();
        return;
      case 'closeSocket':
        this.abandonSocket(1000, command.reason);
        return;
      case 'scheduleRetry':
        this.clearRetryTimer();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.dispatch({ type: 'retryDue', now: this.now() });
        }, command.delayMs);
        return;
      case 'cancelRetry':
        this.clearRetryTimer();
        return;
    }
  }

  private openSocket(): void {
    const token = this.token;
    if (token === null) {
      this.options.logger.error('cannot open the sync socket without a session token');
      return;
    }
    this.lastSocketError = '';
    this.rejectionMessage = '';
    let socket: WebSocketLike;
    try {
      socket = new this.options.webSocket(this.options.socketUrl);
    } catch (error) {
      const reason = `cannot open ${this.options.socketUrl}: ${error instanceof Error ? error.message : String(error)}`;
      this.options.logger.error('sync socket failed to open', { url: this.options.socketUrl, error: reason });
      // Defer so the state written by the current transition is published before this one.
      queueMicrotask(() => this.dispatch({ type: 'closed', now: this.now(), code: 1006, reason }));
      return;
    }
    this.socket = socket;

    socket.onopen = () => {
      if (this.socket !== socket) return;
      socket.send(JSON.stringify({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token }));
      this.authTimer = setTimeout(() => {
        this.authTimer = null;
        if (this.socket !== socket) return;
        this.options.logger.warn('no ready frame in time; dropping the socket', { timeoutMs: this.authTimeoutMs });
        this.abandonSocket(CLIENT_ABANDONED_CLOSE_CODE, 'authentication timed out');
        this.dispatch({ type: 'closed', now: this.now(), code: 1006, reason: 'authentication timed out' });
      }, this.authTimeoutMs);
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.handleMessage(event.data);
    };
    socket.onerror = (event) => {
      if (this.socket !== socket) return;
      const message = (event as { message?: unknown }).message;
      this.lastSocketError = typeof message === 'string' && message ? message : `cannot reach ${this.options.socketUrl}`;
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.detachSocket();
      const reason = this.rejectionMessage || event.reason || this.lastSocketError;
      this.tracker.rejectAll(`connection closed (code ${event.code})`);
      this.options.logger.info('sync socket closed', { code: event.code, reason });
      this.dispatch({ type: 'closed', now: this.now(), code: event.code, reason });
    };
  }

  private get authTimeoutMs(): number {
    return this.options.authTimeoutMs ?? AUTH_TIMEOUT_MS;
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string') {
      this.options.logger.warn('dropped a binary frame; the sync protocol uses text frames only');
      return;
    }
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.options.logger.warn('dropped an invalid server frame', { field: parsed.field, error: parsed.message });
      return;
    }
    const frame = parsed.value;
    switch (frame.type) {
      case 'ready':
        this.handleReady(frame);
        return;
      case 'pullResult':
      case 'pushResult':
        if (!this.tracker.resolve(frame.requestId, frame)) {
          this.options.logger.warn('dropped a response to an unknown or expired request', { requestId: frame.requestId });
        }
        return;
      case 'error':
        this.handleErrorFrame(frame);
        return;
      case 'changes':
        this.handleChanges(frame);
        return;
    }
  }

  private handleReady(frame: ReadyFrame): void {
    if (this.machine.connection.status !== 'connecting') {
      this.options.logger.warn('dropped an unexpected ready frame', { status: this.machine.connection.status });
      return;
    }
    this.clearAuthTimer();
    this.streamIndexes.reset(frame.streams);
    this.options.logger.info('sync socket ready', { sessionId: frame.sessionId, userId: frame.user.id });
    this.dispatch({ type: 'ready', now: this.now() });
    for (const listener of [...this.readyListeners]) {
      listener(frame);
    }
  }

  private handleErrorFrame(frame: Extract<ServerFrame, { type: 'error' }>): void {
    const error = new LastroError(frame.kind, frame.message, { retryAfterMs: frame.retryAfterMs });
    if (frame.requestId !== undefined) {
      if (!this.tracker.reject(frame.requestId, error)) {
        this.options.logger.warn('dropped an error for an unknown or expired request', { requestId: frame.requestId });
      }
      return;
    }
    // A connection-level error precedes a close; keep its message as the close reason.
    this.lastSocketError = frame.message;
    if (frame.kind === 'unauthorized' || frame.kind === 'session_revoked' || frame.kind === 'protocol_version_unsupported') {
      this.rejectionMessage = frame.message;
    }
    this.options.logger.warn('server reported a connection error', { kind: frame.kind, message: frame.message });
  }

  private handleChanges(frame: ChangesFrame): void {
    if (this.machine.connection.status !== 'online') {
      this.options.logger.warn('dropped a changes frame received before ready', { collection: frame.collection });
      return;
    }
    if (this.streamIndexes.accept(frame.stream, frame.index) === 'resync') {
      this.requestResync(`changes frame ${frame.index} of stream ${frame.stream} is out of order`);
      return;
    }
    const documents = parseWireDocuments(frame.collection, frame.documents);
    if (!documents.ok) {
      this.options.logger.warn('dropped a changes frame with an invalid document', {
        collection: frame.collection,
        field: documents.field,
        error: documents.message,
      });
      this.requestResync('a changes frame had an invalid document');
      return;
    }
    const changes: ValidatedChanges = { collection: frame.collection, documents: documents.value, checkpoint: frame.checkpoint };
    for (const listener of [...this.changesListeners]) {
      listener(changes);
    }
  }

  private requestResync(reason: string): void {
    this.options.logger.info('pulling every collection again', { reason });
    for (const listener of [...this.resyncListeners]) {
      listener(reason);
    }
  }

  /** Closes the current socket on purpose: its later events are ignored. */
  private abandonSocket(code: number, reason: string): void {
    const socket = this.socket;
    if (socket === null) return;
    this.detachSocket();
    this.tracker.rejectAll(reason);
    try {
      socket.close(code, reason);
    } catch (error) {
      this.options.logger.warn('closing the sync socket failed', { error: String(error) });
    }
  }

  private detachSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.streamIndexes.clear();
    this.clearAuthTimer();
    if (socket !== null) {
      socket.onopen = null;
      socket.onmessage = null;
      // No-op handlers instead of null: the `ws` package throws an 'error' event that has no
      // listener, which happens when a socket that is still connecting gets closed.
      socket.onerror = () => {};
      socket.onclose = () => {};
    }
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private clearAuthTimer(): void {
    if (this.authTimer !== null) {
      clearTimeout(this.authTimer);
      this.authTimer = null;
    }
  }
}
