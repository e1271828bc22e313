import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNetworkAvailable, type CommandDoc, type LastroClient } from '@lastro/engine';
import { RemoteClient } from './remote-client.js';
import { createTestClient, DEMO_PASSWORD, openLoanWithRemaining, pullServerState, startDemoServer, waitForState, type DemoServer } from './support.js';

const TEN_MINUTES_MS = 10 * 60 * 1000;
const EMAIL = 'investidor@lastro.demo';

let server: DemoServer;
let fast: LastroClient;
let slow: RemoteClient;

beforeEach(async () => {
  server = await startDemoServer();
  fast = createTestClient(server.url, 'fast', 'memory', { now: () => new Date(Date.now() + TEN_MINUTES_MS) });
  slow = await RemoteClient.start({ serverUrl: server.url, deviceName: 'slow', clockOffsetMs: -TEN_MINUTES_MS });
  await fast.login(EMAIL, DEMO_PASSWORD);
  await fast.waitForInitialSync();
  await slow.login(EMAIL, DEMO_PASSWORD);
});

afterEach(async () => {
  await fast.close();
  await slow.close();
  await server.stop();
});

/** The parts of a command both devices and the server must agree on. */
function outcome(command: CommandDoc): unknown {
  return { id: command.id, status: command.status, reason: command.reason, seq: command.seq, amount: command.amount, effect: command.effect };
}

describe('clock skew', () => {
  it('orders by server sequence, not device clocks (ENGINE-4)', async () => {
    const first = openLoanWithRemaining(fast, 20_000);
    const second = fast.loans.getState().find((loan) => loan.status === 'open' && loan.id !== first.id && loan.amount - loan.funded >= 20_000)!;
    const ids: string[] = [];

    ids.push(await fast.invest(first.id, 3_000));
    await waitForState(fast.commands, (list) => list.every((command) => command.status !== 'pending'));
    ids.push(await slow.invest(first.id, 4_000));
    await slow.waitFor((state) => state.commands.every((command) => command.status !== 'pending'), 15_000, 'a decided invest');

    setNetworkAvailable(fast, false);
    await waitForState(fast.connection, (state) => state.status === 'offline');
    ids.push(await fast.pixOut({ key: EMAIL, keyType: 'email', amount: 1_000 }));
    ids.push(await slow.invest(second.id, 2_500));
    await slow.waitFor((state) => state.commands.every((command) => command.status !== 'pending'), 15_000, 'a decided invest');
    setNetworkAvailable(fast, true);

    await slow.setNetworkAvailable(false);
    ids.push(await slow.invest(first.id, 5_000));
    ids.push(await fast.invest(second.id, 2_600));
    await waitForState(fast.commands, (list) => list.some((command) => command.id === ids[5] && command.status !== 'pending'));
    await slow.setNetworkAvailable(true);

    // The pixOut changes once more when the PIX provider confirms it, so wait for that too.
    const done = (list: CommandDoc[]): boolean =>
      list.length === ids.length &&
      list.every((command) => command.status !== 'pending') &&
      list.some((command) => command.id === ids[2] && command.pixOutState === 'confirmed');
    const fastCommands = await waitForState(fast.commands, done, 20_000);
    const slowState = await slow.waitFor((state) => done(state.commands), 20_000, 'every command decided');
    const serverState = await pullServerState(server.url, EMAIL);

    const bySeqDescending = [...serverState.commands].sort((a, b) => b.seq - a.seq);
    expect(fastCommands.map(outcome)).toEqual(bySeqDescending.map(outcome));
    expect(slowState.commands.map(outcome)).toEqual(bySeqDescending.map(outcome));
    // Ordering by the device clocks would put every command of the fast device first.
    const byIssuedAt = [...fastCommands].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1));
    expect(byIssuedAt.map((command) => command.id)).not.toEqual(fastCommands.map((command) => command.id));

    const serverWallet = serverState.wallets[0]!;
    const fastWallet = await waitForState(fast.wallet, (wallet) => wallet?.seq === serverWallet.seq);
    expect(fastWallet).toEqual(serverWallet);
    const slowFinal = await slow.waitFor((state) => state.wallet?.seq === serverWallet.seq, 15_000, 'the server wallet');
    expect(slowFinal.wallet).toEqual(serverWallet);
    const serverPositions = [...serverState.positions].sort((a, b) => b.seq - a.seq);
    expect(await waitForState(fast.positions, (list) => list.length === serverPositions.length)).toEqual(serverPositions);
    expect(slowFinal.positions).toEqual(serverPositions);
  });
});
