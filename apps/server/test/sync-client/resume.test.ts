import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNetworkAvailable, type LastroClient } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, postPix, startDemoServer, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let client: LastroClient;

beforeEach(async () => {
  server = await startDemoServer();
  client = createTestClient(server.url, 'resume');
});

afterEach(async () => {
  await client.close();
  await server.stop();
});

describe('resume after a disconnect', () => {
  it('pulls every PIX missed offline once (SYNC-2)', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const start = client.wallet.getState();
    expect(start?.available).toBe(161000);
    const entriesBefore = client.ledgerEntries.getState().length;
    const charges = [await client.createDeposit(), await client.createDeposit(), await client.createDeposit()];

    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');

    const amounts = ['110.00', '25.50', '1000.01'];
    const references: string[] = [];
    for (const [index, charge] of charges.entries()) {
      references.push(await postPix(server.url, charge.txid, amounts[index] ?? '1.00'));
    }
    // The socket is closed, so none of the three credits can have reached the local store.
    expect(client.wallet.getState()).toBe(start);
    expect(client.ledgerEntries.getState()).toHaveLength(entriesBefore);

    setNetworkAvailable(client, true);
    const expected = 161000 + 11000 + 2550 + 100001;
    const wallet = await waitForState(client.wallet, (value) => value?.available === expected);
    expect(wallet?.available).toBe(expected);

    const entries = await waitForState(client.ledgerEntries, (list) => list.length === entriesBefore + 3);
    const pixIn = entries.filter((entry) => references.includes(entry.reference));
    expect(pixIn.map((entry) => entry.reference).sort()).toEqual([...references].sort());
    expect(pixIn.every((entry) => entry.kind === 'pix_in')).toBe(true);
    expect(pixIn.reduce((sum, entry) => sum + entry.amount, 0)).toBe(11000 + 2550 + 100001);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(client.connection.getState().status).toBe('online');
  });

});
