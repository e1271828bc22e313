import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastroClient } from '@lastro/engine';
import {
  createTestClient,
  DEMO_PASSWORD,
  loginToken,
  postPix,
  recordFrames,
  startDemoServer,
  waitForState,
  type DemoServer,
  type FrameRecorder,
} from './support.js';

let server: DemoServer;
let first: LastroClient;
let second: LastroClient | undefined;
let recorder: FrameRecorder | undefined;

beforeEach(async () => {
  server = await startDemoServer();
  first = createTestClient(server.url, 'isolation-first');
});

afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
  await first.close();
  await second?.close();
  second = undefined;
  await server.stop();
});

/** Creates a PIX charge for the session of `token` over HTTP and returns its txid. */
async function createCharge(token: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  return ((await response.json()) as { txid: string }).txid;
}

describe('per-user visibility', () => {
  // One engine client per process at a time: the free RxDB edition allows 14 open collections,
  // so the second investor is observed on the wire while the first client runs, and through
  // an engine client of its own afterwards.
  it('keeps wallets and entries private (SYNC-3)', async () => {
    const investor = await first.login('investidor@lastro.demo', DEMO_PASSWORD);
    await first.waitForInitialSync();
    const secondToken = await loginToken(server.url, 'investidor2@lastro.demo');
    recorder = await recordFrames(server.url, secondToken);
    const investor2 = (recorder.frames.find((frame) => frame.type === 'ready') as { user: { id: string } }).user;
    expect(investor.id).not.toBe(investor2.id);

    const toFirst = await postPix(server.url, (await first.createDeposit()).txid, '300.00');
    await waitForState(first.wallet, (wallet) => wallet?.available === 161000 + 30000);

    // A later PIX to the second investor: frames arrive in commit order, so once it is seen,
    // anything sent about the first PIX would have arrived before it.
    const toSecond = await postPix(server.url, await createCharge(secondToken), '7.00');
    await recorder.waitForFrame(
      (frame) =>
        frame.type === 'changes' &&
        frame.collection === 'ledgerEntries' &&
        (frame.documents as { reference: string }[]).some((document) => document.reference === toSecond),
    );
    await recorder.waitForFrame((frame) => frame.type === 'changes' && frame.collection === 'wallets');
    expect(first.ledgerEntries.getState().some((entry) => entry.reference === toSecond)).toBe(false);
    await first.close();

    second = createTestClient(server.url, 'isolation-second');
    await second.login('investidor2@lastro.demo', DEMO_PASSWORD);
    await second.waitForInitialSync();
    await waitForState(second.ledgerEntries, (entries) => entries.some((entry) => entry.reference === toSecond));
    expect(second.wallet.getState()?.id).toBe(investor2.id);
    expect(second.ledgerEntries.getState().some((entry) => entry.reference === toFirst)).toBe(false);

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
