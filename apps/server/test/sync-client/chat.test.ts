import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/db/database.js';
import { newCommandId } from '../support/commands.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatQuota, LastroError, setNetworkAvailable, type ChatMessageDoc, type LastroClient } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, loginToken, recordFrames, startDemoServer, waitForState, type DemoServer } from './support.js';

/** A loan of the demo borrower tomador@lastro.demo. */
const LOAN = 'emp-00008';

let server: DemoServer;
let client: LastroClient;

function decided(client: LastroClient, id: string): Promise<ChatMessageDoc> {
  return waitForState(client.chatMessages, (messages) => messages.some((message) => message.id === id && message.status !== 'pending')).then(
    (messages) => messages.find((message) => message.id === id)!,
  );
}

function auditRecordsOf(messageId: string): number {
  const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS count FROM chat_audit WHERE message_id = ?').get(messageId) as { count: number }).count;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  server = await startDemoServer();
  client = createTestClient(server.url, 'chat');
  await client.login('investidor@lastro.demo', DEMO_PASSWORD);
  await client.waitForInitialSync();
});

afterEach(async () => {
  await client.close();
  await server.stop();
});

describe('chat through the engine', () => {
  it('returns the decision on the document', async () => {
    const id = await client.sendChatMessage({ loanId: LOAN, text: 'Qual é a renda mensal da empresa?' });

    expect(client.chatMessages.getState().find((message) => message.id === id)?.status).toBe('pending');
    const message = await decided(client, id);
    expect(message).toMatchObject({ status: 'accepted', loanId: LOAN, senderRole: 'investor', text: 'Qual é a renda mensal da empresa?' });
    expect(message.seq).toBeGreaterThan(0);
  });

  it('decides an offline message once', async () => {
    setNetworkAvailable(client, false);
    await waitForState(client.connection, (state) => state.status === 'offline');

    const id = await client.sendChatMessage({ loanId: LOAN, text: 'Escrevi isto sem conexão.' });
    expect(client.chatMessages.getState().find((message) => message.id === id)?.status).toBe('pending');
    setNetworkAvailable(client, true);

    expect(await decided(client, id)).toMatchObject({ status: 'accepted' });
    expect(auditRecordsOf(id)).toBe(1);
  });

  it('shows the borrower reply live', async () => {
    const question = await client.sendChatMessage({ loanId: LOAN, text: 'Olá, Carla!' });
    await decided(client, question);
    const investorId = client.session!.user.id;
    const borrower = await recordFrames(server.url, await loginToken(server.url, 'tomador@lastro.demo'));
    const borrowerId = (borrower.frames.find((frame) => frame.type === 'ready') as { user: { id: string } }).user.id;
    const replyId = newCommandId();

    borrower.send({
      type: 'push',
      requestId: 'reply',
      collection: 'chatMessages',
      rows: [
        {
          assumedMasterState: null,
          newDocumentState: {
            id: replyId,
            loanId: LOAN,
            investorId,
            senderId: borrowerId,
            text: 'Olá, Ana! Pode perguntar.',
            status: 'pending',
            sentAt: new Date().toISOString(),
            seq: 0,
            _deleted: false,
          },
        },
      ],
    });

    const messages = await waitForState(client.chatMessages, (list) => list.some((message) => message.id === replyId));
    expect(messages.map((message) => [message.senderRole, message.text])).toEqual([
      ['investor', 'Olá, Carla!'],
      ['borrower', 'Olá, Ana! Pode perguntar.'],
    ]);
    await borrower.close();
  });

  it('rejects empty text locally', async () => {
    await expect(client.sendChatMessage({ loanId: LOAN, text: ' \u200b ' })).rejects.toMatchObject({ kind: 'invalid_request', field: 'text' });
    await expect(client.sendChatMessage({ loanId: LOAN, text: 'x'.repeat(2001) })).rejects.toBeInstanceOf(LastroError);
    expect(client.chatMessages.getState()).toEqual([]);
  });

  it('holds contact data and counts quota', async () => {
    const held = await client.sendChatMessage({ loanId: LOAN, text: 'Meu e-mail é ana@exemplo.com.br' });

    expect(await decided(client, held)).toMatchObject({ status: 'held', reason: 'off_platform_contact', contactKinds: ['email'] });
    const quota = chatQuota(client.chatMessages.getState(), client.session!.user.id, Date.now());
    expect(quota).toEqual({ limit: 10, remaining: 9, retryAt: null });
  });
});
