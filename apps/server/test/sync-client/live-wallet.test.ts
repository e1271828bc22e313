import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastroClient, WalletDoc } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, postPix, startDemoServer, waitForState, type DemoServer, type StorageName } from './support.js';

describe.each(['memory', 'dexie'] satisfies StorageName[])('engine on %s storage', (storage) => {
  let server: DemoServer;
  let client: LastroClient;

  beforeEach(async () => {
    server = await startDemoServer();
    client = createTestClient(server.url, `live-wallet-${storage}`, storage);
  });

  afterEach(async () => {
    await client.close();
    await server.stop();
  });

  it('syncs the wallet and loan book on login', async () => {
    const user = await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    expect(user.role).toBe('investor');
    await client.waitForInitialSync();

    expect(client.sync.getState().initialSyncDone).toBe(true);
    expect(client.connection.getState().status).toBe('online');
    expect(client.wallet.getState()).toMatchObject({ id: user.id, available: 161000, currency: 'BRL' });
    expect(client.loans.getState().length).toBeGreaterThanOrEqual(500);
    const createdAt = client.loans.getState().map((loan) => loan.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse());
    expect(client.sync.getState().collections.loans.checkpointSeq).toBeGreaterThan(0);
  });

  it('shows a PIX credit in the wallet store', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const before = client.wallet.getState();
    expect(before?.available).toBe(161000);

    const seen: WalletDoc[] = [];
    const unsubscribe = client.wallet.subscribe((wallet) => {
      if (wallet !== null) seen.push(wallet);
    });
    const charge = await client.createDeposit(11000);
    const endToEndId = await postPix(server.url, charge.txid, '110.00');

    const after = await waitForState(client.wallet, (wallet) => wallet?.available === 172000);
    unsubscribe();
    // The store pushed the new wallet to its listener; nothing queried the database again.
    expect(seen.at(-1)).toBe(after);
    expect(after?.seq).toBeGreaterThan(before?.seq ?? Infinity);

    const entries = await waitForState(client.ledgerEntries, (list) => list.some((entry) => entry.reference === endToEndId));
    const credit = entries.find((entry) => entry.reference === endToEndId);
    expect(credit).toMatchObject({ kind: 'pix_in', amount: 11000, bucket: 'available', balanceAfter: 172000 });
    expect(entries[0]).toBe(credit);
  });

  it('rejects a wrong password', async () => {
    await expect(client.login('investidor@lastro.demo', 'wrong-password')).rejects.toMatchObject({
      name: 'LastroError',
      kind: 'unauthorized',
    });
    expect(client.session).toBeNull();
  });

  it('turns unauthorized after logout elsewhere', async () => {
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();
    const token = client.session?.token ?? '';

    const response = await fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(204);

    const state = await waitForState(client.connection, (value) => value.status === 'unauthorized');
    expect(state).toMatchObject({ status: 'unauthorized' });
  });
});
