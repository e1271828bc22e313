import { PROTOCOL_VERSION, type ServerFrame } from '@lastro/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseInspector, newEndToEndId, newTxid, pixItem } from './support/inspect.js';
import { login, postJson, startTestServer, WEBHOOK_SECRET, type TestServer } from './support/server.js';
import { SyncTestClient, waitFor } from './support/ws-client.js';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

describe('/sync socket', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: { token: string; user: { id: string } };
  let secondInvestor: { token: string; user: { id: string } };
  const clients: SyncTestClient[] = [];

  const connect = async (): Promise<SyncTestClient> => {
    const client = await SyncTestClient.connect(server.url);
    clients.push(client);
    return client;
  };
  const connectAs = async (token: string): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, token);
    clients.push(client);
    return client;
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
    server = await startTestServer({
      demo: true,
      simulator: false,
      syncLimits: { authTimeoutMs: 300, frameBurst: 20, framesPerSecond: 5, maxInvalidFrames: 3 },
    });
    inspector = new DatabaseInspector(server.dataDir);
    investor = await login(server, 'investidor@lastro.demo');
    secondInvestor = await login(server, 'investidor2@lastro.demo');
  });

  afterAll(async () => {
    for (const client of clients) {
      client.close();
    }
    inspector.close();
    await server.stop();
  });

  it('ready names the user and session', async () => {
    const client = await connect();
    client.send({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token: investor.token });

    const ready = await client.next<Frame<'ready'>>((frame) => frame.type === 'ready');

    expect(ready.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(ready.user).toEqual({ id: investor.user.id, role: 'investor', name: 'Ana Ribeiro' });
    expect(ready.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('closes with 4001 when no auth frame arrives in time', async () => {
    const client = await connect();

    expect(await client.closed()).toBe(4001);
    expect(client.frames.some((frame) => frame.type === 'error' && frame.kind === 'unauthorized')).toBe(true);
  });

  it('closes with 4001 on an invalid token', async () => {
    const client = await connect();
    client.send({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token: 'not-a-token' });

    expect(await client.closed()).toBe(4001);
    expect(client.frames[0]).toMatchObject({ type: 'error', kind: 'unauthorized' });
  });

  it.each([1, PROTOCOL_VERSION + 1])('closes with 4002 on protocol version %i', async (protocolVersion) => {
    const client = await connect();
    client.send({ type: 'auth', protocolVersion, token: investor.token });

    expect(await client.closed()).toBe(4002);
    expect(client.frames[0]).toMatchObject({ type: 'error', kind: 'protocol_version_unsupported' });
  });

  it('closes with 4001 on a pull before auth', async () => {
    const client = await connect();
    client.send({ type: 'pull', requestId: 'early', collection: 'loans', checkpoint: null, limit: 10 });

    expect(await client.closed()).toBe(4001);
    expect(client.frames[0]).toMatchObject({ type: 'error', requestId: 'early', kind: 'unauthorized' });
  });

  it('pull returns seq order and checkpoint (SYNC-2)', async () => {
    const client = await connectAs(investor.token);

    const first = await client.pull('loans', null, 50);
    const seqs = first.documents.map((document) => document.seq as number);

    expect(first.documents).toHaveLength(50);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(50);
    expect(first.checkpoint).toEqual({ seq: seqs[49] });
    expect(first.documents.every((document) => document._deleted === false)).toBe(true);

    const next = await client.pull('loans', first.checkpoint, 10);
    expect((next.documents[0]?.seq as number) > seqs[49]!).toBe(true);
  });

  it('pull past the end keeps the checkpoint', async () => {
    const client = await connectAs(investor.token);
    const all = await client.pull('wallets', null, 100);
    expect(all.documents).toHaveLength(1);
    expect(all.documents[0]).toMatchObject({ id: investor.user.id, currency: 'BRL' });

    const empty = await client.pull('wallets', all.checkpoint, 100);

    expect(empty.documents).toEqual([]);
    expect(empty.checkpoint).toEqual(all.checkpoint);
  });

  it('pull with a null checkpoint and nothing to return gives a null checkpoint', async () => {
    const borrower = await login(server, 'tomador@lastro.demo');
    const client = await connectAs(borrower.token);

    const result = await client.pull('ledgerEntries', null, 100);

    expect(result.documents).toEqual([]);
    expect(result.checkpoint).toBeNull();
  });

  it('pages 600+ loans, each once (SYNC-2)', async () => {
    const client = await connectAs(investor.token);
    const seen = new Map<string, number>();
    let checkpoint: { seq: number } | null = null;

    for (let page = 0; page < 20; page += 1) {
      const result = await client.pull('loans', checkpoint, 100);
      for (const document of result.documents) {
        seen.set(document.id as string, (seen.get(document.id as string) ?? 0) + 1);
      }
      checkpoint = result.checkpoint;
      if (result.documents.length < 100) {
        break;
      }
    }

    const total = (inspector.db.prepare('SELECT COUNT(*) AS count FROM loans').get() as { count: number }).count;
    expect(total).toBeGreaterThanOrEqual(600);
    expect(seen.size).toBe(total);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
  });

  it('PIX credit reaches only its owner (SYNC-3)', async () => {
    const owner = await connectAs(investor.token);
    const other = await connectAs(secondInvestor.token);

    await creditPix(investor.user.id, '42.00');
    const entries = await owner.next<Frame<'changes'>>(
      (frame) => frame.type === 'changes' && frame.collection === 'ledgerEntries',
    );
    const wallet = await owner.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'wallets');

    expect(entries.documents).toHaveLength(1);
    expect(entries.documents[0]).toMatchObject({ amount: 4_200, bucket: 'available', kind: 'pix_in', _deleted: false });
    expect(entries.checkpoint).toEqual({ seq: entries.documents[0]!.seq });
    expect(wallet.documents[0]).toMatchObject({ id: investor.user.id, available: inspector.wallet(investor.user.id).available });
    expect(wallet.checkpoint.seq).toBeGreaterThan(entries.checkpoint.seq);

    // Frames arrive in commit order, so once the second user sees their own later credit,
    // any frame about the first user would already have arrived.
    await creditPix(secondInvestor.user.id, '1.00');
    await other.next((frame) => frame.type === 'changes' && frame.collection === 'wallets');
    const leaked = other.frames.concat().filter(
      (frame) =>
        frame.type === 'changes' &&
        frame.collection !== 'loans' &&
        frame.documents.some((document) => document.id === investor.user.id || document.amount === 4_200),
    );
    expect(leaked).toEqual([]);
    expect(other.frames.filter((frame) => frame.type === 'changes' && frame.collection === 'wallets')).toEqual([]);
  });

  it('every change takes a distinct seq (SYNC-1)', async () => {
    await creditPix(investor.user.id, '3.00');

    const seqs = (
      inspector.db
        .prepare(
          `SELECT seq FROM wallets UNION ALL SELECT seq FROM loans
           UNION ALL SELECT seq FROM ledger_entries WHERE user_id IS NOT NULL
           UNION ALL SELECT seq FROM positions UNION ALL SELECT seq FROM commands
           UNION ALL SELECT seq FROM preferences`,
        )
        .all() as { seq: number }[]
    ).map((row) => row.seq);
    const counter = (inspector.db.prepare('SELECT value FROM sync_sequence').get() as { value: number }).value;

    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBeLessThanOrEqual(counter);
    expect(inspector.db.prepare('SELECT COUNT(*) AS count FROM ledger_entries WHERE user_id IS NOT NULL AND seq IS NULL').get()).toEqual({
      count: 0,
    });
  });

  it('pull returns only own wallet (SYNC-3)', async () => {
    const other = await connectAs(secondInvestor.token);

    const wallets = await other.pull('wallets', null, 1000);
    const entries = await other.pull('ledgerEntries', null, 1000);

    expect(wallets.documents.map((document) => document.id)).toEqual([secondInvestor.user.id]);
    const ownTransactions = new Set(
      (inspector.db.prepare('SELECT id FROM ledger_entries WHERE user_id = ?').all(secondInvestor.user.id) as { id: string }[]).map(
        (row) => row.id,
      ),
    );
    expect(entries.documents.length).toBe(ownTransactions.size);
    expect(entries.documents.every((document) => ownTransactions.has(document.id as string))).toBe(true);
  });

  it('push to wallets is forbidden (SYNC-6)', async () => {
    const client = await connectAs(investor.token);
    client.send({
      type: 'push',
      requestId: 'push-1',
      collection: 'wallets',
      rows: [{ assumedMasterState: null, newDocumentState: { id: investor.user.id, available: 99_999_999 } }],
    });

    const error = await client.next<Frame<'error'>>((frame) => frame.type === 'error');

    expect(error).toMatchObject({ requestId: 'push-1', kind: 'forbidden' });
    expect(inspector.wallet(investor.user.id).available).not.toBe(99_999_999);
  });

  it('invalid frame names the field (SYNC-4)', async () => {
    const client = await connectAs(investor.token);
    client.send({ type: 'pull', requestId: 'bad', collection: 'loans', checkpoint: null, limit: 0 });

    const error = await client.next<Frame<'error'>>((frame) => frame.type === 'error');

    expect(error.kind).toBe('invalid_request');
    expect(error.requestId).toBe('bad');
    expect(error.message).toContain('/limit');
    expect(client.closeCode).toBeUndefined();
  });

  it('unknown frame type names /type (SYNC-4)', async () => {
    const client = await connectAs(investor.token);
    client.send({ type: 'subscribe', requestId: 'bad' });

    const error = await client.next<Frame<'error'>>((frame) => frame.type === 'error');

    expect(error.kind).toBe('invalid_request');
    expect(error.message).toContain('/type');
  });

  it('closes with 4008 after repeated invalid frames', async () => {
    const client = await connectAs(investor.token);
    for (let index = 0; index < 3; index += 1) {
      client.send('{"type":"pull"');
    }

    expect(await client.closed()).toBe(4008);
  });

  it('rate-limits a burst of frames with retryAfterMs', async () => {
    const client = await connectAs(investor.token);
    for (let index = 0; index < 30; index += 1) {
      client.send({ type: 'pull', requestId: `burst-${index}`, collection: 'wallets', checkpoint: null, limit: 1 });
    }

    const limited = await client.next<Frame<'error'>>((frame) => frame.type === 'error' && frame.kind === 'rate_limited');

    expect(limited.retryAfterMs).toBeGreaterThan(0);
    expect(limited.requestId).toMatch(/^burst-\d+$/);
    expect(client.closeCode).toBeUndefined();
  });

  it('closes a socket whose frame exceeds the size limit', async () => {
    const client = await connectAs(investor.token);
    client.send({ type: 'pull', requestId: 'x'.repeat(70 * 1024), collection: 'loans', checkpoint: null, limit: 1 });

    // uWebSockets.js drops the connection without a close frame, so the client reports 1006.
    expect([1006, 1009]).toContain(await client.closed());
  });
});

describe('/sync slow consumer', () => {
  it('closes a reader that stops reading with 4009', async () => {
    const server = await startTestServer({
      demo: true,
      simulator: false,
      syncLimits: { maxBackpressure: 256 * 1024, frameBurst: 200, framesPerSecond: 200 },
    });
    try {
      const { token } = await login(server, 'investidor@lastro.demo');
      const client = await SyncTestClient.authenticated(server.url, token);
      client.pauseReading();
      // Each pull result carries the whole loan book (hundreds of KiB), far more than the kernel buffers hold in total.
      for (let index = 0; index < 150; index += 1) {
        client.send({ type: 'pull', requestId: `slow-${index}`, collection: 'loans', checkpoint: null, limit: 1000 });
      }
      await waitFor(() => server.logs.some((line) => line.msg === 'slow consumer; closing'), 10_000, 'slow consumer log');
      client.resumeReading();

      expect(await client.closed(10_000)).toBe(4009);
      expect(client.frames.filter((frame) => frame.type === 'pullResult').length).toBeLessThan(150);
    } finally {
      await server.stop();
    }
  });
});

describe('/sync shutdown', () => {
  it('closes sockets with 1001 when the server stops', async () => {
    const server = await startTestServer({ demo: true, simulator: false });
    const { token } = await login(server, 'investidor@lastro.demo');
    const client = await SyncTestClient.authenticated(server.url, token);

    await server.stop();

    expect(await client.closed()).toBe(1001);
  });
});
