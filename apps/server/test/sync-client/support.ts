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
  type LastroClient,
  type Store,
  type WebSocketConstructor,
} from '@lastro/engine';
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
export function createTestClient(serverUrl: string, deviceName: string, storage: StorageName = 'memory'): LastroClient {
  return createLastroClient({
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
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', protocolVersion: 1, token })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      frames.push(frame);
      for (const listener of [...listeners]) listener();
      if (frame.type === 'ready') resolve();
    });
  });
  return {
    frames,
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
