import { createServer, type Server } from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../src/logger.js';
import { SyncConnection } from '../src/sync-connection.js';
import type { WebSocketConstructor } from '../src/types.js';

let tcpServer: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (tcpServer ? tcpServer.close(() => resolve()) : resolve()));
  tcpServer = undefined;
});

describe('SyncConnection with the ws package', () => {
  it('going offline while connecting does not throw', async () => {
    // A TCP server that accepts the connection and never responds to the upgrade keeps the socket connecting.
    const accepted: Promise<void> = new Promise((resolve) => {
      tcpServer = createServer(() => resolve());
    });
    await new Promise<void>((resolve) => tcpServer?.listen(0, '127.0.0.1', resolve));
    const address = tcpServer?.address();
    if (address === null || address === undefined || typeof address === 'string') throw new Error('no address');

    const errors: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      errors.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const connection = new SyncConnection({
        socketUrl: `ws://127.0.0.1:${address.port}/sync`,
        webSocket: WebSocket as unknown as WebSocketConstructor,
        random: () => 0.5,
        logger: createSilentLogger(),
      });
      connection.start('token-1');
      await accepted;
      expect(connection.connection.getState().status).toBe('connecting');

      connection.setNetworkAvailable(false);
      expect(connection.connection.getState()).toEqual({ status: 'offline' });
      // ws reports the aborted handshake on the next ticks; let them run.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      connection.dispose();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(errors).toEqual([]);
  });
});
