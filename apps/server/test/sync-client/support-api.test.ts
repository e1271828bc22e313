import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LastroError, type LastroClient } from '@lastro/engine';
import { newCommandId } from '../support/commands.js';
import { createTestClient, DEMO_PASSWORD, loginToken, recordFrames, startDemoServer, type DemoServer } from './support.js';

/** A loan of the demo borrower tomador@lastro.demo. */
const LOAN = 'emp-00008';

let server: DemoServer;
let support: LastroClient;
let investorId: string;

/** Sends one chat message as the demo investor over a raw socket and waits for its decision. */
async function sendAsInvestor(text: string): Promise<string> {
  const recorder = await recordFrames(server.url, await loginToken(server.url, 'investidor@lastro.demo'));
  investorId = (recorder.frames.find((frame) => frame.type === 'ready') as { user: { id: string } }).user.id;
  const id = newCommandId();
  recorder.send({
    type: 'push',
    requestId: id,
    collection: 'chatMessages',
    rows: [
      {
        assumedMasterState: null,
        newDocumentState: { id, loanId: LOAN, investorId, senderId: investorId, text, status: 'pending', sentAt: new Date().toISOString(), seq: 0, _deleted: false },
      },
    ],
  });
  await recorder.waitForFrame(
    (frame) => frame.type === 'changes' && (frame.documents as { id: string; status: string }[]).some((doc) => doc.id === id && doc.status !== 'pending'),
  );
  await recorder.close();
  return id;
}

beforeAll(async () => {
  server = await startDemoServer();
  support = createTestClient(server.url, 'support');
  await support.login('suporte@lastro.demo', DEMO_PASSWORD);
});

afterAll(async () => {
  await support.close();
  await server.stop();
});

describe('support API through the engine', () => {
  it('lists and releases a held message', async () => {
    const held = await sendAsInvestor('Me chama no WhatsApp (11) 98765-4321');

    const queue = await support.support.listHeldMessages();
    const released = await support.support.releaseMessage(held);

    expect(queue.map((message) => message.id)).toContain(held);
    expect(released).toMatchObject({ id: held, status: 'accepted' });
    expect((await support.support.listHeldMessages()).map((message) => message.id)).not.toContain(held);
  });

  it('reports a second review as a conflict', async () => {
    const held = await sendAsInvestor('Meu CPF é 123.456.789-09');
    await support.support.rejectMessage(held);

    const error = await support.support.releaseMessage(held).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(LastroError);
    expect(error).toMatchObject({ kind: 'conflict', status: 409 });
  });

  it('searches, verifies and exports the audit log', async () => {
    await sendAsInvestor('Qual é o prazo de carência?');

    const page = await support.support.searchAudit({ text: 'carencia' });
    const verify = await support.support.verifyAudit();
    const file = await support.support.exportAudit({ format: 'csv' });

    expect(page.records.map((record) => record.text)).toEqual(['Qual é o prazo de carência?']);
    expect(verify).toMatchObject({ ok: true });
    expect(file.fileName).toMatch(/\.csv$/);
    expect(file.text.split('\r\n')[0]).toMatch(/^seq,/);
    expect(file.text).toContain('Qual é o prazo de carência?');
  });

  it('reads every room message', async () => {
    const rooms = await support.support.listRoomMessages(`chat:${LOAN}:${investorId}`);

    expect(rooms.map((message) => message.status)).toEqual(expect.arrayContaining(['accepted', 'rejected']));
  });

  it('lists the notes of a loan', async () => {
    const notes = await support.support.listLoanNotes('emp-00030');
    const unknown = await support.support.listLoanNotes('emp-99999').catch((error: unknown) => error);

    expect(notes).toEqual([]);
    expect(unknown).toBeInstanceOf(LastroError);
    expect((unknown as LastroError).kind).toBe('not_found');
  });

  it('is forbidden to an investor', async () => {
    // The support client uses this process's RxDB collections, so the investor calls over HTTP.
    const token = await loginToken(server.url, 'investidor@lastro.demo');

    const response = await fetch(`${server.url}/api/v1/support/audit/verify`, { headers: { authorization: `Bearer ${token}` } });

    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe('forbidden');
  });
});
