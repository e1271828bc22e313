import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LastroError, setNetworkAvailable, type LastroClient } from '@lastro/engine';
import {
  createTestClient,
  DEMO_PASSWORD,
  openLoanWithRemaining,
  startDemoServer,
  waitForDecision,
  waitForState,
  type DemoServer,
} from './support.js';

let server: DemoServer;
let client: LastroClient;

beforeEach(async () => {
  server = await startDemoServer();
  client = createTestClient(server.url, 'outbox');
  await client.login('investidor@lastro.demo', DEMO_PASSWORD);
  await client.waitForInitialSync();
});

afterEach(async () => {
  await client.close();
  await server.stop();
});

describe('outbox', () => {
  it('invests online and debits exactly the amount (CMD-4)', async () => {
    const before = client.wallet.getState()!;
    const loan = openLoanWithRemaining(client, 10_000);

    const id = await client.invest(loan.id, 10_000);
    const command = await waitForDecision(client, id);

    expect(command.status).toBe('accepted');
    expect(command.seq).toBeGreaterThan(0);
    expect(command.effect?.availableAfter).toBe(before.available - 10_000);
    const wallet = await waitForState(client.wallet, (value) => value !== null && value.available === before.available - 10_000);
    expect(wallet?.invested).toBe(before.invested + 10_000);
    const positions = await waitForState(client.positions, (list) => list.some((position) => position.id === loan.id));
    expect(positions.find((position) => position.id === loan.id)?.amount).toBe(10_000);
    await waitForState(client.loans, (loans) => loans.find((candidate) => candidate.id === loan.id)?.funded === loan.funded + 10_000);
  });

  it('queues offline with the projected balance (ENGINE-2)', async () => {
    const available = client.wallet.getState()!.available;
    const loan = openLoanWithRemaining(client, 5_000);
    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');

    const id = await client.invest(loan.id, 5_000);
    const pixId = await client.pixOut({ key: 'investidor@lastro.demo', keyType: 'email', amount: 2_000 });

    const pending = await waitForState(client.pendingOperations, (list) => list.length === 2);
    expect(pending.map((operation) => [operation.id, operation.state])).toEqual([
      [pixId, 'waiting_for_connection'],
      [id, 'waiting_for_connection'],
    ]);
    expect(client.balances.getState()).toMatchObject({ available, projectedAvailable: available - 7_000, pendingCount: 2 });
    expect(client.commands.getState().map((command) => command.status)).toEqual(['pending', 'pending']);

    setNetworkAvailable(client, true);
    expect((await waitForDecision(client, id)).status).toBe('accepted');
    expect((await waitForDecision(client, pixId)).status).toBe('accepted');
    const balances = await waitForState(client.balances, (value) => value?.pendingCount === 0 && value.available + value.blocked === available - 5_000);
    expect(balances?.projectedAvailable).toBe(balances?.available);
    const operations = client.pendingOperations.getState();
    expect(operations.map((operation) => operation.state)).toEqual(['accepted', 'accepted']);
  });

  it('shows the reason of a rejected invest', async () => {
    const loan = openLoanWithRemaining(client, 2_500);

    const id = await client.invest(loan.id, 2_499);
    const command = await waitForDecision(client, id);

    expect(command).toMatchObject({ status: 'rejected', reason: 'below_minimum' });
    const operation = await waitForState(client.pendingOperations, (list) => list.some((entry) => entry.id === id && entry.state === 'rejected'));
    expect(operation.find((entry) => entry.id === id)?.reason).toBe('below_minimum');
  });

  it('confirms an accepted pixOut', async () => {
    const id = await client.pixOut({ key: '+5511987654321', keyType: 'phone', amount: 1_500 });
    const commands = await waitForState(client.commands, (list) => list.some((command) => command.id === id && command.pixOutState === 'confirmed'));
    expect(commands.find((command) => command.id === id)?.status).toBe('accepted');
  });

  it('rejects invalid input without queuing (ENGINE-2)', async () => {
    await expect(client.invest('loan-1', 0)).rejects.toMatchObject({ kind: 'invalid_request', field: 'amount' });
    await expect(client.pixOut({ key: '', keyType: 'email', amount: 100 })).rejects.toBeInstanceOf(LastroError);
    expect(client.commands.getState()).toEqual([]);
  });
});
