import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNetworkAvailable, type LastroClient } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, postPix, startDemoServer, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let client: LastroClient | undefined;

beforeEach(async () => {
  server = await startDemoServer();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server.stop();
});

/** Records every change of `sync.catchingUp`, so a short-lived true is not missed. */
function recordCatchingUp(target: LastroClient): boolean[] {
  const values: boolean[] = [];
  let last = target.sync.getState().catchingUp;
  target.sync.subscribe((state) => {
    if (state.catchingUp !== last) {
      last = state.catchingUp;
      values.push(last);
    }
  });
  return values;
}

describe('catching up after a long time offline', () => {
  it('reports progress until the missed PIX arrived (SYNC-2)', async () => {
    client = createTestClient(server.url, 'catch-up', 'memory', { longOfflineMs: 0 });
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const charge = await client.createDeposit();
    const values = recordCatchingUp(client);

    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');
    await postPix(server.url, charge.txid, '75.00');
    setNetworkAvailable(client, true);

    await waitForState(client.sync, (state) => !state.catchingUp && values.includes(true));
    expect(values).toEqual([true, false]);
    expect(client.wallet.getState()?.available).toBe(161000 + 7500);
  });

  it('stays quiet after a short disconnect', async () => {
    client = createTestClient(server.url, 'short-blip', 'memory', { longOfflineMs: 60 * 60_000 });
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const charge = await client.createDeposit();
    const values = recordCatchingUp(client);

    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');
    await postPix(server.url, charge.txid, '75.00');
    setNetworkAvailable(client, true);

    await waitForState(client.wallet, (wallet) => wallet?.available === 161000 + 7500);
    expect(values).toEqual([]);
    expect(client.sync.getState().catchingUp).toBe(false);
  });
});
