// Worker thread that owns a share of the benchmark's client sockets and reports, for each
// broadcast, when the first and the last of its sockets received it.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import { nowMs } from '../common/clock.js';
import { mapWithConcurrency, openAuthenticatedSocket } from '../common/sync-socket.js';
import type { MainToReceiver, ReceiverToMain, ReceiverWorkerData } from './messages.js';

const data = workerData as ReceiverWorkerData;
const port = parentPort;
if (port === null) {
  throw new Error('receiver-worker must run in a worker thread.');
}

function send(message: ReceiverToMain): void {
  port?.postMessage(message);
}

interface RoundProgress {
  received: number;
  first: number;
  last: number;
}

/** Broadcasts received so far by each socket. A socket's k-th broadcast belongs to round k. */
const receivedBySocket = new Array<number>(data.clients).fill(0);
const rounds = new Map<number, RoundProgress>();
let sampleSent = false;

function recordDelivery(socketIndex: number, receivedAt: number, text: () => string): void {
  const round = (receivedBySocket[socketIndex] ?? 0) + 1;
  receivedBySocket[socketIndex] = round;

  let progress = rounds.get(round);
  if (progress === undefined) {
    progress = { received: 0, first: receivedAt, last: receivedAt };
    rounds.set(round, progress);
  }
  progress.received += 1;
  progress.first = Math.min(progress.first, receivedAt);
  progress.last = Math.max(progress.last, receivedAt);

  if (!sampleSent) {
    sampleSent = true;
    send({ type: 'sample', frame: text() });
  }
  if (progress.received === data.clients) {
    rounds.delete(round);
    send({ type: 'round', round, firstReceivedAt: progress.first, lastReceivedAt: progress.last });
  }
}

const closers: (() => void)[] = [];

/**
 * Options for `ws` clients that keep the receiving side cheap: messages arrive as single
 * buffers and are not validated as UTF-8, so the receivers spend little CPU per frame.
 */
const LIGHT_CLIENT_OPTIONS: WebSocket.ClientOptions = { skipUTF8Validation: true };

const CHANGES_MARKER = Buffer.from('"type":"changes"');
const LOANS_MARKER = Buffer.from('"collection":"loans"');

async function connectLastroSync(index: number): Promise<void> {
  const socket = await openAuthenticatedSocket(data.url, data.token ?? '', 10_000, LIGHT_CLIENT_OPTIONS);
  socket.on('message', (raw: Buffer) => {
    const receivedAt = nowMs();
    // A byte search instead of JSON.parse: the benchmark times the server, not the client's parser.
    if (raw.includes(CHANGES_MARKER) && raw.includes(LOANS_MARKER)) {
      recordDelivery(index, receivedAt, () => raw.toString());
    }
  });
  closers.push(() => socket.terminate());
}

function connectPlainWs(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(data.url, LIGHT_CLIENT_OPTIONS);
    socket.once('error', reject);
    socket.once('open', () => {
      socket.on('error', () => undefined);
      closers.push(() => socket.terminate());
      resolve();
    });
    socket.on('message', (raw: Buffer) => {
      recordDelivery(index, nowMs(), () => raw.toString());
    });
  });
}

function connectSocketIo(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(data.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      closers.push(() => socket.disconnect());
      resolve();
    });
    socket.on('changes', (frame: unknown) => {
      recordDelivery(index, nowMs(), () => JSON.stringify(frame));
    });
  });
}

const CONNECTORS = {
  'lastro-sync': connectLastroSync,
  'plain-ws': connectPlainWs,
  'socket.io': connectSocketIo,
} as const;

port.on('message', (message: MainToReceiver) => {
  if (message.type === 'close') {
    for (const close of closers) {
      close();
    }
    send({ type: 'closed' });
  }
});

const started = nowMs();
const indexes = Array.from({ length: data.clients }, (_, index) => index);
mapWithConcurrency(indexes, data.connectConcurrency, (index) => CONNECTORS[data.kind](index)).then(
  () => send({ type: 'connected', clients: data.clients, durationMs: nowMs() - started }),
  (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
