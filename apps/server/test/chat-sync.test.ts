import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageDoc } from '@lastro/protocol';
import { newCommandId, push, type Frame } from './support/commands.js';
import { DatabaseInspector } from './support/inspect.js';
import { login, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

type Login = Awaited<ReturnType<typeof login>>;

/** A loan of the demo borrower (every 40th loan from the 8th belongs to tomador@lastro.demo). */
const LOAN = 'emp-00008';

function chatMessage(sender: Login, text: string, fields: Partial<ChatMessageDoc> | Record<string, unknown> = {}) {
  return {
    id: newCommandId(),
    loanId: LOAN,
    investorId: sender.user.id,
    senderId: sender.user.id,
    text,
    status: 'pending',
    sentAt: new Date().toISOString(),
    seq: 0,
    _deleted: false,
    ...fields,
  };
}

async function send(client: SyncTestClient, message: { id: string }) {
  const result = await push(client, 'chatMessages', [{ assumedMasterState: null, newDocumentState: message }]);
  expect(result.type).toBe('pushResult');
  return client.next<Frame<'changes'>>(
    (frame) => frame.type === 'changes' && frame.collection === 'chatMessages' && frame.documents.some((doc) => doc.id === message.id),
  ).then((frame) => frame.documents.find((doc) => doc.id === message.id) as unknown as ChatMessageDoc);
}

async function pullAll(client: SyncTestClient): Promise<ChatMessageDoc[]> {
  const result = await client.pull('chatMessages', null, 1000);
  return result.documents as unknown as ChatMessageDoc[];
}

describe('chat over the sync socket', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: Login;
  let borrower: Login;
  let otherInvestor: Login;
  const clients: SyncTestClient[] = [];
  const connect = async (who: Login): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, who.token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
    investor = await login(server, 'investidor@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
    otherInvestor = await login(server, 'investidor2@lastro.demo');
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    inspector.close();
    await server.stop();
  });

  it('delivers an accepted message live to both members and the reply back', async () => {
    const investorSocket = await connect(investor);
    const borrowerSocket = await connect(borrower);

    const question = chatMessage(investor, 'Olá! Qual é a finalidade do empréstimo?');
    const decided = await send(investorSocket, question);
    expect(decided).toMatchObject({
      id: question.id,
      status: 'accepted',
      loanId: LOAN,
      investorId: investor.user.id,
      senderName: 'Ana Ribeiro',
      senderRole: 'investor',
    });
    expect(decided.seq).toBeGreaterThan(0);
    const atBorrower = await borrowerSocket.next<Frame<'changes'>>(
      (frame) => frame.type === 'changes' && frame.collection === 'chatMessages' && frame.documents.some((doc) => doc.id === question.id),
    );
    expect(atBorrower.documents[0]).toMatchObject({ status: 'accepted', text: 'Olá! Qual é a finalidade do empréstimo?' });

    const reply = chatMessage(borrower, 'Capital de giro para a loja.', { investorId: investor.user.id });
    expect(await send(borrowerSocket, reply)).toMatchObject({ status: 'accepted', senderRole: 'borrower', senderName: 'Carla Menezes' });
    await investorSocket.next((frame) => frame.type === 'changes' && frame.collection === 'chatMessages' && frame.documents.some((doc) => doc.id === reply.id));
  });

  it('marks the loans whose borrower can chat', async () => {
    const socket = await connect(investor);

    const loans = (await socket.pull('loans', null, 1000)).documents as unknown as { id: string; chatAvailable?: boolean }[];

    expect(loans.find((loan) => loan.id === LOAN)?.chatAvailable).toBe(true);
    expect(loans.find((loan) => loan.id === 'emp-00001')?.chatAvailable).toBe(false);
  });

  it('normalises the text to NFC on the server', async () => {
    const socket = await connect(investor);
    const decomposed = 'Qual e\u0301 o prazo?';
    const decided = await send(socket, chatMessage(investor, decomposed));
    expect(decided.text).toBe('Qual é o prazo?');
    expect(decided.text).toBe(decided.text.normalize('NFC'));
  });

  it('keeps a third investor out', async () => {
    const socket = await connect(otherInvestor);
    const intrusion = chatMessage(otherInvestor, 'Posso participar?', { investorId: investor.user.id });

    const decided = await send(socket, intrusion);

    expect(decided).toMatchObject({ status: 'rejected', reason: 'not_a_member' });
    const visible = await pullAll(socket);
    expect(visible.map((doc) => doc.id)).toEqual([intrusion.id]);
    const investorView = await pullAll(await connect(investor));
    expect(investorView.map((doc) => doc.id)).not.toContain(intrusion.id);
  });

  it('holds contact data for the sender only', async () => {
    const investorSocket = await connect(investor);
    const held = chatMessage(investor, 'Me chama no WhatsApp (11) 98765-4321');

    const decided = await send(investorSocket, held);

    expect(decided).toMatchObject({ status: 'held', reason: 'off_platform_contact', contactKinds: ['phone'] });
    const borrowerView = await pullAll(await connect(borrower));
    expect(borrowerView.map((doc) => doc.id)).not.toContain(held.id);
  });

  it('sends held messages to support users live and by pull', async () => {
    const support = await login(server, 'suporte@lastro.demo');
    const supportSocket = await connect(support);
    const investorSocket = await connect(investor);
    const held = chatMessage(investor, 'Meu PIX é ana@exemplo.com.br');

    await send(investorSocket, held);

    const live = await supportSocket.next<Frame<'changes'>>(
      (frame) => frame.type === 'changes' && frame.collection === 'chatMessages' && frame.documents.some((doc) => doc.id === held.id),
    );
    expect(live.documents.find((doc) => doc.id === held.id)).toMatchObject({ status: 'held', contactKinds: ['pix_key', 'email'] });
    const pulled = await pullAll(supportSocket);
    expect(pulled.filter((doc) => doc.status === 'held').map((doc) => doc.id)).toContain(held.id);
    expect(pulled.some((doc) => doc.status === 'accepted' && doc.senderId !== support.user.id)).toBe(false);
  });

  it('names a loan without a borrower account as chat_unavailable', async () => {
    const socket = await connect(investor);

    const decided = await send(socket, chatMessage(investor, 'Olá?', { loanId: 'emp-00001' }));

    expect(decided).toMatchObject({ status: 'rejected', reason: 'chat_unavailable' });
  });

  it('returns the stored decision for a repeated id and never decides it twice', async () => {
    const socket = await connect(investor);
    const message = chatMessage(investor, 'Repetindo o envio');
    await send(socket, message);

    const again = await push(socket, 'chatMessages', [{ assumedMasterState: null, newDocumentState: message }]);

    expect(again).toMatchObject({ type: 'pushResult', conflicts: [expect.objectContaining({ id: message.id, status: 'accepted' })] });
    expect(inspector.db.prepare('SELECT COUNT(*) AS count FROM chat_audit WHERE message_id = ?').get(message.id)).toEqual({ count: 1 });
  });

  it.each([
    ['another sender id', (who: Login) => ({ senderId: 'someone-else', investorId: who.user.id })],
    ['a status other than pending', () => ({ status: 'accepted' })],
    ['a server field', () => ({ reason: 'rate_limited' })],
    ['an invalid id', () => ({ id: 'not-a-uuid' })],
  ] as [string, (who: Login) => Record<string, unknown>][])('rejects a row with %s as invalid_request and stores nothing', async (_label, fields) => {
    const socket = await connect(investor);
    const before = inspector.db.prepare('SELECT COUNT(*) AS count FROM chat_messages').get();

    const result = await push(socket, 'chatMessages', [{ assumedMasterState: null, newDocumentState: chatMessage(investor, 'Oi', fields(investor)) }]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request' });
    expect(inspector.db.prepare('SELECT COUNT(*) AS count FROM chat_messages').get()).toEqual(before);
  });

  it('counts the limit across sessions', async () => {
    // The other investor has one uncounted not_a_member attempt so far.
    const firstDevice = await connect(otherInvestor);
    const ownRoom = (text: string) => chatMessage(otherInvestor, text);
    for (let index = 1; index <= 5; index += 1) {
      expect(await send(firstDevice, ownRoom(`Pergunta ${index}`))).toMatchObject({ status: 'accepted' });
    }
    const secondSession = await login(server, 'investidor2@lastro.demo');
    const secondDevice = await connect(secondSession);
    for (let index = 6; index <= 10; index += 1) {
      expect(await send(secondDevice, ownRoom(`Pergunta ${index}`))).toMatchObject({ status: 'accepted' });
    }
    firstDevice.close();
    const reconnected = await connect(otherInvestor);

    const eleventh = await send(reconnected, ownRoom('Pergunta 11'));

    expect(eleventh).toMatchObject({ status: 'rejected', reason: 'rate_limited' });
    const first = inspector.db
      .prepare("SELECT MIN(created_at) AS at FROM chat_messages WHERE sender_id = ? AND status = 'accepted'")
      .get(otherInvestor.user.id) as { at: string };
    expect(eleventh.retryAt).toBe(new Date(Date.parse(first.at) + 60 * 60_000).toISOString());
  });
});
