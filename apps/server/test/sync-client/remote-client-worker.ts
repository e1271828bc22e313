/**
 * Worker-thread entry of {@link RemoteClient}: one real engine client on memory storage, driven
 * by messages from the test thread. RxDB's free edition allows 13 open collections per
 * thread, so tests that need more than two clients run the others here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import {
  createLastroClient,
  createSilentLogger,
  setNetworkAvailable,
  LastroError,
  type LastroClient,
  type WebSocketConstructor,
} from '@lastro/engine';
import { getRxStorageMemory } from '@lastro/engine/storage-memory';
import type { RemoteCall, RemoteClientOptions, RemoteReply, RemoteSnapshot } from './remote-client-protocol.js';

const options = workerData as RemoteClientOptions;
const port = parentPort;
if (port === null) throw new Error('remote-client-worker must run in a worker thread');

const client: LastroClient = createLastroClient({
  serverUrl: options.serverUrl,
  storage: getRxStorageMemory(),
  device: { id: `test-${options.deviceName}`, name: options.deviceName, platform: 'cli' },
  webSocket: WebSocket as unknown as WebSocketConstructor,
  logger: createSilentLogger(),
  now: () => new Date(Date.now() + (options.clockOffsetMs ?? 0)),
  requestTimeoutMs: options.requestTimeoutMs,
  authTimeoutMs: options.authTimeoutMs,
});

function snapshot(): RemoteSnapshot {
  return {
    connection: client.connection.getState().status,
    wallet: client.wallet.getState(),
    commands: client.commands.getState(),
    positions: client.positions.getState(),
    loans: client.loans.getState(),
    preferences: client.preferences.getState(),
    overruled: client.overruled.getState(),
    balances: client.balances.getState(),
    pendingOperations: client.pendingOperations.getState(),
    sync: client.sync.getState(),
  };
}

async function run(call: RemoteCall): Promise<unknown> {
  switch (call.method) {
    case 'login': {
      const user = await client.login(call.email, call.password);
      await client.waitForInitialSync();
      return user;
    }
    case 'invest':
      return client.invest(call.loanId, call.amount);
    case 'pixOut':
      return client.pixOut(call.request);
    case 'updatePreferences':
      return client.updatePreferences(call.patch);
    case 'setNetworkAvailable':
      setNetworkAvailable(client, call.online);
      return undefined;
    case 'snapshot':
      return snapshot();
    case 'close':
      await client.close();
      return undefined;
  }
}

port.on('message', (message: { callId: number; call: RemoteCall }) => {
  run(message.call).then(
    (value) => port.postMessage({ callId: message.callId, ok: true, value } satisfies RemoteReply),
    (error: unknown) =>
      port.postMessage({
        callId: message.callId,
        ok: false,
        error: {
          message: error instanceof Error ? error.message : String(error),
          kind: error instanceof LastroError ? error.kind : undefined,
          field: error instanceof LastroError ? error.field : undefined,
        },
      } satisfies RemoteReply),
  );
});
