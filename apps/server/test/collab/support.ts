import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { postJson, type TestServer } from '../support/server.js';
import { waitFor } from '../support/ws-client.js';

export { waitFor };

/** Requests a `/collab` ticket; returns the HTTP status and body. */
export async function requestTicket(
  server: TestServer,
  token: string | undefined,
  body: unknown,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  return postJson(`${server.url}/api/v1/collab/tickets`, body, headers);
}

/** Requests a ticket and fails unless it is issued. */
export async function issueTicket(server: TestServer, token: string, room: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await requestTicket(server, token, { room, ...extra });
  if (response.status !== 201) {
    throw new Error(`ticket for ${room} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return (response.body as { ticket: string }).ticket;
}

/** A WebsocketProvider of y-websocket 3.x, with the close events it saw. */
export interface TestProvider {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Close codes of every connection, in order. */
  closeCodes: number[];
  /** Code and reason of the close after which the provider stopped reconnecting. */
  closed: { code: number; reason: string } | undefined;
  /** Gets a fresh ticket and reconnects, as the renderer does after every close. */
  reconnect(): Promise<void>;
  destroy(): void;
}

/** Base URL of the socket: the provider appends "/ROOM?ticket=...". */
export function collabUrl(server: TestServer): string {
  return `${server.url.replace(/^http/, 'ws')}/collab`;
}

/**
 * Opens a provider with a ticket given up front. BroadcastChannel is off, so two providers in
 * this process only meet through the server.
 */
export function openProvider(server: TestServer, room: string, ticket: string, doc = new Y.Doc()): TestProvider {
  const provider = new WebsocketProvider(collabUrl(server), room, doc, {
    connect: false,
    params: { ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const result: TestProvider = {
    provider,
    doc,
    closeCodes: [],
    closed: undefined,
    reconnect: async () => {
      throw new Error('reconnect needs a token; use connectProvider');
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (event !== null) {
      result.closeCodes.push(event.code);
    }
  });
  provider.on('closed', (event) => {
    result.closed = event;
  });
  provider.connect();
  return result;
}

/** Requests a ticket as `token` and opens a provider on `room`; `reconnect` requests a fresh ticket. */
export async function connectProvider(
  server: TestServer,
  token: string,
  room: string,
  options: { doc?: Y.Doc; extra?: Record<string, string> } = {},
): Promise<TestProvider> {
  const ticket = await issueTicket(server, token, room, options.extra);
  const opened = openProvider(server, room, ticket, options.doc);
  opened.reconnect = async () => {
    opened.provider.params = { ticket: await issueTicket(server, token, room, options.extra) };
    opened.provider.connect();
  };
  return opened;
}

/** Resolves once the provider has synced with the server; fails after `timeoutMs`. */
export async function waitSynced(opened: TestProvider, timeoutMs = 5000): Promise<void> {
  await waitFor(() => opened.provider.synced, timeoutMs, `provider of ${opened.provider.roomname} synced`);
}

/** The notes text of a document. */
export function notesText(doc: Y.Doc): string {
  return doc.getText('notes').toString();
}
