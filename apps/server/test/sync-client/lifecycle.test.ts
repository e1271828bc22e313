import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LastroError, type LastroClient } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, startDemoServer, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let client: LastroClient;

beforeEach(async () => {
  server = await startDemoServer();
  client = createTestClient(server.url, 'lifecycle');
});

afterEach(async () => {
  await client.close();
  await server.stop();
});

describe('client lifecycle', () => {
  it('close releases the RxDB collections', async () => {
    // Five sessions of three collections each exceed RxDB's limit of 13 open collections,
    // so this fails with COL23 if close() leaks them.
    for (let round = 0; round < 5; round += 1) {
      await client.login('investidor@lastro.demo', DEMO_PASSWORD);
      await client.waitForInitialSync();
      expect(client.wallet.getState()?.available).toBe(161000);
      await client.close();
      expect(client.connection.getState()).toEqual({ status: 'idle' });
      expect(client.wallet.getState()).toBeNull();
      expect(client.loans.getState()).toEqual([]);
    }
  });

  it('resume reuses a stored token', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const session = client.session;
    expect(session).not.toBeNull();
    await client.close();
    expect(client.session).toEqual(session);

    await client.resume(session!);
    await client.waitForInitialSync();
    expect(client.connection.getState().status).toBe('online');
    expect(client.wallet.getState()?.id).toBe(session?.user.id);
  });

  it('resume with a revoked token turns unauthorized', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    const session = client.session!;
    await client.logout();
    expect(client.session).toBeNull();
    expect(client.connection.getState()).toEqual({ status: 'idle' });

    await client.resume(session);
    const failure = await client.waitForInitialSync().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LastroError);
    expect(failure).toMatchObject({ kind: 'unauthorized' });
    expect(client.connection.getState()).toMatchObject({ status: 'unauthorized', message: 'invalid or revoked session token: log in again' });

    // A fresh login recovers from the terminal state.
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    await waitForState(client.connection, (state) => state.status === 'online');
  });

  it('createDeposit needs a session', async () => {
    await expect(client.createDeposit(100)).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('createDeposit rejects invalid amounts', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    for (const amount of [0, -5, 1.5, Number.NaN]) {
      await expect(client.createDeposit(amount)).rejects.toMatchObject({ kind: 'invalid_request', field: 'amountCentavos' });
    }
    const charge = await client.createDeposit(50000);
    expect(charge.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
  });
});

describe('unreachable server', () => {
  it('login names the URL it could not reach', async () => {
    const url = server.url;
    await server.close();
    const offline = createTestClient(url, 'unreachable');
    const failure = await offline.login('investidor@lastro.demo', DEMO_PASSWORD).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LastroError);
    expect(failure).toMatchObject({ kind: 'network', message: `cannot reach ${url} (ECONNREFUSED)` });
    await offline.close();
  });
});
