import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saoPauloHour } from '@lastro/domain';
import type { NotificationDoc } from '@lastro/protocol';
import { investCommand, newCommandId, openLoans, push, pushCommand, type Frame } from './support/commands.js';
import { DatabaseInspector, newEndToEndId, newTxid, pixItem } from './support/inspect.js';
import { login, postJson, startTestServer, WEBHOOK_SECRET, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

type Login = Awaited<ReturnType<typeof login>>;

/** A loan of the demo borrower tomador@lastro.demo. */
const BORROWER_LOAN = 'emp-00008';

describe('notifications', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: Login;
  let borrower: Login;
  const clients: SyncTestClient[] = [];

  const connect = async (who: Login): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, who.token);
    clients.push(client);
    return client;
  };
  const notificationsOf = (userId: string): NotificationDoc[] =>
    (inspector.db.prepare('SELECT id, type, priority FROM notifications WHERE user_id = ? ORDER BY seq').all(userId) as NotificationDoc[]);
  const nextNotification = async (client: SyncTestClient, predicate: (doc: NotificationDoc) => boolean): Promise<NotificationDoc> => {
    const frame = await client.next<Frame<'changes'>>(
      (candidate) =>
        candidate.type === 'changes' &&
        candidate.collection === 'notifications' &&
        (candidate.documents as unknown as NotificationDoc[]).some(predicate),
    );
    return (frame.documents as unknown as NotificationDoc[]).find(predicate)!;
  };
  const postPix = async (userId: string, valor: string, endToEndId = newEndToEndId(), txid = newTxid()) => {
    inspector.bindCharge(txid, userId);
    const body = { pix: [pixItem({ endToEndId, txid, valor })] };
    return { endToEndId, txid, body, response: await postJson(`${server.url}/webhooks/pix`, body, { authorization: `Bearer ${WEBHOOK_SECRET}` }) };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
    investor = await login(server, 'investidor@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    inspector.close();
    await server.stop();
  });

  it('creates one critical notification per PIX, however often it is sent', async () => {
    const socket = await connect(investor);
    const pix = await postPix(investor.user.id, '500.00');

    const notification = await nextNotification(socket, (doc) => doc.id === `pix:${pix.endToEndId}`);
    for (let retry = 0; retry < 5; retry += 1) {
      await postJson(`${server.url}/webhooks/pix`, pix.body, { authorization: `Bearer ${WEBHOOK_SECRET}` });
    }

    expect(notification).toMatchObject({
      type: 'pix_received',
      priority: 'critical',
      titlePt: 'PIX recebido',
      bodyPt: 'R$\u00a0500,00 creditados na sua carteira.',
      titleEn: 'PIX received',
      bodyEn: 'R$\u00a0500,00 credited to your wallet.',
    });
    expect(notification.deliverAt).toBe(notification.createdAt);
    expect(notificationsOf(investor.user.id).filter((doc) => doc.id === `pix:${pix.endToEndId}`)).toHaveLength(1);
    const pulled = (await socket.pull('notifications', null, 1000)).documents as unknown as NotificationDoc[];
    expect(pulled.filter((doc) => doc.id === `pix:${pix.endToEndId}`)).toHaveLength(1);
  });

  it('confirms an investment at once and schedules a rejection', async () => {
    const socket = await connect(investor);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 5_000)!;

    const accepted = await pushCommand(socket, investCommand(loan.id, 5_000));
    const rejected = await pushCommand(socket, investCommand(loan.id, 100));

    expect(accepted.stored.status).toBe('accepted');
    expect(rejected.stored.status).toBe('rejected');
    const confirmation = await nextNotification(socket, (doc) => doc.id === `inv:${accepted.stored.id}`);
    expect(confirmation).toMatchObject({ type: 'investment_confirmed', priority: 'critical', loanId: loan.id });
    const rejection = await nextNotification(socket, (doc) => doc.id === `inv:${rejected.stored.id}`);
    expect(rejection).toMatchObject({ type: 'investment_rejected', priority: 'normal', bodyPt: expect.stringContaining('abaixo do mínimo de R$ 25,00') });
    expect(Date.parse(rejection.deliverAt)).toBeGreaterThanOrEqual(Date.parse(rejection.createdAt));
  });

  it('tells investors about status changes of loans they hold', async () => {
    const socket = await connect(investor);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 2_500)!;
    await pushCommand(socket, investCommand(loan.id, 2_500));

    const updated = server.updateLoanStatus(loan.id, 'cancelled');

    const notification = await nextNotification(socket, (doc) => doc.type === 'loan_status_changed' && doc.loanId === loan.id);
    expect(notification.id).toBe(`loan:${loan.id}:${updated!.seq}`);
    expect(notification.titlePt).toBe(`Empréstimo ${loan.id}: Cancelado`);
    expect(notificationsOf(borrower.user.id).some((doc) => doc.type === 'loan_status_changed')).toBe(false);
  });

  it('tells the other member about an accepted chat message', async () => {
    const investorSocket = await connect(investor);
    const borrowerSocket = await connect(borrower);
    const id = newCommandId();
    const message = {
      id,
      loanId: BORROWER_LOAN,
      investorId: investor.user.id,
      senderId: investor.user.id,
      text: 'Qual é a carência?',
      status: 'pending',
      sentAt: new Date().toISOString(),
      seq: 0,
      _deleted: false,
    };

    await push(investorSocket, 'chatMessages', [{ assumedMasterState: null, newDocumentState: message }]);

    const notification = await nextNotification(borrowerSocket, (doc) => doc.id === `chat:${id}`);
    expect(notification).toMatchObject({ type: 'chat_message', priority: 'normal', titlePt: 'Nova mensagem de Ana Ribeiro', bodyPt: 'Qual é a carência?' });
    expect(notificationsOf(investor.user.id).some((doc) => doc.id === `chat:${id}`)).toBe(false);
  });

  it('stamps tracking with server time and keeps the first channel', async () => {
    const socket = await connect(investor);
    const pix = await postPix(investor.user.id, '1.00');
    const created = await nextNotification(socket, (doc) => doc.id === `pix:${pix.endToEndId}`);
    const { _deleted: _ignored, ...base } = created as NotificationDoc & { _deleted?: boolean };

    const shown = await push(socket, 'notifications', [
      { assumedMasterState: created, newDocumentState: { ...base, shownAt: '2000-01-01T00:00:00.000Z', shownChannel: 'in_app', _deleted: false } },
    ]);
    const afterShown = await nextNotification(socket, (doc) => doc.id === created.id && doc.shownAt !== undefined);
    const again = await push(socket, 'notifications', [
      { assumedMasterState: afterShown, newDocumentState: { ...afterShown, shownAt: '2000-01-01T00:00:00.000Z', shownChannel: 'os', openedAt: '2000-01-01T00:00:00.000Z', _deleted: false } },
    ]);
    const afterOpened = await nextNotification(socket, (doc) => doc.id === created.id && doc.openedAt !== undefined);

    expect(shown.type).toBe('pushResult');
    expect(afterShown.shownChannel).toBe('in_app');
    expect(afterShown.shownAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(afterShown.deliveredAt).toBe(afterShown.shownAt);
    expect(again).toMatchObject({ type: 'pushResult', conflicts: [expect.objectContaining({ id: created.id, shownChannel: 'in_app' })] });
    expect(afterOpened).toMatchObject({ shownChannel: 'in_app', shownAt: afterShown.shownAt });
    expect(afterOpened.readAt).toBe(afterOpened.openedAt);
  });

  it('announces a new loan that matches the saved filter', async () => {
    const socket = await connect(investor);
    const current = (await socket.pull('preferences', null, 10)).documents[0] as Record<string, unknown>;
    const result = await push(socket, 'preferences', [
      {
        assumedMasterState: current,
        newDocumentState: { ...current, loanAlert: { grades: ['B', 'A'], minRateMonthlyBps: 150, maxTermMonths: 36 }, _deleted: false },
      },
    ]);
    expect(result).toMatchObject({ type: 'pushResult', conflicts: [] });
    const base = {
      borrowerName: 'Rita P.',
      purpose: 'Reforma da loja',
      state: 'MG',
      amount: 800_000,
      funded: 0,
      status: 'open' as const,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      borrowerUserId: null,
    };

    server.createLoan({ ...base, id: 'emp-alerta-1', grade: 'C', rateMonthlyBps: 200, termMonths: 12 });
    server.createLoan({ ...base, id: 'emp-alerta-2', grade: 'B', rateMonthlyBps: 189, termMonths: 24 });

    const match = await nextNotification(socket, (doc) => doc.type === 'loan_match');
    expect(match).toMatchObject({
      id: 'match:emp-alerta-2',
      priority: 'normal',
      loanId: 'emp-alerta-2',
      titlePt: 'Novo pedido no seu filtro: emp-alerta-2',
      bodyPt: 'Rita P., Reforma da loja: R$\u00a08.000,00, grau B, 1,89% a.m., 24 meses.',
    });
    expect(notificationsOf(investor.user.id).some((doc) => doc.id === 'match:emp-alerta-1')).toBe(false);
  });

  it('reports delivery and opening to support', async () => {
    const support = await login(server, 'suporte@lastro.demo');
    const get = (query: string, token = support.token) =>
      fetch(`${server.url}/api/v1/support/notifications/stats${query}`, { headers: { authorization: `Bearer ${token}` } });

    const response = await get('');
    const body = (await response.json()) as { rows: { type: string; channel: string; delivered: number; opened: number }[] };

    expect(response.status).toBe(200);
    expect(body.rows.find((row) => row.type === 'pix_received' && row.channel === 'in_app')).toMatchObject({ opened: 1 });
    expect((await get('', investor.token)).status).toBe(403);
    expect((await get('?from=ontem')).status).toBe(400);
  });

  it('rejects tracking of a notification the server does not have', async () => {
    const socket = await connect(investor);
    const invented = {
      id: 'pix:E00000000000000000000000000000000',
      type: 'pix_received',
      priority: 'critical',
      titlePt: 'x',
      bodyPt: 'x',
      titleEn: 'x',
      bodyEn: 'x',
      createdAt: new Date().toISOString(),
      deliverAt: new Date().toISOString(),
      readAt: new Date().toISOString(),
      seq: 0,
      _deleted: false,
    };

    const result = await push(socket, 'notifications', [{ assumedMasterState: null, newDocumentState: invented }]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('only the server creates notifications') });
  });

  it('skips muted types but never critical ones, and respects quiet hours', async () => {
    const socket = await connect(investor);
    const current = (await socket.pull('preferences', null, 10)).documents[0] as Record<string, unknown>;
    await push(socket, 'preferences', [
      {
        assumedMasterState: current,
        newDocumentState: { ...current, mutedNotificationTypes: ['loan_status_changed', 'pix_received'], quietHoursStart: 17, quietHoursEnd: 12, _deleted: false },
      },
    ]);
    const stored = (await socket.pull('preferences', null, 10)).documents[0] as Record<string, unknown>;
    expect(stored.mutedNotificationTypes).toEqual(['loan_status_changed']);

    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 2_500)!;
    await pushCommand(socket, investCommand(loan.id, 2_500));
    server.updateLoanStatus(loan.id, 'cancelled');
    const pix = await postPix(investor.user.id, '2.00');
    await nextNotification(socket, (doc) => doc.id === `pix:${pix.endToEndId}`);

    expect(notificationsOf(investor.user.id).some((doc) => doc.id.startsWith(`loan:${loan.id}:`))).toBe(false);

    // Quiet from 17:00 to 12:00 covers both delivery windows, so a normal notification waits for 12:00.
    const rejected = await pushCommand(socket, investCommand(loan.id, 100));
    const rejection = await nextNotification(socket, (doc) => doc.id === `inv:${rejected.stored.id}`);
    expect(saoPauloHour(Date.parse(rejection.deliverAt))).toBe(12);
  });
});
