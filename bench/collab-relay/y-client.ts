// y-websocket clients of the benchmark: tickets, socket URLs and the sync handshake
// (message types from y-protocols 1.x `sync.js` and y-websocket's `messageSync`).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CollabEndpoint } from './messages.js';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * Options for `ws` clients that keep the receiving side cheap: messages arrive as single
 * buffers and are not checked as UTF-8 (y-websocket sends only binary messages).
 */
const LIGHT_CLIENT_OPTIONS: WebSocket.ClientOptions = { skipUTF8Validation: true, perMessageDeflate: false };

/** Called when an open socket closes without the benchmark closing it. */
export type UnexpectedClose = (code: number, reason: string) => void;

export interface ClientSocket {
  socket: WebSocket;
  /** Closes the socket without reporting it as unexpected. */
  close(): void;
}

/** Encodes a y-websocket sync message: message type 0, then the sync type and its payload. */
export function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Encodes a document update as the message a provider sends for a local change. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_UPDATE, update);
}

/** Tells whether a raw message is a sync message of `syncType` (both fit in one byte each). */
function isSyncMessage(raw: Buffer, syncType: number): boolean {
  return raw.length >= 2 && raw[0] === MESSAGE_SYNC && raw[1] === syncType;
}

/** Requests a single-use ticket for `room` with a session token. */
export async function requestTicket(httpUrl: string, token: string, room: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/collab/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ room }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(`POST /api/v1/collab/tickets for ${room} returned ${response.status}, expected 201: ${text}`);
  }
  return (JSON.parse(text) as { ticket: string }).ticket;
}

/** Returns the URL of one new connection, requesting its ticket first when the server needs one. */
export async function connectionUrl(endpoint: CollabEndpoint, tokenIndex: number): Promise<string> {
  const url = `${endpoint.baseUrl}/${endpoint.room}`;
  if (endpoint.tickets === null) {
    return url;
  }
  const { httpUrl, tokens } = endpoint.tickets;
  const token = tokens[tokenIndex % tokens.length];
  if (token === undefined) {
    throw new Error('The endpoint requires tickets but lists no session token.');
  }
  const ticket = await requestTicket(httpUrl, token, endpoint.room);
  return `${url}?ticket=${encodeURIComponent(ticket)}`;
}

/**
 * Opens a socket and runs the sync handshake. `handle` gets every message and returns true
 * once the server's sync step 2 arrived. Rejects on a close or error before that, or after
 * `timeoutMs`.
 */
function openSynced(
  url: string,
  onOpen: (socket: WebSocket) => void,
  handle: (socket: WebSocket, raw: Buffer) => boolean,
  onUnexpectedClose: UnexpectedClose,
  timeoutMs: number,
): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, LIGHT_CLIENT_OPTIONS);
    let synced = false;
    let closing = false;
    const safeUrl = url.replace(/ticket=[^&]+/, 'ticket=…');
    const timer = setTimeout(() => {
      closing = true;
      socket.terminate();
      reject(new Error(`Socket ${safeUrl} did not finish the sync handshake within ${timeoutMs} ms.`));
    }, timeoutMs);

    socket.on('open', () => onOpen(socket));
    socket.on('error', (error) => {
      if (!synced) {
        clearTimeout(timer);
        closing = true;
        socket.terminate();
        reject(new Error(`Socket ${safeUrl} failed before the sync handshake finished: ${error.message}`));
      }
    });
    socket.on('close', (code, reason) => {
      if (!synced) {
        clearTimeout(timer);
        reject(new Error(`Socket ${safeUrl} closed before the sync handshake finished: ${code} ${reason.toString()}`));
      } else if (!closing) {
        onUnexpectedClose(code, reason.toString());
      }
    });
    socket.on('message', (raw: Buffer) => {
      if (handle(socket, raw) && !synced) {
        synced = true;
        clearTimeout(timer);
        resolve({
          socket,
          close: () => {
            closing = true;
            socket.terminate();
          },
        });
      }
    });
  });
}

const emptyDoc = new Y.Doc();
/** Sync step 1 of a client without a document, which requests the whole document. */
const EMPTY_STEP_1 = encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(emptyDoc));
/** Sync step 2 of a client without a document: it has nothing the server lacks. */
const EMPTY_STEP_2 = encodeSyncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(emptyDoc));
emptyDoc.destroy();

/**
 * Opens a subscriber that keeps no document, so receiving costs little CPU. It completes the
 * handshake as a client with an empty document would, and calls `onUpdate` for every update
 * message after the server's sync step 2.
 */
export async function openLightSubscriber(
  endpoint: CollabEndpoint,
  tokenIndex: number,
  onUpdate: () => void,
  onUnexpectedClose: UnexpectedClose,
  timeoutMs = 10_000,
): Promise<ClientSocket> {
  const url = await connectionUrl(endpoint, tokenIndex);
  let synced = false;
  return openSynced(
    url,
    (socket) => socket.send(EMPTY_STEP_1),
    (socket, raw) => {
      if (isSyncMessage(raw, SYNC_UPDATE)) {
        if (synced) {
          onUpdate();
        }
      } else if (isSyncMessage(raw, SYNC_STEP_1)) {
        socket.send(EMPTY_STEP_2);
      } else if (isSyncMessage(raw, SYNC_STEP_2)) {
        synced = true;
      }
      return synced;
    },
    onUnexpectedClose,
    timeoutMs,
  );
}

/**
 * Opens a client that syncs `doc` with the server through y-protocols. With `applyUpdates`
 * false, update messages after the handshake are only counted, not applied.
 */
export async function openDocumentClient(
  endpoint: CollabEndpoint,
  tokenIndex: number,
  doc: Y.Doc,
  options: { applyUpdates: boolean; onUpdate: () => void },
  onUnexpectedClose: UnexpectedClose,
  timeoutMs = 10_000,
): Promise<ClientSocket> {
  const url = await connectionUrl(endpoint, tokenIndex);
  let synced = false;
  return openSynced(
    url,
    (socket) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, doc);
      socket.send(encoding.toUint8Array(encoder));
    },
    (socket, raw) => {
      if (raw.length === 0 || raw[0] !== MESSAGE_SYNC) {
        return synced;
      }
      const isUpdate = isSyncMessage(raw, SYNC_UPDATE);
      if (synced && isUpdate && !options.applyUpdates) {
        options.onUpdate();
        return synced;
      }
      const decoder = decoding.createDecoder(raw);
      decoding.readVarUint(decoder);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
      if (encoding.length(encoder) > 1) {
        socket.send(encoding.toUint8Array(encoder));
      }
      if (synced && isUpdate) {
        options.onUpdate();
      }
      if (syncType === SYNC_STEP_2) {
        synced = true;
      }
      return synced;
    },
    onUnexpectedClose,
    timeoutMs,
  );
}
