import { CLOSE_CODES, PROTOCOL_VERSION } from '@lastro/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LastroError } from '../src/errors.js';
import { createSilentLogger, type EngineLogger } from '../src/logger.js';
import { SyncConnection, type ValidatedChanges } from '../src/sync-connection.js';
import type { ConnectionState } from '../src/types.js';
import { FakeSocket, READY_FRAME } from './fake-socket.js';

const WALLET = {
  id: 'user-1',
  available: 161000,
  blocked: 0,
  invested: 0,
  currency: 'BRL',
  updatedAt: '2026-01-10T12:00:00.000Z',
  seq: 7,
  _deleted: false,
};

function createConnection(logger: EngineLogger = createSilentLogger(), random = () => 0.5): SyncConnection {
  return new SyncConnection({
    socketUrl: 'ws://127.0.0.1:8787/sync',
    webSocket: FakeSocket,
    random,
    logger,
    requestTimeoutMs: 5_000,
    authTimeoutMs: 3_000,
  });
}

function connectOnline(connection: SyncConnection): FakeSocket {
  connection.start('token-1');
  const socket = FakeSocket.latest();
  socket.open();
  socket.receive(READY_FRAME);
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-01-10T12:00:00.000Z') });
  FakeSocket.instances = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncConnection', () => {
  it('sends the token in the first frame (SYNC-5)', () => {
    const connection = createConnection();
    connection.start('token-1');
    const socket = FakeSocket.latest();
    expect(socket.url).toBe('ws://127.0.0.1:8787/sync');
    expect(connection.connection.getState()).toEqual({ status: 'connecting', attempt: 1 });

    socket.open();
    expect(socket.sent).toEqual([{ type: 'auth', protocolVersion: PROTOCOL_VERSION, token: 'token-1' }]);

    socket.receive(READY_FRAME);
    expect(connection.connection.getState().status).toBe('online');
    connection.dispose();
  });

  it('matches responses to requests by requestId', async () => {
    const connection = createConnection();
    const socket = connectOnline(connection);

    const wallets = connection.request({ type: 'pull', collection: 'wallets', checkpoint: null, limit: 10 });
    const loans = connection.request({ type: 'pull', collection: 'loans', checkpoint: { seq: 3 }, limit: 10 });
    const [walletsFrame, loansFrame] = socket.sent.slice(1) as { requestId: string }[];
    expect(walletsFrame?.requestId).not.toBe(loansFrame?.requestId);

    // Respond in the opposite order: each response must reach its own request.
    socket.receive({ type: 'pullResult', requestId: loansFrame?.requestId, collection: 'loans', documents: [], checkpoint: { seq: 3 } });
    socket.receive({ type: 'pullResult', requestId: walletsFrame?.requestId, collection: 'wallets', documents: [WALLET], checkpoint: { seq: 7 } });

    await expect(loans).resolves.toMatchObject({ collection: 'loans', checkpoint: { seq: 3 } });
    await expect(wallets).resolves.toMatchObject({ collection: 'wallets', checkpoint: { seq: 7 } });
    connection.dispose();
  });

  it('rejects a request answered with an error frame', async () => {
    const connection = createConnection();
    const socket = connectOnline(connection);
    const push = connection.request({ type: 'push', collection: 'wallets', rows: [] });
    const { requestId } = socket.sent[1] as { requestId: string };
    socket.receive({ type: 'error', requestId, kind: 'forbidden', message: 'wallets is server-owned' });

    const error = await push.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LastroError);
    expect(error).toMatchObject({ kind: 'forbidden', message: 'wallets is server-owned' });
    connection.dispose();
  });

  it('times out a request without a response', async () => {
    const connection = createConnection();
    connectOnline(connection);
    const pull = connection.request({ type: 'pull', collection: 'loans', checkpoint: null, limit: 10 });
    const outcome = pull.catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcome).toMatchObject({ kind: 'network', message: 'pull of loans timed out after 5000 ms without a response' });
    connection.dispose();
  });

  it('fails pending requests on disconnect', async () => {
    const connection = createConnection();
    const socket = connectOnline(connection);
    const pull = connection.request({ type: 'pull', collection: 'loans', checkpoint: null, limit: 10 });
    const outcome = pull.catch((caught: unknown) => caught);
    socket.drop(1006, 'ECONNRESET');
    expect(await outcome).toMatchObject({ kind: 'network' });
    expect(connection.connection.getState().status).toBe('reconnecting');
    connection.dispose();
  });

  it('rejects requests while not online', async () => {
    const connection = createConnection();
    connection.start('token-1');
    await expect(connection.request({ type: 'pull', collection: 'loans', checkpoint: null, limit: 1 })).rejects.toMatchObject({
      kind: 'network',
    });
    connection.dispose();
  });

  it('drops invalid frames unapplied (SYNC-4)', () => {
    const warnings: string[] = [];
    const logger = { ...createSilentLogger(), warn: (message: string) => warnings.push(message) };
    const connection = createConnection(logger);
    const socket = connectOnline(connection);
    const received: ValidatedChanges[] = [];
    connection.onChanges((changes) => received.push(changes));

    socket.receive('not json');
    socket.receive({ type: 'changes', collection: 'wallets', documents: [{ ...WALLET, available: 1.5 }], checkpoint: { seq: 7 }, stream: 'user', index: 4 });
    socket.receive({ type: 'changes', collection: 'nope', documents: [], checkpoint: { seq: 1 }, stream: 'user', index: 5 });
    socket.receive({ type: 'changes', collection: 'wallets', documents: [WALLET], checkpoint: { seq: 7 }, stream: 'user', index: 5 });

    expect(received).toEqual([{ collection: 'wallets', documents: [WALLET], checkpoint: { seq: 7 } }]);
    expect(warnings).toEqual([
      'dropped an invalid server frame',
      'dropped a changes frame with an invalid document',
      'dropped an invalid server frame',
    ]);
    connection.dispose();
  });

  it('reconnects after the back-off delay', async () => {
    const connection = createConnection(createSilentLogger(), () => 0.5);
    const readyCount = vi.fn();
    connection.onReady(readyCount);
    const first = connectOnline(connection);
    first.drop(1006, 'ECONNRESET');
    expect(connection.connection.getState()).toMatchObject({ status: 'reconnecting', attempt: 1, lastError: 'connection closed with code 1006: ECONNRESET' });

    await vi.advanceTimersByTimeAsync(249);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(2);

    const second = FakeSocket.latest();
    second.open();
    second.receive(READY_FRAME);
    expect(connection.connection.getState().status).toBe('online');
    // Listeners registered once fire on every ready, including after a reconnect.
    expect(readyCount).toHaveBeenCalledTimes(2);
    connection.dispose();
  });

  it('stops on unauthorized close with the server message', () => {
    const connection = createConnection();
    connection.start('bad-token');
    const socket = FakeSocket.latest();
    socket.open();
    socket.receive({ type: 'error', kind: 'unauthorized', message: 'invalid or revoked session token: log in again' });
    socket.drop(CLOSE_CODES.unauthorized, 'unauthorized');

    expect(connection.connection.getState()).toEqual({
      status: 'unauthorized',
      message: 'invalid or revoked session token: log in again',
    });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    connection.dispose();
  });

  it('drops a socket that never becomes ready', async () => {
    const connection = createConnection();
    connection.start('token-1');
    const socket = FakeSocket.latest();
    socket.open();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(socket.closedByClient).toEqual({ code: 4000, reason: 'authentication timed out' });
    expect(connection.connection.getState()).toMatchObject({ status: 'reconnecting', lastError: 'connection closed with code 1006: authentication timed out' });
    connection.dispose();
  });

  it('holds reconnects while the network is offline', async () => {
    const connection = createConnection();
    const socket = connectOnline(connection);
    const states: ConnectionState['status'][] = [];
    connection.connection.subscribe((state) => states.push(state.status));

    connection.setNetworkAvailable(false);
    expect(socket.closedByClient).toEqual({ code: 1000, reason: 'network offline' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.instances).toHaveLength(1);

    connection.setNetworkAvailable(true);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(states).toEqual(['offline', 'connecting']);
    connection.dispose();
  });

  it('resolves whenOnline on ready and rejects it on stop', async () => {
    const connection = createConnection();
    connection.start('token-1');
    const online = connection.whenOnline();
    const socket = FakeSocket.latest();
    socket.open();
    socket.receive(READY_FRAME);
    await expect(online).resolves.toBeUndefined();

    socket.drop(1006);
    const stopped = connection.whenOnline();
    connection.stop();
    await expect(stopped).rejects.toMatchObject({ kind: 'network', message: 'the sync connection is closed' });
    connection.dispose();
  });
});
