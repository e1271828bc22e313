import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNetworkAvailable, type LastroClient, type Session } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, openLoanWithRemaining, startDemoServer, waitForDecision, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let client: LastroClient | null = null;

beforeEach(async () => {
  server = await startDemoServer();
});

afterEach(async () => {
  await client?.close();
  await server.stop();
});

describe('outbox across restarts', () => {
  it('pushes queued commands after resume (ENGINE-5)', async () => {
    const first = createTestClient(server.url, 'restart', 'dexie');
    client = first;
    await first.login('investidor@lastro.demo', DEMO_PASSWORD);
    await first.waitForInitialSync();
    const session = first.session as Session;
    const available = first.wallet.getState()!.available;
    const loan = openLoanWithRemaining(first, 3_000);
    setNetworkAvailable(first, false);
    await waitForState(first.connection, (state) => state.status === 'offline');
    const investId = await first.invest(loan.id, 3_000);
    const pixId = await first.pixOut({ key: '+5511987654321', keyType: 'phone', amount: 1_000 });
    await first.close();
    client = null;

    const second = createTestClient(server.url, 'restart', 'dexie');
    client = second;
    await second.resume(session);
    const queued = await waitForState(second.commands, (list) => list.length === 2);
    expect(queued.map((command) => command.status)).toEqual(['pending', 'pending']);

    expect((await waitForDecision(second, investId)).status).toBe('accepted');
    expect((await waitForDecision(second, pixId)).status).toBe('accepted');
    const balances = await waitForState(second.balances, (value) => value?.pendingCount === 0 && value.available + value.blocked === available - 3_000);
    expect(balances?.invested).toBeGreaterThanOrEqual(3_000);
  });
});
