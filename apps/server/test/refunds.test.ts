import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInspector, newEndToEndId, newRefundId, newTxid, pixItem, type RefundInput } from './support/inspect.js';
import { login, postJson, startTestServer, WEBHOOK_SECRET, type TestServer } from './support/server.js';

describe('PIX refunds (devoluções, PIX-5)', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investorId: string;
  let txid: string;
  let endToEndId: string;

  const sendRefunds = (devolucoes: RefundInput[], valor = '300.00') =>
    postJson(
      `${server.url}/webhooks/pix`,
      { pix: [pixItem({ endToEndId, txid, valor, devolucoes })] },
      { authorization: `Bearer ${WEBHOOK_SECRET}` },
    );

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
    investorId = (await login(server, 'investidor@lastro.demo')).user.id;
  });

  afterAll(async () => {
    inspector.close();
    await server.stop();
  });

  beforeEach(async () => {
    // Each scenario starts from a fresh Pix of R$ 300,00 to the investor.
    txid = newTxid();
    endToEndId = newEndToEndId();
    inspector.bindCharge(txid, investorId);
    const response = await sendRefunds([]);
    expect(response.body).toMatchObject({ credited: 1 });
  });

  it('EM_PROCESSAMENTO blocks, then DEVOLVIDO debits the blocked amount once', async () => {
    const start = inspector.wallet(investorId);
    const refundsOutBefore = inspector.accountBalance('platform:pix_refunds_out');
    const refund: RefundInput = { id: newRefundId(), valor: '40.00', status: 'EM_PROCESSAMENTO' };

    await sendRefunds([refund]);
    const blocked = inspector.wallet(investorId);
    expect(blocked.available).toBe(start.available - 4_000);
    expect(blocked.blocked).toBe(start.blocked + 4_000);

    await sendRefunds([{ ...refund, status: 'DEVOLVIDO' }]);
    const debited = inspector.wallet(investorId);
    expect(debited.available).toBe(start.available - 4_000);
    expect(debited.blocked).toBe(start.blocked);
    expect(inspector.accountBalance('platform:pix_refunds_out') - refundsOutBefore).toBe(4_000);

    const before = inspector.snapshot();
    await sendRefunds([{ ...refund, status: 'DEVOLVIDO' }]);
    expect(inspector.snapshot()).toEqual(before);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('EM_PROCESSAMENTO then NAO_REALIZADO releases the block', async () => {
    const start = inspector.wallet(investorId);
    const refund: RefundInput = { id: newRefundId(), valor: '55.00', status: 'EM_PROCESSAMENTO' };

    await sendRefunds([refund]);
    await sendRefunds([{ ...refund, status: 'NAO_REALIZADO' }]);

    const released = inspector.wallet(investorId);
    expect(released.available).toBe(start.available);
    expect(released.blocked).toBe(start.blocked);
    const entries = inspector.db
      .prepare("SELECT kind, bucket, amount FROM ledger_entries WHERE reference = ? AND user_id IS NOT NULL ORDER BY seq")
      .all(refund.id);
    expect(entries).toEqual([
      { kind: 'pix_refund_block', bucket: 'available', amount: -5_500 },
      { kind: 'pix_refund_block', bucket: 'blocked', amount: 5_500 },
      { kind: 'pix_refund_release', bucket: 'blocked', amount: -5_500 },
      { kind: 'pix_refund_release', bucket: 'available', amount: 5_500 },
    ]);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('DEVOLVIDO without a prior block debits available', async () => {
    const start = inspector.wallet(investorId);

    await sendRefunds([{ id: newRefundId(), valor: '30.00', status: 'DEVOLVIDO' }]);

    const after = inspector.wallet(investorId);
    expect(after.available).toBe(start.available - 3_000);
    expect(after.blocked).toBe(start.blocked);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('ignores an older status after a final one', async () => {
    const refund: RefundInput = { id: newRefundId(), valor: '25.00', status: 'EM_PROCESSAMENTO' };
    await sendRefunds([refund]);
    await sendRefunds([{ ...refund, status: 'DEVOLVIDO' }]);
    const before = inspector.snapshot();

    await sendRefunds([refund]);
    await sendRefunds([{ ...refund, status: 'NAO_REALIZADO' }]);

    expect(inspector.snapshot()).toEqual(before);
    expect(server.logs.some((line) => line.refundId === refund.id && line.storedStatus === 'DEVOLVIDO')).toBe(true);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('ignores a refund that would exceed the Pix amount', async () => {
    await sendRefunds([{ id: newRefundId(), valor: '200.00', status: 'DEVOLVIDO' }]);
    const before = inspector.snapshot();

    // Each callback is valid on its own; together the refunds pass R$ 300,00.
    const response = await sendRefunds([{ id: newRefundId(), valor: '100.01', status: 'EM_PROCESSAMENTO' }]);

    expect(response.status).toBe(200);
    expect(inspector.snapshot()).toEqual(before);
    expect(server.logs.some((line) => line.alert === 'pix_refund_exceeds_pix' && line.endToEndId === endToEndId)).toBe(true);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('applies several refunds of one callback in order', async () => {
    const start = inspector.wallet(investorId);
    const first = newRefundId();
    const second = newRefundId();

    await sendRefunds([
      { id: first, valor: '10.00', status: 'EM_PROCESSAMENTO' },
      { id: second, valor: '20.00', status: 'DEVOLVIDO' },
    ]);

    const after = inspector.wallet(investorId);
    expect(after.available).toBe(start.available - 3_000);
    expect(after.blocked).toBe(start.blocked + 1_000);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });
});
