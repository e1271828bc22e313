// Worker thread running one fresh engine client (RxDB on memory storage, empty database) and
// timing its first sync from the login call.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLastroClient, type LastroClient, type WebSocketConstructor } from '@lastro/engine';
import { nowMs } from '../common/clock.js';
import { benchDevice } from '../common/lastro-http.js';
import { describeError } from '../common/worker-client.js';
import type { ColdSyncClientData, ColdSyncResult, ColdSyncToMain, MainToColdSync } from './messages.js';

const data = workerData as ColdSyncClientData;
const port = parentPort;
if (port === null) {
  throw new Error('cold-sync client-worker must run in a worker thread.');
}

function send(message: ColdSyncToMain): void {
  port?.postMessage(message);
}

/** Resolves with the time the loans store first contains `expected` loans. */
function whenLoansReach(client: LastroClient, expected: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${data.timeoutMs} ms: the loans store contains ${client.loans.getState().length} of ${expected} loans.`));
    }, data.timeoutMs);
    const check = (count: number): void => {
      if (count >= expected) {
        const at = nowMs();
        clearTimeout(timer);
        unsubscribe();
        resolve(at);
      }
    };
    unsubscribe = client.loans.subscribe((loans) => check(loans.length));
    check(client.loans.getState().length);
  });
}

async function run(client: LastroClient): Promise<ColdSyncResult> {
  // Subscribing before the login catches the first emission that contains every loan.
  const loansReached = whenLoansReach(client, data.expectedLoans);
  const startedAt = nowMs();
  await client.login(data.email, data.password);
  const loggedInAt = nowMs();
  const initialSync = client.waitForInitialSync().then(() => nowMs());
  const [loansAt, initialSyncAt] = await Promise.all([loansReached, initialSync]);
  return {
    loginMs: loggedInAt - startedAt,
    loansMs: loansAt - startedAt,
    initialSyncMs: initialSyncAt - startedAt,
    loans: client.loans.getState().length,
  };
}

const client = createLastroClient({
  serverUrl: data.serverUrl,
  storage: getRxStorageMemory(),
  device: benchDevice('cold-sync-client'),
  webSocket: WebSocket as unknown as WebSocketConstructor,
});
run(client)
  .then((result) => send({ type: 'synced', result }))
  .catch((error: unknown) => send({ type: 'failed', message: describeError(error) }));

port.on('message', (message: MainToColdSync) => {
  if (message.type === 'close') {
    client
      .close()
      .catch(() => undefined)
      .finally(() => send({ type: 'closed' }));
  }
});
