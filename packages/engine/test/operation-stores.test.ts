import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandDoc, WalletDoc } from '@lastro/protocol';
import { bindOperationStores, DECIDED_OPERATION_VISIBLE_MS, type Balances, type PendingOperation } from '../src/operation-stores.js';
import { createStore } from '../src/store.js';
import type { ConnectionState } from '../src/types.js';

const WALLET: WalletDoc = {
  id: 'user-1',
  available: 100_000,
  blocked: 2_000,
  invested: 30_000,
  currency: 'BRL',
  updatedAt: '2026-01-10T12:00:00.000Z',
  seq: 7,
};

function command(id: string, amount: number, status: CommandDoc['status'] = 'pending'): CommandDoc {
  return { id, type: 'invest', amount, loanId: 'loan-1', status, issuedAt: '2026-01-10T12:00:00.000Z', seq: status === 'pending' ? 0 : 50 };
}

function setup() {
  const stores = {
    commands: createStore<CommandDoc[]>([]),
    wallet: createStore<WalletDoc | null>(WALLET),
    connection: createStore<ConnectionState>({ status: 'offline' }),
    pendingOperations: createStore<PendingOperation[]>([]),
    balances: createStore<Balances | null>(null),
  };
  const stop = bindOperationStores({ ...stores, nowMs: () => Date.now() });
  return { ...stores, stop };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-01-10T12:00:00.000Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('operation stores', () => {
  it('projects pending amounts on the balance', () => {
    const stores = setup();
    stores.commands.setState([command('c2', 2_500), command('c1', 7_500)]);

    expect(stores.balances.getState()).toEqual({ available: 100_000, blocked: 2_000, invested: 30_000, projectedAvailable: 90_000, pendingCount: 2 });
    stores.stop();
  });

  it('has no balances without a wallet', () => {
    const stores = setup();
    stores.wallet.setState(null);
    expect(stores.balances.getState()).toBeNull();
    stores.stop();
  });

  it('shows waiting, then sending when online', () => {
    const stores = setup();
    stores.commands.setState([command('c1', 2_500)]);
    expect(stores.pendingOperations.getState().map((operation) => operation.state)).toEqual(['waiting_for_connection']);

    stores.connection.setState({ status: 'online', since: '2026-01-10T12:00:00.000Z' });
    expect(stores.pendingOperations.getState().map((operation) => operation.state)).toEqual(['sending']);
    stores.stop();
  });

  it('lists a decided command for one minute', async () => {
    const stores = setup();
    stores.commands.setState([command('c1', 2_500)]);
    stores.commands.setState([{ ...command('c1', 2_500, 'rejected'), reason: 'below_minimum' }]);
    expect(stores.pendingOperations.getState()).toEqual([expect.objectContaining({ id: 'c1', state: 'rejected', reason: 'below_minimum' })]);
    expect(stores.balances.getState()?.pendingCount).toBe(0);

    await vi.advanceTimersByTimeAsync(DECIDED_OPERATION_VISIBLE_MS - 1);
    expect(stores.pendingOperations.getState()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stores.pendingOperations.getState()).toEqual([]);
    stores.stop();
  });

  it('omits commands decided before this client saw them', () => {
    const stores = setup();
    stores.commands.setState([command('old', 2_500, 'accepted')]);
    expect(stores.pendingOperations.getState()).toEqual([]);
    stores.stop();
  });
});
