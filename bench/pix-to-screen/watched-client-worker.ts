// Worker thread running one real Lastro engine client (RxDB on memory storage) and reporting
// every change of its wallet store. RxDB's free edition limits how many collections one
// process may open, so the engine client lives in its own thread.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLastroClient, type LastroClient, type WebSocketConstructor } from '@lastro/engine';
import { nowMs } from '../common/clock.js';
import { benchDevice } from '../common/lastro-http.js';
import type { MainToWatched, WatchedClientData, WatchedToMain } from './messages.js';

const data = workerData as WatchedClientData;
const port = parentPort;
if (port === null) {
  throw new Error('watched-client-worker must run in a worker thread.');
}

function send(message: WatchedToMain): void {
  port?.postMessage(message);
}

async function start(): Promise<LastroClient> {
  const client = createLastroClient({
    serverUrl: data.serverUrl,
    storage: getRxStorageMemory(),
    device: benchDevice('watched-client'),
    webSocket: WebSocket as unknown as WebSocketConstructor,
  });
  await client.login(data.email, data.password);
  await client.waitForInitialSync();

  client.wallet.subscribe((wallet) => {
    const at = nowMs();
    send({ type: 'wallet', at, available: wallet?.available ?? null, seq: wallet?.seq ?? null });
  });
  send({ type: 'ready', available: client.wallet.getState()?.available ?? null });
  return client;
}

const clientStarted = start();

port.on('message', (message: MainToWatched) => {
  if (message.type !== 'close') {
    return;
  }
  clientStarted
    .then((client) => client.close())
    .catch(() => undefined)
    .finally(() => send({ type: 'closed' }));
});

clientStarted.catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
});
