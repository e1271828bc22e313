import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setNetworkAvailable, type LastroClient } from '@lastro/engine';
import { ChaosProxy } from '../support/chaos-proxy.js';
import { createTestClient, DEMO_PASSWORD, openLoanWithRemaining, startDemoServer, waitForState, type DemoServer } from './support.js';

const QUEUED = 120;

let server: DemoServer;
let proxy: ChaosProxy;
let client: LastroClient;

beforeEach(async () => {
  server = await startDemoServer();
  proxy = await ChaosProxy.start({ target: server.url, seed: 1 });
  client = createTestClient(proxy.url, 'flush');
  await client.login('investidor@lastro.demo', DEMO_PASSWORD);
  await client.waitForInitialSync();
});

afterEach(async () => {
  await client.close();
  await proxy.close();
  await server.stop();
});

function storedCommandCount(ids: string[]): number {
  const db = new Database(join(server.dataDir, 'lastro.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT id FROM commands WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids).length;
  } finally {
    db.close();
  }
}

describe('outbox flush', () => {
  it('applies a result that arrives before the push answer', async () => {
    await proxy.close();
    await client.close();
    proxy = await ChaosProxy.start({ target: server.url, seed: 1, pushResultDelayMs: 300 });
    client = createTestClient(proxy.url, 'flush');
    await client.login('investidor@lastro.demo', DEMO_PASSWORD);
    await client.waitForInitialSync();

    // Invests change only once, so a skipped result would never be repaired by a later version.
    const loan = openLoanWithRemaining(client, 6_000);
    const ids = [await client.invest(loan.id, 2_500)];
    ids.push(await client.invest(loan.id, 3_000));

    const decided = await waitForState(client.commands, (list) => list.length === 2 && list.every((command) => command.status === 'accepted'));
    expect(decided.map((command) => command.id).sort()).toEqual([...ids].sort());
  });

  it('sends a burst one push at a time (ENGINE-2)', async () => {
    const ids = await Promise.all(
      Array.from({ length: QUEUED }, (_, index) => client.pixOut({ key: 'investidor@lastro.demo', keyType: 'email', amount: 100 + index })),
    );
    await waitForState(client.commands, (list) => list.length === QUEUED && list.every((command) => command.status !== 'pending'), 30_000);

    // RxDB merges the queued writes into one upstream step and splits it into batches of
    // PUSH_BATCH_SIZE rows, which it sends concurrently. The engine sends them one after another.
    expect(proxy.stats.maxPushesInFlight).toBe(1);
    expect(storedCommandCount(ids)).toBe(QUEUED);
  });

  it('flushes an offline queue one push at a time (ENGINE-2)', async () => {
    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');
    const ids: string[] = [];
    for (let index = 0; index < QUEUED; index += 1) {
      ids.push(await client.pixOut({ key: 'investidor@lastro.demo', keyType: 'email', amount: 100 + index }));
    }
    expect(client.balances.getState()?.pendingCount).toBe(QUEUED);

    setNetworkAvailable(client, true);
    await waitForState(client.commands, (list) => list.length === QUEUED && list.every((command) => command.status !== 'pending'), 30_000);

    expect(proxy.stats.maxPushesInFlight).toBe(1);
    expect(storedCommandCount(ids)).toBe(QUEUED);
  });
});
