import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pixOutCommand, pushCommand, transactionsOf, type Frame } from './support/commands.js';
import { DatabaseInspector } from './support/inspect.js';
import { login, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

/** Waits for the `commands` change that shows the command confirmed by the simulated provider. */
async function confirmation(client: SyncTestClient, commandId: string) {
  const frame = await client.next<Frame<'changes'>>(
    (candidate) =>
      candidate.type === 'changes' &&
      candidate.collection === 'commands' &&
      candidate.documents.some((doc) => doc.id === commandId && doc.pixOutState === 'confirmed'),
  );
  return frame.documents.find((doc) => doc.id === commandId)!;
}

describe('pixOut commands', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: { token: string; user: { id: string } };
  let secondInvestor: { token: string; user: { id: string } };
  const clients: SyncTestClient[] = [];

  const connectAs = async (token: string): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false, pixOutConfirmDelayMs: 50 });
    inspector = new DatabaseInspector(server.dataDir);
    investor = await login(server, 'investidor@lastro.demo');
    secondInvestor = await login(server, 'investidor2@lastro.demo');
  });

  afterEach(() => {
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const client of clients) {
      client.close();
    }
    inspector.close();
    await server.stop();
  });

  it.each([
    ['investidor', 'cpf', '529.982.247-25'],
    ['investidor', 'email', 'Investidor@Lastro.Demo'],
    ['investidor', 'phone', '+5511987654321'],
    ['investidor', 'evp', '7D9F0C2E-4B1A-4C6E-9F3A-2B8D5E1C0A47'],
    ['investidor2', 'cnpj', '12.ABC.345/01DE-35'],
  ])('%s %s key blocks then confirms (CMD-5, CMD-6)', async (who, type, key) => {
    const user = who === 'investidor' ? investor : secondInvestor;
    const client = await connectAs(user.token);
    const before = inspector.wallet(user.user.id);
    const paidOutBefore = inspector.accountBalance('platform:pix_out');
    const command = pixOutCommand(type, key, 1_234);

    const { result, stored } = await pushCommand(client, command);

    expect(result).toMatchObject({ type: 'pushResult', conflicts: [] });
    expect(stored).toMatchObject({
      status: 'accepted',
      pixOutState: 'blocked',
      pixKey: key,
      effect: { availableAfter: before.available - 1_234 },
    });
    const blockedWallet = await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'wallets');
    expect(blockedWallet.documents.at(-1)).toMatchObject({ available: before.available - 1_234, blocked: before.blocked + 1_234 });

    const confirmed = await confirmation(client, command.id);

    expect(confirmed).toMatchObject({ status: 'accepted', pixOutState: 'confirmed', effect: stored.effect });
    expect(confirmed.seq).toBeGreaterThan(stored.seq as number);
    expect(inspector.wallet(user.user.id)).toMatchObject({ available: before.available - 1_234, blocked: before.blocked });
    expect(inspector.accountBalance('platform:pix_out')).toBe(paidOutBefore + 1_234);
    expect(transactionsOf(inspector, command.id).map((transaction) => transaction.kind).sort()).toEqual([
      'pix_out_block',
      'pix_out_debit',
    ]);
  });

  it.each([
    ['another user key', 'email', 'investidor2@lastro.demo', 1_000, 'invalid_pix_key'],
    ['unregistered valid key', 'cpf', '111.444.777-35', 1_000, 'invalid_pix_key'],
    ['key of the wrong type', 'cpf', 'investidor@lastro.demo', 1_000, 'invalid_pix_key'],
    ['malformed phone', 'phone', '+55 11 1234', 1_000, 'invalid_pix_key'],
    ['amount above available', 'email', 'investidor@lastro.demo', 999_999_999, 'insufficient_balance'],
  ])('rejects %s (CMD-5)', async (_case, type, key, amount, reason) => {
    const client = await connectAs(investor.token);
    const before = inspector.wallet(investor.user.id);
    const command = pixOutCommand(type, key, amount);

    const { stored } = await pushCommand(client, command);

    expect(stored).toMatchObject({ status: 'rejected', reason });
    expect(stored.pixOutState).toBeUndefined();
    expect(transactionsOf(inspector, command.id)).toEqual([]);
    expect(inspector.wallet(investor.user.id)).toEqual(before);
  });
});

describe('pixOut across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-pix-out-restart-'));
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('confirms a blocked command after restart (CMD-6)', async () => {
    // A delay far longer than the test, so the first run stops with the command still blocked.
    server = await startTestServer({ dataDir, demo: true, simulator: false, pixOutConfirmDelayMs: 600_000 });
    const investor = await login(server, 'investidor@lastro.demo');
    const first = await SyncTestClient.authenticated(server.url, investor.token);
    const command = pixOutCommand('phone', '+5511987654321', 5_000);
    const { stored } = await pushCommand(first, command);
    expect(stored).toMatchObject({ status: 'accepted', pixOutState: 'blocked' });
    first.close();
    await server.close();

    server = await startTestServer({ dataDir, demo: true, simulator: false, pixOutConfirmDelayMs: 20 });
    const second = await SyncTestClient.authenticated(server.url, (await login(server, 'investidor@lastro.demo')).token);
    // The confirmation may commit before or after this socket subscribes, so poll with pulls.
    const deadline = Date.now() + 5_000;
    let latest = (await second.pull('commands', null, 1000)).documents.find((doc) => doc.id === command.id);
    while (latest?.pixOutState !== 'confirmed') {
      if (Date.now() > deadline) {
        throw new Error(`command still ${JSON.stringify(latest)} 5 s after restart`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      latest = (await second.pull('commands', null, 1000)).documents.find((doc) => doc.id === command.id);
    }
    second.close();

    const inspector = new DatabaseInspector(dataDir);
    try {
      expect(transactionsOf(inspector, command.id).map((transaction) => transaction.kind).sort()).toEqual([
        'pix_out_block',
        'pix_out_debit',
      ]);
      expect(inspector.wallet(investor.user.id).blocked).toBe(0);
      expect(inspector.verify()).toMatchObject({ ok: true });
    } finally {
      inspector.close();
    }
  });
});
