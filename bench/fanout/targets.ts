import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import uWS from 'uWebSockets.js';
import type { ClientKind } from './messages.js';

/** Topic or room every client of the baseline servers joins. */
const LOANS_TOPIC = 'loans';

/** A server under test: where its clients connect and how one broadcast is triggered. */
export interface FanoutTarget {
  /** Name printed in the results. */
  name: string;
  clientKind: ClientKind;
  url: string;
  /** Session token for sync sockets, or null when the server needs no authentication. */
  token: string | null;
  /** Triggers one broadcast to every connected client. The baselines send `frame`. Lastro ignores it and changes a loan. */
  publish(frame: string): void;
  close(): Promise<void>;
}

/** Bare uWebSockets.js: every socket subscribes to one topic and `app.publish` sends the frame. */
export async function startBareUws(): Promise<FanoutTarget> {
  const app = uWS.App();
  app.ws('/*', {
    compression: uWS.DISABLED,
    idleTimeout: 120,
    open: (socket) => {
      socket.subscribe(LOANS_TOPIC);
    },
  });

  const listenSocket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
    app.listen('127.0.0.1', 0, (socket) => (socket ? resolve(socket) : reject(new Error('uWebSockets.js could not listen on 127.0.0.1.'))));
  });
  const port = uWS.us_socket_local_port(listenSocket);

  return {
    name: 'bare uWebSockets.js',
    clientKind: 'plain-ws',
    url: `ws://127.0.0.1:${port}/`,
    token: null,
    publish(frame) {
      app.publish(LOANS_TOPIC, frame, false);
    },
    async close() {
      uWS.us_listen_socket_close(listenSocket);
      app.close();
    },
  };
}

/** Socket.IO 4 on node:http with only the websocket transport. The frame goes out as a room broadcast. */
export async function startSocketIo(): Promise<FanoutTarget> {
  const httpServer: HttpServer = createServer();
  const io = new SocketIoServer(httpServer, { transports: ['websocket'], serveClient: false });
  io.on('connection', (socket) => {
    void socket.join(LOANS_TOPIC);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;

  let parsedFrame: unknown = null;
  let parsedFrom = '';
  return {
    name: 'Socket.IO 4',
    clientKind: 'socket.io',
    url: `http://127.0.0.1:${port}`,
    token: null,
    publish(frame) {
      // Socket.IO serialises the event itself, so it gets the frame as an object.
      if (frame !== parsedFrom) {
        parsedFrame = JSON.parse(frame);
        parsedFrom = frame;
      }
      io.to(LOANS_TOPIC).emit('changes', parsedFrame);
    },
    async close() {
      io.disconnectSockets(true);
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // Connections that never finished the WebSocket upgrade would otherwise keep the HTTP server open.
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
