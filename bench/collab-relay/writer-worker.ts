// Worker thread with the writer of one server and its pacer. The writer sends each round's
// updates as separate messages. The pacer is one more subscriber, which applies what the server
// relays to its own document. The writer keeps at most `window` updates that the pacer has not
// received yet, and each round ends with a check that the relayed text equals the written one.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { nowMs } from '../common/clock.js';
import type { MainToWriter, WriterToMain, WriterWorkerData } from './messages.js';
import { encodeUpdateMessage, openDocumentClient, type ClientSocket } from './y-client.js';

/** Name of the Y.Text that contains a loan's notes, as the Lastro server and renderer use it. */
const NOTES_TEXT = 'notes';

const data = workerData as WriterWorkerData;
const port = parentPort;
if (port === null) {
  throw new Error('writer-worker must run in a worker thread.');
}

const writerDoc = new Y.Doc();
const pacerDoc = new Y.Doc();
let failed = false;
let closing = false;
let writer: ClientSocket | null = null;
let pacer: ClientSocket | null = null;

/** Encoded update messages of the next round, made by `prepare`. */
let prepared: { round: number; messages: Uint8Array[] } | null = null;
/** The round being sent, or null between rounds. */
let sending: { round: number; messages: Uint8Array[]; sentAt: Float64Array; sent: number; relayed: number } | null = null;

function send(message: WriterToMain, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Reports the first failure of this worker; later ones would only repeat its consequences. */
function fail(message: string): void {
  if (!failed) {
    failed = true;
    send({ type: 'failed', message });
  }
}

/** Returns the line update `index` of round `round` appends: about 30 characters, like a short note. */
function noteLine(round: number, index: number): string {
  return `\nR${round}.${index}: parcela paga em dia.`;
}

/** Appends `updates` lines to the writer's notes, one transaction and so one update each, and encodes their messages. */
function prepare(round: number, updates: number): void {
  const text = writerDoc.getText(NOTES_TEXT);
  const messages: Uint8Array[] = [];
  const capture = (update: Uint8Array): void => {
    messages.push(encodeUpdateMessage(update));
  };
  writerDoc.on('update', capture);
  for (let index = 0; index < updates; index += 1) {
    text.insert(text.length, noteLine(round, index));
  }
  writerDoc.off('update', capture);
  if (messages.length !== updates) {
    throw new Error(`Preparing round ${round} produced ${messages.length} updates, expected ${updates}.`);
  }
  prepared = { round, messages };
  const sizes = messages.map((message) => message.byteLength);
  send({ type: 'prepared', round, messageBytes: [Math.min(...sizes), Math.max(...sizes)] });
}

/** Sends updates until all are sent or `window` of them have not reached the pacer yet. */
function pump(): void {
  if (sending === null || writer === null) {
    return;
  }
  const { messages, sentAt } = sending;
  while (sending.sent < messages.length && sending.sent - sending.relayed < data.window) {
    const index = sending.sent;
    sentAt[index] = nowMs();
    writer.socket.send(messages[index] as Uint8Array);
    sending.sent = index + 1;
  }
}

function start(round: number): void {
  if (prepared === null || prepared.round !== round) {
    fail(`Round ${round} was started before it was prepared.`);
    return;
  }
  sending = { round, messages: prepared.messages, sentAt: new Float64Array(prepared.messages.length), sent: 0, relayed: 0 };
  prepared = null;
  pump();
}

function onPacerUpdate(): void {
  if (sending === null) {
    fail('The pacer received an update outside a round.');
    return;
  }
  sending.relayed += 1;
  if (sending.relayed < sending.messages.length) {
    pump();
    return;
  }
  const done = sending;
  sending = null;
  const textMatches = pacerDoc.getText(NOTES_TEXT).toString() === writerDoc.getText(NOTES_TEXT).toString();
  send({ type: 'round-sent', round: done.round, sentAt: done.sentAt, textMatches }, [done.sentAt.buffer as ArrayBuffer]);
}

function onUnexpectedClose(role: string): (code: number, reason: string) => void {
  return (code, reason) => {
    if (!closing) {
      fail(`The ${role} socket was closed by the server: ${code} ${reason}`);
    }
  };
}

port.on('message', (message: MainToWriter) => {
  try {
    if (message.type === 'prepare') {
      prepare(message.round, message.updates);
    } else if (message.type === 'start') {
      start(message.round);
    } else if (message.type === 'close') {
      closing = true;
      writer?.close();
      pacer?.close();
      send({ type: 'closed' });
    }
  } catch (error) {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
});

async function connect(): Promise<void> {
  // The writer ignores what the server relays back: the reference server echoes every update to its sender.
  writer = await openDocumentClient(data.endpoint, data.tokenIndex, writerDoc, { applyUpdates: false, onUpdate: () => undefined }, onUnexpectedClose('writer'));
  pacer = await openDocumentClient(data.endpoint, data.tokenIndex + 1, pacerDoc, { applyUpdates: true, onUpdate: onPacerUpdate }, onUnexpectedClose('pacer'));
}

connect().then(
  () => send({ type: 'connected' }),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
