// Worker thread that owns a share of one server's subscriber sockets. For each round it
// timestamps every update message each socket receives and reports once all of them have
// received the round's updates.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { nowMs } from '../common/clock.js';
import { mapWithConcurrency } from '../common/sync-socket.js';
import type { MainToSubscriber, SubscriberToMain, SubscriberWorkerData } from './messages.js';
import { openLightSubscriber, type ClientSocket } from './y-client.js';

const data = workerData as SubscriberWorkerData;
const port = parentPort;
if (port === null) {
  throw new Error('subscriber-worker must run in a worker thread.');
}

let failed = false;
let closing = false;
const sockets: ClientSocket[] = [];

/** The round being received, or null between rounds. */
let current: {
  round: number;
  updates: number;
  received: Int32Array;
  receivedAt: Float64Array;
  socketsDone: number;
  utilization: ReturnType<typeof performance.eventLoopUtilization>;
} | null = null;

function send(message: SubscriberToMain, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Reports the first failure of this worker; later ones would only repeat its consequences. */
function fail(message: string): void {
  if (!failed) {
    failed = true;
    send({ type: 'failed', message });
  }
}

function recordUpdate(socketIndex: number): void {
  const receivedAt = nowMs();
  if (current === null) {
    fail(`Subscriber ${data.firstIndex + socketIndex} received an update outside a round.`);
    return;
  }
  const count = current.received[socketIndex] as number;
  if (count >= current.updates) {
    fail(`Subscriber ${data.firstIndex + socketIndex} received more than the ${current.updates} updates of round ${current.round}.`);
    return;
  }
  current.receivedAt[socketIndex * current.updates + count] = receivedAt;
  current.received[socketIndex] = count + 1;
  if (count + 1 === current.updates) {
    current.socketsDone += 1;
    if (current.socketsDone === data.subscribers) {
      const done = current;
      current = null;
      const busyMs = performance.eventLoopUtilization(done.utilization).active;
      send(
        { type: 'round-done', round: done.round, sockets: data.subscribers, receivedAt: done.receivedAt, busyMs },
        [done.receivedAt.buffer as ArrayBuffer],
      );
    }
  }
}

async function connect(socketIndex: number): Promise<void> {
  const subscriberIndex = data.firstIndex + socketIndex;
  const socket = await openLightSubscriber(
    data.endpoint,
    subscriberIndex,
    () => recordUpdate(socketIndex),
    (code, reason) => {
      if (!closing) {
        fail(`Subscriber ${subscriberIndex} was closed by the server: ${code} ${reason}`);
      }
    },
  );
  sockets.push(socket);
}

port.on('message', (message: MainToSubscriber) => {
  if (message.type === 'prepare') {
    current = {
      round: message.round,
      updates: message.updates,
      received: new Int32Array(data.subscribers),
      receivedAt: new Float64Array(data.subscribers * message.updates),
      socketsDone: 0,
      utilization: performance.eventLoopUtilization(),
    };
    send({ type: 'prepared', round: message.round });
  } else if (message.type === 'close') {
    closing = true;
    for (const socket of sockets) {
      socket.close();
    }
    send({ type: 'closed' });
  }
});

const indexes = Array.from({ length: data.subscribers }, (_, index) => index);
mapWithConcurrency(indexes, data.connectConcurrency, connect).then(
  () => send({ type: 'connected', sockets: data.subscribers }),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
