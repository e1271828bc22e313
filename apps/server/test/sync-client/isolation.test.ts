import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastroClient } from '@lastro/engine';
import {
  createTestClient,
  DEMO_PASSWORD,
  postPix,
  recordFrames,
  startDemoServer,
  waitForState,
  type DemoServer,
  type FrameRecorder,
} from './support.js';

let server: DemoServer;
let first: LastroClient;
let second: LastroClient;
let recorder: FrameRecorder | undefined;

beforeEach(async () => {
  server = await startDemoServer();
  first = createTestClient(server.url, 'isolation-first');
  second = createTestClient(server.url, 'isolation-second');
});

afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
  await first.close();
  await second.close();
  await server.stop();
});

describe('per-user visibility', () => {
  it('keeps wallets and entries private (SYNC-3)', async () => {
    const investor = await first.login('investidor@lastro.demo', DEMO_PASSWORD);
    const investor2 = await second.login('investidor2@lastro.demo', DEMO_PASSWORD);
    await Promise.all([first.waitForInitialSync(), second.waitForInitialSync()]);
    expect(investor.id).not.toBe(investor2.id);
    recorder = await recordFrames(server.url, second.session?.token ?? '');

    const secondWalletBefore = second.wallet.getState();
    const toFirst = await postPix(server.url, (await first.createDeposit()).txid, '300.00');
    await waitForState(first.wallet, (wallet) => wallet?.available === 161000 + 30000);

    // A later PIX to the second investor: frames arrive in commit order, so once it is seen,
    // anything sent about the first PIX would have arrived before it.
    const secondCharge = await second.createDeposit();
    const toSecond = await postPix(server.url, secondCharge.txid, '7.00');
    const secondWallet = await waitForState(second.wallet, (wallet) => wallet !== null && wallet.seq > (secondWalletBefore?.seq ?? 0));
    await waitForState(second.ledgerEntries, (entries) => entries.some((entry) => entry.reference === toSecond));
    await recorder.waitForFrame(
      (frame) =>
        frame.type === 'changes' &&
        frame.collection === 'ledgerEntries' &&
        (frame.documents as { reference: string }[]).some((document) => document.reference === toSecond),
    );
    await recorder.waitForFrame((frame) => frame.type === 'changes' && frame.collection === 'wallets');

    expect(secondWallet?.id).toBe(investor2.id);
    expect(second.ledgerEntries.getState().some((entry) => entry.reference === toFirst)).toBe(false);
    expect(first.ledgerEntries.getState().some((entry) => entry.reference === toSecond)).toBe(false);

    // On the wire: every wallet the second session received is its own, and no entry is the first investor's.
    const frames = recorder.frames;
    const walletIds = frames
      .filter((frame) => frame.type === 'changes' && frame.collection === 'wallets')
      .flatMap((frame) => (frame.documents as { id: string }[]).map((document) => document.id));
    expect(walletIds.length).toBeGreaterThan(0);
    expect(new Set(walletIds)).toEqual(new Set([investor2.id]));
    const references = frames
      .filter((frame) => frame.type === 'changes' && frame.collection === 'ledgerEntries')
      .flatMap((frame) => (frame.documents as { reference: string }[]).map((document) => document.reference));
    expect(references).toContain(toSecond);
    expect(references).not.toContain(toFirst);
  });
});
