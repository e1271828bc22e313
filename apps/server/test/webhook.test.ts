import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseInspector, newEndToEndId, newTxid, pixItem } from './support/inspect.js';
import { login, postJson, startTestServer, WEBHOOK_SECRET, type TestServer } from './support/server.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/api-pix-webhook-examples.json', import.meta.url), 'utf8')) as {
  pix: { endToEndId: string; txid: string; valor: string; horario: string; devolucoes?: unknown[] }[];
};

function cloneFixture(): any {
  return JSON.parse(JSON.stringify(fixture));
}

describe('POST /webhooks/pix', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investorId: string;
  let secondInvestorId: string;

  /** Sends a callback with the webhook secret, another secret, or (null) no Authorization header. */
  const sendWebhook = (body: unknown, secret: string | null = WEBHOOK_SECRET) =>
    postJson(`${server.url}/webhooks/pix`, body, secret === null ? {} : { authorization: `Bearer ${secret}` });

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
    investorId = (await login(server, 'investidor@lastro.demo')).user.id;
    secondInvestorId = (await login(server, 'investidor2@lastro.demo')).user.id;
    const [first, second] = fixture.pix;
    inspector.bindCharge(first!.txid, investorId);
    inspector.bindCharge(second!.txid, secondInvestorId);
  });

  afterAll(async () => {
    inspector.close();
    await server.stop();
  });

  it('fixture credits each Pix once (PIX-3, PIX-5)', async () => {
    const investorBefore = inspector.wallet(investorId);
    const secondBefore = inspector.wallet(secondInvestorId);

    const response = await sendWebhook(fixture);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toEqual({ received: 2, credited: 2, duplicates: 0, suspense: 0 });
    const investorAfter = inspector.wallet(investorId);
    // 110,00 credited, then 10,00 moved to blocked by the refund EM_PROCESSAMENTO.
    expect(investorAfter.available - investorBefore.available).toBe(10_000);
    expect(investorAfter.blocked - investorBefore.blocked).toBe(1_000);
    const secondAfter = inspector.wallet(secondInvestorId);
    expect(secondAfter.available - secondBefore.available).toBe(11_000);
    expect(secondAfter.blocked).toBe(secondBefore.blocked);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('replay credits nothing more (PIX-3)', async () => {
    const before = inspector.snapshot();

    const response = await sendWebhook(fixture);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: 2, credited: 0, duplicates: 2, suspense: 0 });
    expect(inspector.snapshot()).toEqual(before);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('concurrent identical callbacks credit once (PIX-3)', async () => {
    const txid = newTxid();
    inspector.bindCharge(txid, secondInvestorId);
    const body = { pix: [pixItem({ endToEndId: newEndToEndId(), txid, valor: '250.00' })] };
    const before = inspector.wallet(secondInvestorId);

    const responses = await Promise.all([sendWebhook(body), sendWebhook(body)]);

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const credited = responses.reduce((sum, response) => sum + (response.body.credited as number), 0);
    const duplicates = responses.reduce((sum, response) => sum + (response.body.duplicates as number), 0);
    expect(credited).toBe(1);
    expect(duplicates).toBe(1);
    expect(inspector.wallet(secondInvestorId).available - before.available).toBe(25_000);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('unknown txid goes to suspense (PIX-4)', async () => {
    const endToEndId = newEndToEndId();
    const txid = newTxid();
    const suspenseBefore = inspector.accountBalance('platform:suspense');
    const walletsBefore = [inspector.wallet(investorId), inspector.wallet(secondInvestorId)];

    const response = await sendWebhook({ pix: [pixItem({ endToEndId, txid, valor: '75.50' })] });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: 1, credited: 0, duplicates: 0, suspense: 1 });
    expect(inspector.accountBalance('platform:suspense') - suspenseBefore).toBe(7_550);
    expect([inspector.wallet(investorId), inspector.wallet(secondInvestorId)]).toEqual(walletsBefore);
    const alert = server.logs.find((line) => line.alert === 'pix_unmatched' && line.endToEndId === endToEndId);
    expect(alert).toBeDefined();
    expect(alert?.txid).toBe(txid);
    expect(alert?.level).toBe(40);
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  it('Pix without txid goes to suspense (PIX-4)', async () => {
    const endToEndId = newEndToEndId();
    const suspenseBefore = inspector.accountBalance('platform:suspense');

    const response = await sendWebhook({ pix: [pixItem({ endToEndId, valor: '12.34' })] });

    expect(response.body).toEqual({ received: 1, credited: 0, duplicates: 0, suspense: 1 });
    expect(inspector.accountBalance('platform:suspense') - suspenseBefore).toBe(1_234);
    expect(server.logs.some((line) => line.alert === 'pix_unmatched' && line.endToEndId === endToEndId)).toBe(true);
  });

  it('replay with a different amount is ignored with an alert', async () => {
    const endToEndId = newEndToEndId();
    const txid = newTxid();
    inspector.bindCharge(txid, investorId);
    await sendWebhook({ pix: [pixItem({ endToEndId, txid, valor: '20.00' })] });
    const before = inspector.snapshot();

    const response = await sendWebhook({ pix: [pixItem({ endToEndId, txid, valor: '2000.00' })] });

    expect(response.body).toEqual({ received: 1, credited: 0, duplicates: 1, suspense: 0 });
    expect(inspector.snapshot()).toEqual(before);
    expect(server.logs.some((line) => line.alert === 'pix_replay_mismatch' && line.endToEndId === endToEndId)).toBe(true);
  });

  const malformed: [string, () => unknown, string][] = [
    ['comma decimal valor', () => withPix((pix) => (pix[0].valor = '110,00')), 'pix[0].valor'],
    ['31-character endToEndId', () => withPix((pix) => (pix[0].endToEndId = pix[0].endToEndId.slice(1))), 'pix[0].endToEndId'],
    ['missing horario', () => withPix((pix) => delete pix[0].horario), 'pix[0].horario'],
    ['unknown refund status', () => withPix((pix) => (pix[0].devolucoes[0].status = 'PENDENTE')), 'pix[0].devolucoes[0].status'],
    ['zero valor in the second Pix', () => withPix((pix) => (pix[1].valor = '0.00')), 'pix[1].valor'],
    ['missing pix list', () => ({}), 'pix'],
    ['empty pix list', () => ({ pix: [] }), 'pix'],
    ['array body', () => [], 'body'],
  ];

  function withPix(change: (pix: any[]) => unknown): unknown {
    const body = cloneFixture();
    // Fresh ids, so only the malformed field could stop the credit.
    body.pix[0].endToEndId = newEndToEndId();
    body.pix[1].endToEndId = newEndToEndId();
    change(body.pix);
    return body;
  }

  it.each(malformed)('rejects %s with 400 (PIX-2)', async (_name, makeBody, field) => {
    const before = inspector.snapshot();

    const response = await sendWebhook(makeBody());

    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe('invalid_request');
    expect(response.body.error.field).toBe(field);
    expect(response.body.error.message).toContain(field);
    expect(inspector.snapshot()).toEqual(before);
  });

  it('rejects a body that is not JSON (PIX-2)', async () => {
    const before = inspector.snapshot();

    const response = await sendWebhook('{"pix": [');

    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe('invalid_request');
    expect(inspector.snapshot()).toEqual(before);
  });

  it('rejects a missing secret (PIX-1)', async () => {
    const before = inspector.snapshot();

    const response = await sendWebhook(withPix(() => undefined), null);

    expect(response.status).toBe(401);
    expect(response.body.error.kind).toBe('unauthorized');
    expect(inspector.snapshot()).toEqual(before);
  });

  it('rejects a wrong secret (PIX-1)', async () => {
    const before = inspector.snapshot();

    const response = await sendWebhook(withPix(() => undefined), `${WEBHOOK_SECRET}x`);

    expect(response.status).toBe(401);
    expect(inspector.snapshot()).toEqual(before);
    expect(JSON.stringify(server.logs)).not.toContain(WEBHOOK_SECRET);
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const before = inspector.snapshot();
    const body = JSON.stringify({ pix: [], padding: 'x'.repeat(1024 * 1024) });

    const response = await sendWebhook(body);

    expect(response.status).toBe(413);
    expect(response.body.error.kind).toBe('payload_too_large');
    expect(inspector.snapshot()).toEqual(before);
  });

  it('ledger verifies after all scenarios (LEDGER-1, LEDGER-2)', () => {
    expect(inspector.verify()).toMatchObject({ ok: true });
  });
});
