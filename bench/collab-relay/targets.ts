import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@lastro/server';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { benchDevice, IDLE_INVESTOR_EMAIL, login, WATCHED_INVESTOR_EMAIL } from '../common/lastro-http.js';
import type { CollabEndpoint } from './messages.js';

/** Notes room of a demo loan. Both demo investors belong to one organisation, so they share its document. */
export const NOTES_ROOM = 'loan:emp-00008:notes';

/** A server under test: where its clients connect, and how to stop it. */
export interface CollabTarget {
  /** Name printed in the results. */
  name: string;
  endpoint: CollabEndpoint;
  close(): Promise<void>;
}

/**
 * Per-connection message rate for the Lastro benchmark server. The default (100 per second,
 * bursts of 300) would close the writer, because it sends each round's updates back to back.
 * The reference server has no such limit.
 */
const UNLIMITED_MESSAGES = 1_000_000_000;

/**
 * Starts the Lastro server in this process with the demo data and no simulator, logs in both
 * demo investors and returns their tokens, so every connection can request its own ticket.
 * Only the collab message rate limit is raised (see {@link UNLIMITED_MESSAGES}). Every applied
 * update is still stored in SQLite and the documents are compacted as in production.
 */
export async function startLastro(): Promise<CollabTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lastro-collab-relay-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    demo: true,
    simulator: false,
    logLevel: 'error',
    collab: { messagesPerSecond: UNLIMITED_MESSAGES, messageBurst: UNLIMITED_MESSAGES },
  });
  const close = async (): Promise<void> => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const sessions = await Promise.all(
      [WATCHED_INVESTOR_EMAIL, IDLE_INVESTOR_EMAIL].map((email) => login(server.url, email, benchDevice('collab-relay'))),
    );
    return {
      name: 'Lastro',
      endpoint: {
        baseUrl: `${server.url.replace(/\/+$/, '').replace(/^http/, 'ws')}/collab`,
        room: NOTES_ROOM,
        tickets: { httpUrl: server.url.replace(/\/+$/, ''), tokens: sessions.map((session) => session.token) },
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts @y/websocket-server 0.1.1 in this process: `setupWSConnection` from its `utils`
 * export on a `ws` WebSocketServer, as its `server.js` does, with the document name taken
 * from the URL path. YPERSISTENCE is unset, so documents stay in memory and nothing is stored.
 */
export async function startReference(): Promise<CollabTarget> {
  if (process.env.YPERSISTENCE !== undefined) {
    throw new Error('YPERSISTENCE is set: unset it, because the reference server must keep its documents in memory.');
  }
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket, request) => setupWSConnection(socket, request));
  await once(wss, 'listening');
  const { port } = wss.address() as AddressInfo;

  return {
    name: '@y/websocket-server 0.1.1',
    endpoint: { baseUrl: `ws://127.0.0.1:${port}`, room: NOTES_ROOM, tickets: null },
    async close() {
      for (const socket of wss.clients) {
        socket.terminate();
      }
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
      // Without persistence the reference keeps every document, and each one's awareness timer, until destroyed.
      for (const doc of docs.values()) {
        doc.destroy();
      }
      docs.clear();
    },
  };
}
