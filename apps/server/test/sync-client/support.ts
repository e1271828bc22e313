import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomInt } from 'node:crypto';
import WebSocket from 'ws';
import { getRxStorageMemory } from '@lastro/engine/storage-memory';
import { getRxStorageDexie } from '@lastro/engine/storage-dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import {
  createLastroClient,
  createSilentLogger,
  type CommandDoc,
  type LastroClient,
  type LastroClientOptions,
  type LoanDoc,
  type PositionDoc,
  type PreferencesDoc,
  type WalletDoc,
  type Store,
  type WebSocketConstructor,
} from '@lastro/engine';
import { PROTOCOL_VERSION } from '@lastro/protocol';
import { startServer, type RunningServer } from '../../src/index.js';

export const DEMO_PASSWORD = 'lastro-demo';
export const DEMO_WEBHOOK_SECRET = 'lastro-demo-webhook-secret';

/** A demo server on a free port of 127.0.0.1 with a fresh data dir and its logs kept in memory. */
export interface DemoServer extends RunningServer {
  dataDir: string;
  /** Stops the server and removes its data dir. */
  stop(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-sync-client-'));
  const logDestination = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const server = await startServer({ port: 0, dataDir, demo: true, simulator: false, logLevel: 'warn', logDestination });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Storages the engine runs on: memory in Node hosts, Dexie (here on fake-indexeddb) in the renderer. */
export const STORAGES = {
  memory: () => getRxStorageMemory(),
  dexie: () => getRxStorageDexie({ indexedDB, IDBKeyRange }),
} as const;
export type StorageName = keyof typeof STORAGES;

/** Creates a client of the real engine with dev-mode on and the `ws` WebSocket, on memory storage by default. */
export function createTestClient(
  serverUrl: string,
  deviceName: string,
  storage: StorageName = 'memory',
  overrides: Partial<LastroClientOptions> = {},
): LastroClient {
  return createLastroClient({
    ...overrides,
    serverUrl,
    storage: STORAGES[storage](),
    device: { id: `test-${deviceName}`, name: deviceName, platform: 'cli' },
    webSocket: WebSocket as unknown as WebSocketConstructor,
    devMode: true,
    logger: createSilentLogger(),
  });
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Generates a random end-to-end id as the API Pix formats it: "E" and 31 letters or digits. */
export function randomEndToEndId(): string {
  let id = 'E';
  while (id.length < 32) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** Posts one API Pix callback for a payment of `valor` (such as "110.00") to the charge `txid`. */
export async function postPix(serverUrl: string, txid: string, valor: string, endToEndId = randomEndToEndId()): Promise<string> {
  const response = await fetch(`${serverUrl}/webhooks/pix`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_WEBHOOK_SECRET}` },
    body: JSON.stringify({ pix: [{ endToEndId, txid, valor, horario: new Date().toISOString() }] }),
  });
  const body = (await response.json()) as { credited?: number };
  if (response.status !== 200 || body.credited !== 1) {
    throw new Error(`webhook for ${txid} was not credited: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return endToEndId;
}

/**
 * Resolves with the first value of `store` that satisfies `predicate`, checking the current value
 * and then every update. Rejects after `timeoutMs`, showing the last value.
 */
export function waitForState<T>(store: Store<T>, predicate: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (predicate(store.getState())) {
      resolve(store.getState());
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`store did not reach the expected state in ${timeoutMs} ms; last value: ${JSON.stringify(store.getState()).slice(0, 500)}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

/** A raw protocol client that records every frame the server sends to one session. */
export interface FrameRecorder {
  frames: Record<string, unknown>[];
  /** Sends a frame on the recorder's socket. */
  send(frame: unknown): void;
  /** Resolves once a recorded frame satisfies `predicate`; rejects after `timeoutMs`. */
  waitForFrame(predicate: (frame: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function recordFrames(serverUrl: string, token: string): Promise<FrameRecorder> {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync`);
  const frames: Record<string, unknown>[] = [];
  const listeners = new Set<() => void>();
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      frames.push(frame);
      for (const listener of [...listeners]) listener();
      if (frame.type === 'ready') resolve();
    });
  });
  return {
    frames,
    send: (frame) => socket.send(JSON.stringify(frame)),
    waitForFrame: (predicate, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!frames.some(predicate)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching frame in ${timeoutMs} ms; received ${frames.length} frames`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.close(1000);
      }),
  };
}

/** Returns an open loan of the client's loan book that still needs at least `minimumRemaining` centavos. */
export function openLoanWithRemaining(client: LastroClient, minimumRemaining: number): LoanDoc {
  const loan = client.loans.getState().find((candidate) => candidate.status === 'open' && candidate.amount - candidate.funded >= minimumRemaining);
  if (loan === undefined) throw new Error(`no open loan needs ${minimumRemaining} centavos more`);
  return loan;
}

/** Resolves with the client's command `id` once its status is no longer `pending`. */
export async function waitForDecision(client: LastroClient, id: string, timeoutMs = 15_000): Promise<CommandDoc> {
  const commands = await waitForState(client.commands, (list) => list.some((command) => command.id === id && command.status !== 'pending'), timeoutMs);
  return commands.find((command) => command.id === id)!;
}

/** The documents of one user as the server has them, read through a fresh socket. */
export interface ServerState {
  wallets: WalletDoc[];
  commands: CommandDoc[];
  positions: PositionDoc[];
  loans: LoanDoc[];
  preferences: PreferencesDoc[];
}

/** Logs in over HTTP and returns the session token. */
export async function loginToken(serverUrl: string, email: string, deviceId = 'test-server-state'): Promise<string> {
  const response = await fetch(`${serverUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, device: { id: deviceId, name: deviceId, platform: 'cli' } }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} failed: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Pulls every collection of `email` from the start through a new socket. */
export async function pullServerState(serverUrl: string, email: string): Promise<ServerState> {
  const token = await loginToken(serverUrl, email);
  const recorder = await recordFrames(serverUrl, token);
  const socket = (frame: unknown): void => recorder.send(frame);
  const state: Record<string, unknown[]> = {};
  try {
    for (const collection of ['wallets', 'commands', 'positions', 'loans', 'preferences'] as const) {
      const documents: unknown[] = [];
      let checkpoint: { seq: number } | null = null;
      for (let page = 0; ; page += 1) {
        const requestId = `state-${collection}-${page}`;
        socket({ type: 'pull', requestId, collection, checkpoint, limit: 1000 });
        await recorder.waitForFrame((frame) => frame.requestId === requestId);
        const result = recorder.frames.find((frame) => frame.requestId === requestId) as { documents?: unknown[]; checkpoint: { seq: number } | null };
        if (result.documents === undefined) throw new Error(`pull of ${collection} failed: ${JSON.stringify(result)}`);
        documents.push(...result.documents);
        checkpoint = result.checkpoint;
        if (result.documents.length < 1000) break;
      }
      state[collection] = documents.map((document) => {
        const { _deleted: _ignored, ...rest } = document as Record<string, unknown>;
        return rest;
      });
    }
  } finally {
    await recorder.close();
  }
  return state as unknown as ServerState;
}
