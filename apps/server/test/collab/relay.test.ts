import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { collabUrl, issueTicket, waitFor } from './support.js';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A raw y-websocket connection that records every message it receives. */
interface RawPeer {
  socket: WebSocket;
  received: Uint8Array[];
  closeCode: number | undefined;
}

async function openPeer(server: TestServer, token: string, room: string): Promise<RawPeer> {
  const ticket = await issueTicket(server, token, room);
  const socket = new WebSocket(`${collabUrl(server)}/${room}?ticket=${ticket}`);
  socket.binaryType = 'nodebuffer';
  const peer: RawPeer = { socket, received: [], closeCode: undefined };
  socket.on('message', (data: Buffer) => peer.received.push(new Uint8Array(data)));
  socket.on('close', (code) => {
    peer.closeCode = code;
  });
  // The server greets every connection with its sync step 1.
  await waitFor(() => peer.received.length > 0, 5000, `sync step 1 on ${room}`);
  return peer;
}

/** Encodes `update` as a y-websocket sync update message. */
function updateMessage(update: Uint8Array): Buffer {
  // y-protocols writes the update length as an unsigned varint, seven bits per byte.
  const length: number[] = [];
  let rest = update.length;
  while (rest >= 0x80) {
    length.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  length.push(rest);
  return Buffer.concat([Buffer.from([MESSAGE_SYNC, SYNC_UPDATE, ...length]), update]);
}

/** Sync messages carrying document content (step 2 or update) that contain `marker`. */
function contentMessages(peer: RawPeer, marker: string): Uint8Array[] {
  return peer.received.filter(
    (message) =>
      message[0] === MESSAGE_SYNC &&
      (message[1] === SYNC_UPDATE || message[1] === SYNC_STEP_2) &&
      Buffer.from(message).includes(marker),
  );
}

/** Reads the server's count of connections closed for reading too slowly. */
async function slowConsumers(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('lastro_collab_slow_consumers_total '));
  if (line === undefined) {
    throw new Error('lastro_collab_slow_consumers_total is missing from /metrics');
  }
  return Number(line.split(' ')[1]);
}

/** Writes `text` at the end of a local document and returns the update that did it. */
function appendText(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (emitted: Uint8Array): void => {
    update = emitted;
  };
  doc.on('update', capture);
  doc.getText('notes').insert(doc.getText('notes').length, text);
  doc.off('update', capture);
  if (update === undefined) {
    throw new Error('the insert produced no update');
  }
  return update;
}

describe('collab relay', () => {
  let server: TestServer;
  let token: string;
  let colleagueToken: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false, collab: { maxBackpressure: 256 * 1024, messagesPerSecond: 10_000, messageBurst: 10_000 } });
    token = (await login(server, 'investidor@lastro.demo')).token;
    colleagueToken = (await login(server, 'investidor2@lastro.demo')).token;
  });

  afterAll(async () => {
    await server.stop();
  });

  it('relays updates to others only', async () => {
    const room = 'loan:emp-00011:notes';
    const writer = await openPeer(server, token, room);
    const first = await openPeer(server, colleagueToken, room);
    const second = await openPeer(server, token, room);
    try {
      const writerDoc = new Y.Doc();
      const secondDoc = new Y.Doc();
      writer.socket.send(updateMessage(appendText(writerDoc, 'relay-marker-one')));
      await waitFor(() => contentMessages(first, 'relay-marker-one').length > 0, 5000, 'first peer got the update');
      await waitFor(() => contentMessages(second, 'relay-marker-one').length > 0, 5000, 'second peer got the update');

      // Broadcasts keep their order, so once the writer has the second peer's later update, an
      // echo of its own would already have arrived.
      second.socket.send(updateMessage(appendText(secondDoc, 'relay-marker-two')));
      await waitFor(() => contentMessages(writer, 'relay-marker-two').length > 0, 5000, 'writer got the later update');

      expect(contentMessages(writer, 'relay-marker-one')).toHaveLength(0);
      expect(contentMessages(first, 'relay-marker-one')).toHaveLength(1);
      expect(contentMessages(second, 'relay-marker-one')).toHaveLength(1);
      expect(contentMessages(first, 'relay-marker-two')).toHaveLength(1);
      expect(contentMessages(second, 'relay-marker-two')).toHaveLength(0);
    } finally {
      for (const peer of [writer, first, second]) {
        peer.socket.terminate();
      }
    }
  });

  it('closes a stalled reader with 4509', async () => {
    const room = 'loan:emp-00012:notes';
    const writer = await openPeer(server, token, room);
    const reader = await openPeer(server, colleagueToken, room);
    const stalled = await openPeer(server, colleagueToken, room);
    try {
      // The stalled peer stops reading, so the server's buffer for it fills once the kernel's are full.
      const stalledTcp = (stalled.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      stalledTcp.pause();

      const writerDoc = new Y.Doc();
      const relayedTo = (peer: RawPeer): number =>
        peer.received.filter((message) => message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE).length;
      const slowBefore = await slowConsumers(server);
      // Batches of 20 updates of 20 KB go out until the server gives up on the stalled peer, once
      // the loopback buffers of both ends are full. The writer waits for the reader after every
      // batch, so only the stalled peer falls behind.
      const chunk = 'x'.repeat(20_000);
      const perBatch = 20;
      const maxBatches = 250;
      let sent = 0;
      while ((await slowConsumers(server)) === slowBefore) {
        if (sent >= maxBatches * perBatch) {
          throw new Error(`the stalled peer was still open after ${sent} updates of 20 KB`);
        }
        for (let index = 0; index < perBatch; index += 1) {
          writer.socket.send(updateMessage(appendText(writerDoc, `${chunk}${sent};`)));
          sent += 1;
        }
        await waitFor(() => relayedTo(reader) === sent, 10_000, `reader got ${sent} updates`);
      }
      stalledTcp.resume();
      await waitFor(() => stalled.closeCode !== undefined, 10_000, 'stalled peer closed');

      expect(stalled.closeCode).toBe(4509);
      expect(reader.closeCode).toBeUndefined();
      expect(writer.closeCode).toBeUndefined();
      expect(await slowConsumers(server)).toBe(slowBefore + 1);
      expect(relayedTo(reader)).toBe(sent);
    } finally {
      for (const peer of [writer, reader, stalled]) {
        peer.socket.terminate();
      }
    }
  }, 120_000);
});
