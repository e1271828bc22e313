import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@lastro/protocol';
import { push, type Frame } from './support/commands.js';
import { DatabaseInspector, newEndToEndId, newTxid, pixItem } from './support/inspect.js';
import { login, postJson, startTestServer, WEBHOOK_SECRET, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

describe('preferences and change streams', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: { token: string; user: { id: string } };
  let secondInvestor: { token: string; user: { id: string } };
  const clients: SyncTestClient[] = [];

  const connectAs = async (token: string): Promise<{ client: SyncTestClient; ready: Frame<'ready'> }> => {
    const client = await SyncTestClient.connect(server.url);
    clients.push(client);
    client.send({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token });
    const ready = await client.next<Frame<'ready'>>((frame) => frame.type === 'ready');
    return { client, ready };
  };
  const creditPix = async (userId: string, valor: string): Promise<void> => {
    const txid = newTxid();
    inspector.bindCharge(txid, userId);
    const response = await postJson(
      `${server.url}/webhooks/pix`,
      { pix: [pixItem({ endToEndId: newEndToEndId(), txid, valor })] },
      { authorization: `Bearer ${WEBHOOK_SECRET}` },
    );
    expect(response.body).toMatchObject({ credited: 1 });
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
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

  it('pull returns the default preferences (PREF-1)', async () => {
    const { client } = await connectAs(investor.token);

    const pulled = await client.pull('preferences', null, 10);

    expect(pulled.documents).toEqual([
      expect.objectContaining({ id: investor.user.id, language: 'pt-BR', defaultInvestAmount: 10_000, _deleted: false }),
    ]);
  });

  it('connect creates missing preferences (PREF-1)', async () => {
    const support = await login(server, 'suporte@lastro.demo');
    inspector.db.prepare('DELETE FROM preferences WHERE user_id = ?').run(support.user.id);
    const { client } = await connectAs(support.token);

    const pulled = await client.pull('preferences', null, 10);

    expect(pulled.documents).toEqual([
      expect.objectContaining({ id: support.user.id, language: 'pt-BR', defaultInvestAmount: 10_000 }),
    ]);
  });

  it('stale write gets the server document (PREF-2)', async () => {
    const { client } = await connectAs(investor.token);
    const [current] = (await client.pull('preferences', null, 10)).documents;

    const accepted = await push(client, 'preferences', [
      { assumedMasterState: current, newDocumentState: { ...current, language: 'en', defaultInvestAmount: 50_000 } },
    ]);
    const change = await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'preferences');
    const stale = await push(client, 'preferences', [
      { assumedMasterState: current, newDocumentState: { ...current, defaultInvestAmount: 1 } },
    ]);

    expect(accepted).toMatchObject({ type: 'pushResult', conflicts: [] });
    const stored = change.documents[0]!;
    expect(stored).toMatchObject({ id: investor.user.id, language: 'en', defaultInvestAmount: 50_000 });
    expect(stored.seq).toBeGreaterThan(current!.seq as number);
    expect(stale).toMatchObject({ type: 'pushResult', conflicts: [stored] });
    expect((await client.pull('preferences', null, 10)).documents).toEqual([stored]);
  });

  it('preferences of another user are invalid (PREF-3)', async () => {
    const { client } = await connectAs(investor.token);
    const [own] = (await client.pull('preferences', null, 10)).documents;

    const result = await push(client, 'preferences', [
      { assumedMasterState: null, newDocumentState: { ...own, id: secondInvestor.user.id } },
    ]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('/rows/0/newDocumentState/id') });
  });

  it('preferences with an invalid language name the field (PREF-3)', async () => {
    const { client } = await connectAs(investor.token);
    const [own] = (await client.pull('preferences', null, 10)).documents;

    const result = await push(client, 'preferences', [{ assumedMasterState: own, newDocumentState: { ...own, language: 'fr' } }]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('/rows/0/newDocumentState/language') });
    expect((await client.pull('preferences', null, 10)).documents).toEqual([own]);
  });

  it('stream indexes are consecutive from ready (SYNC-7)', async () => {
    const { client, ready } = await connectAs(investor.token);
    const loan = inspector.db.prepare("SELECT id FROM loans WHERE status = 'open' LIMIT 1").get() as { id: string };

    await creditPix(investor.user.id, '2.00');
    server.updateLoanStatus(loan.id, 'open');
    await creditPix(investor.user.id, '3.00');
    server.updateLoanStatus(loan.id, 'open');
    await creditPix(secondInvestor.user.id, '4.00');

    const expectedUserFrames = 4; // ledger entries and wallet, per credit
    const userFrames: Frame<'changes'>[] = [];
    for (let count = 0; count < expectedUserFrames; count += 1) {
      userFrames.push(await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.stream === 'user'));
    }
    const loanFrames = [
      await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.stream === 'loans'),
      await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.stream === 'loans'),
    ];
    expect(userFrames.map((frame) => frame.index)).toEqual([1, 2, 3, 4].map((step) => ready.streams.user + step));
    expect(loanFrames.map((frame) => frame.index)).toEqual([1, 2].map((step) => ready.streams.loans + step));
    expect(loanFrames.every((frame) => frame.collection === 'loans')).toBe(true);
  });

  it('ready reports the index of the last frame (SYNC-7)', async () => {
    const { client: first } = await connectAs(investor.token);
    await creditPix(investor.user.id, '1.00');
    const entries = await first.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'ledgerEntries');
    const wallet = await first.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'wallets');
    const notification = await first.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'notifications');
    expect(wallet.index).toBe(entries.index + 1);
    expect(notification.index).toBe(wallet.index + 1);

    const { client: second, ready } = await connectAs(investor.token);
    await creditPix(investor.user.id, '1.00');
    const next = await second.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.stream === 'user');

    expect(ready.streams.user).toBe(notification.index);
    expect(next.index).toBe(ready.streams.user + 1);
  });

  it('other users do not share the user stream counter (SYNC-7)', async () => {
    const { ready: before } = await connectAs(secondInvestor.token);
    await creditPix(investor.user.id, '1.00');

    const { ready: after } = await connectAs(secondInvestor.token);

    expect(after.streams.user).toBe(before.streams.user);
  });
});
