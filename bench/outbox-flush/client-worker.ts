// Worker thread running one real engine client (RxDB on memory storage). It goes offline,
// queues the invest commands in its outbox, then goes online on request and reports when
// the server's results reached its local database.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLastroClient, setNetworkAvailable, type LastroClient, type Store, type WebSocketConstructor } from '@lastro/engine';
import type { LoanDoc } from '@lastro/protocol';
import { nowMs } from '../common/clock.js';
import { benchDevice } from '../common/lastro-http.js';
import { describeError } from '../common/worker-client.js';
import type { FlushResult, MainToOutbox, OutboxClientData, OutboxToMain } from './messages.js';

const data = workerData as OutboxClientData;
const port = parentPort;
if (port === null) {
  throw new Error('outbox-flush client-worker must run in a worker thread.');
}

function send(message: OutboxToMain): void {
  port?.postMessage(message);
}

/** Resolves with the first value of `store` that `accept` maps to something other than undefined. */
function waitForStore<T, R>(store: Store<T>, accept: (value: T) => R | undefined, description: string): Promise<R> {
  return new Promise((resolve, reject) => {
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${data.timeoutMs} ms waiting for ${description}.`));
    }, data.timeoutMs);
    const check = (value: T): boolean => {
      const result = accept(value);
      if (result === undefined) {
        return false;
      }
      clearTimeout(timer);
      unsubscribe();
      resolve(result);
      return true;
    };
    unsubscribe = store.subscribe((value) => void check(value));
    check(store.getState());
  });
}

/** Assigns each command an open loan with room left, round-robin, so no loan is over-funded. */
function assignLoans(loans: readonly LoanDoc[]): string[] {
  const capacity = loans
    .filter((loan) => loan.status === 'open')
    .map((loan) => ({ id: loan.id, room: Math.floor((loan.amount - loan.funded) / data.amountCentavos) }))
    .filter((loan) => loan.room > 0);
  const assigned: string[] = [];
  while (assigned.length < data.commands) {
    let progressed = false;
    for (const loan of capacity) {
      if (loan.room > 0 && assigned.length < data.commands) {
        assigned.push(loan.id);
        loan.room -= 1;
        progressed = true;
      }
    }
    if (!progressed) {
      throw new Error(`Open loans have room for only ${assigned.length} commands of ${data.amountCentavos} centavos; ${data.commands} requested.`);
    }
  }
  return assigned;
}

async function prepare(client: LastroClient): Promise<{ ids: Set<string>; availableBefore: number }> {
  await client.login(data.email, data.password);
  await client.waitForInitialSync();
  const availableBefore = await waitForStore(
    client.wallet,
    (wallet) => (wallet !== null && wallet.available >= data.requiredAvailable ? wallet.available : undefined),
    `the wallet to show at least ${data.requiredAvailable} centavos`,
  );
  const loanIds = assignLoans(client.loans.getState());

  setNetworkAvailable(client, false);
  await waitForStore(client.connection, (state) => (state.status === 'offline' ? true : undefined), 'the client to go offline');

  const startedAt = nowMs();
  const ids = new Set<string>();
  for (const loanId of loanIds) {
    ids.add(await client.invest(loanId, data.amountCentavos));
  }
  const queueMs = nowMs() - startedAt;
  await waitForStore(
    client.pendingOperations,
    (operations) => (operations.filter((operation) => ids.has(operation.id) && operation.state === 'waiting_for_connection').length === ids.size ? true : undefined),
    `${ids.size} operations waiting for the connection`,
  );
  send({ type: 'queued', queueMs, loans: new Set(loanIds).size, availableBefore });
  return { ids, availableBefore };
}

async function flush(client: LastroClient, ids: Set<string>, availableBefore: number): Promise<FlushResult> {
  const startedAt = nowMs();
  const online = waitForStore(client.connection, (state) => (state.status === 'online' ? nowMs() : undefined), 'the socket to come online');
  const allResults = waitForStore(
    client.commands,
    (commands) => {
      let decided = 0;
      for (const command of commands) {
        if (ids.has(command.id) && command.status !== 'pending') {
          decided += 1;
        }
      }
      return decided === ids.size ? { at: nowMs(), commands } : undefined;
    },
    `results of all ${ids.size} commands`,
  );
  setNetworkAvailable(client, true);

  const results = await allResults;
  let accepted = 0;
  let acceptedCentavos = 0;
  const reasons: Record<string, number> = {};
  for (const command of results.commands) {
    if (!ids.has(command.id)) {
      continue;
    }
    if (command.status === 'accepted') {
      accepted += 1;
      acceptedCentavos += command.amount;
    } else {
      const reason = command.reason ?? 'unknown';
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  // Exactly once: the wallet must drop by the accepted commands' amounts and no more.
  const expectedAvailable = availableBefore - acceptedCentavos;
  const walletSettledAt = await waitForStore(
    client.wallet,
    (wallet) => (wallet !== null && wallet.available === expectedAvailable ? nowMs() : undefined),
    `the wallet to show ${expectedAvailable} centavos`,
  );
  return {
    onlineMs: (await online) - startedAt,
    allResultsMs: results.at - startedAt,
    walletSettledMs: walletSettledAt - startedAt,
    accepted,
    rejected: ids.size - accepted,
    reasons,
    availableBefore,
    availableAfter: client.wallet.getState()?.available ?? Number.NaN,
  };
}

const client = createLastroClient({
  serverUrl: data.serverUrl,
  storage: getRxStorageMemory(),
  device: benchDevice('outbox-client'),
  webSocket: WebSocket as unknown as WebSocketConstructor,
});
const prepared = prepare(client);
prepared.catch((error: unknown) => send({ type: 'failed', message: describeError(error) }));

port.on('message', (message: MainToOutbox) => {
  if (message.type === 'flush') {
    prepared
      .then(({ ids, availableBefore }) => flush(client, ids, availableBefore))
      .then((result) => send({ type: 'flushed', result }))
      .catch((error: unknown) => send({ type: 'failed', message: describeError(error) }));
    return;
  }
  client
    .close()
    .catch(() => undefined)
    .finally(() => send({ type: 'closed' }));
});
