import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PROTOCOL_VERSION } from '@lastro/protocol';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { SupportPage } from '../pages/support-page';
import { logInAsInvestor } from '../scenarios';
import { DEMO_INVESTOR, DEMO_PASSWORD, useLastroServer } from '../support/server';
import { failOnUncaughtErrors } from '../support/uncaught-errors';

const server = useLastroServer();
const DEMO_SUPPORT = 'suporte@lastro.demo';
/** A loan of the demo borrower, so the investor can open a room on it. */
const LOAN = 'emp-00008';
const CSV_HEADER = 'seq,recorded_at,user_id,session_id,room_id,message_id,text,decision,reason,actor_id,prev_hash,hash';

failOnUncaughtErrors(() => server().appUrl);

/** Splits an RFC 4180 CSV text into rows of fields: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else {
      field += char;
    }
  }
  // A CSV that ends with CRLF leaves no partial field or row behind.
  expect(field, 'the CSV ends with CRLF').toBe('');
  expect(row, 'the CSV ends with CRLF').toEqual([]);
  return rows;
}

/** A UUIDv7, as the app generates message ids. */
function uuidV7(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function apiLogin(request: APIRequestContext, email: string): Promise<{ token: string; userId: string }> {
  const response = await request.post(`${server().url}/auth/login`, {
    data: { email, password: DEMO_PASSWORD, device: { id: 'e2e-support-spec', name: 'Playwright', platform: 'cli' } },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id };
}

/**
 * Sends chat messages as the investor over the sync socket, from a blank browser page (Node 20
 * has no WebSocket), and returns the status the server decided for each.
 */
async function sendChatMessages(browser: Browser, token: string, userId: string, texts: string[]): Promise<{ id: string; status: string }[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const messages = texts.map((text) => ({
      id: uuidV7(),
      loanId: LOAN,
      investorId: userId,
      senderId: userId,
      text,
      status: 'pending',
      sentAt: new Date().toISOString(),
      seq: 0,
      _deleted: false,
    }));
    const statuses = await page.evaluate(
      ({ socketUrl, token: sessionToken, protocolVersion, rows }) =>
        new Promise<string[]>((resolve, reject) => {
          const socket = new WebSocket(socketUrl);
          const decided = new Map<string, string>();
          const timer = setTimeout(() => reject(new Error(`no decision within 10 s; got ${JSON.stringify([...decided])}`)), 10_000);
          socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', protocolVersion, token: sessionToken }));
          socket.onmessage = (event) => {
            const frame = JSON.parse(String(event.data)) as { type: string; collection?: string; documents?: { id: string; status: string }[] };
            if (frame.type === 'ready') {
              socket.send(
                JSON.stringify({
                  type: 'push',
                  requestId: 'e2e-push',
                  collection: 'chatMessages',
                  rows: rows.map((row) => ({ assumedMasterState: null, newDocumentState: row })),
                }),
              );
            } else if (frame.type === 'error') {
              reject(new Error(`socket error frame: ${JSON.stringify(frame)}`));
            } else if (frame.type === 'changes' && frame.collection === 'chatMessages') {
              for (const doc of frame.documents ?? []) decided.set(doc.id, doc.status);
              if (rows.every((row) => decided.has(row.id))) {
                clearTimeout(timer);
                socket.close();
                resolve(rows.map((row) => decided.get(row.id) ?? ''));
              }
            }
          };
          socket.onerror = () => reject(new Error('socket failed'));
        }),
      { socketUrl: `${server().url.replace(/^http/, 'ws')}/sync`, token, protocolVersion: PROTOCOL_VERSION, rows: messages },
    );
    return messages.map((message, index) => ({ id: message.id, status: statuses[index] ?? '' }));
  } finally {
    await context.close();
  }
}

test('support console reviews, searches, verifies and exports', async ({ page, browser, request }) => {
  const investor = await apiLogin(request, DEMO_INVESTOR);
  const [toRelease, toReject] = await sendChatMessages(browser, investor.token, investor.userId, [
    'Me chama no WhatsApp (11) 98765-4321',
    'Meu e-mail é ana@example.com, me escreve lá',
  ]);
  expect(toRelease!.status).toBe('held');
  expect(toReject!.status).toBe('held');

  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(DEMO_SUPPORT, DEMO_PASSWORD);
  const support = new SupportPage(page);
  await support.expectLoaded();
  await expect(page).toHaveURL(/#\/support$/);
  await expect(support.navLink).toBeVisible();

  await expect(support.heldMessages).toHaveCount(2);
  await expect(support.navHeldCount).toHaveText('2');
  const releaseRow = support.heldMessage(toRelease!.id);
  await expect(releaseRow.getByTestId('held-text')).toHaveText('Me chama no WhatsApp (11) 98765-4321');
  await expect(releaseRow.getByTestId('held-sender')).toHaveText('Ana Ribeiro · investidor@lastro.demo');
  await expect(releaseRow).toContainText('telefone');
  await expect(releaseRow).toContainText(`Empréstimo ${LOAN}`);
  await expect(support.heldMessage(toReject!.id)).toContainText('e-mail');
  await expect(releaseRow.getByTestId('held-parties')).toContainText('Investidor: Ana Ribeiro');

  // The room's other messages show on request, with their decisions.
  await releaseRow.getByTestId('held-history-toggle').click();
  const history = releaseRow.getByTestId('held-history-message');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toHaveAttribute('data-status', 'held');
  await expect(history.first()).toContainText('Meu e-mail é ana@example.com, me escreve lá');
  await releaseRow.getByTestId('held-history-toggle').click();
  await expect(history).toHaveCount(0);

  await support.review(toRelease!.id, 'release');
  await expect(support.heldNotice).toHaveText('Mensagem liberada.');
  await expect(releaseRow).toHaveCount(0);
  await support.review(toReject!.id, 'reject');
  await expect(support.heldNotice).toHaveText('Mensagem rejeitada.');
  await expect(support.heldMessages).toHaveCount(0);
  await expect(page.getByTestId('held-empty')).toBeVisible();
  await expect(support.navHeldCount).toHaveCount(0);

  await support.searchByText('whatsapp');
  await expect(support.resultRows).toHaveCount(2);
  await expect(support.resultRows.nth(0)).toHaveAttribute('data-decision', 'released');
  await expect(support.resultRows.nth(0)).toContainText('Liberada pelo suporte');
  await expect(support.resultRows.nth(0)).toContainText('por Suporte Lastro');
  await expect(support.resultRows.nth(1)).toHaveAttribute('data-decision', 'held');
  await expect(support.resultRows.nth(1)).toContainText('Ana Ribeiro (investidor@lastro.demo)');
  await expect(support.resultRows.nth(1)).toContainText('Me chama no WhatsApp (11) 98765-4321');
  // Times show in São Paulo as dd/mm/yyyy hh:mm, as everywhere else in the app.
  await expect(support.resultRows.nth(1).locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

  await support.searchByText('nada parecido com isso');
  await expect(support.searchEmpty).toBeVisible();

  await support.verifyButton.click();
  await expect(support.verifyResult).toHaveAttribute('data-ok', 'true');
  await expect(support.verifyResult).toContainText('Cadeia íntegra. Registros verificados: 4.');

  const download = await support.export('csv');
  expect(download.suggestedFilename()).toBe('lastro-chat-audit_inicio_fim.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith(`${CSV_HEADER}\r\n`)).toBe(true);
  const rows = parseCsv(csv).slice(1);
  expect(rows.map((row) => [row[0], row[5], row[7]])).toEqual([
    ['1', toRelease!.id, 'held'],
    ['2', toReject!.id, 'held'],
    ['3', toRelease!.id, 'released'],
    ['4', toReject!.id, 'rejected_by_support'],
  ]);
  expect(rows[3]![8]).toBe('rejected_by_support');
  expect(rows[1]![6]).toBe('Meu e-mail é ana@example.com, me escreve lá');
  expect(rows.every((row) => row[2] === investor.userId && /^[0-9a-f]{64}$/.test(row.at(-1) ?? ''))).toBe(true);
  await expect(support.exportDone).toContainText('(4 registros)');

  // The next search clears the download message.
  await support.searchByText('whatsapp');
  await expect(support.resultRows).toHaveCount(2);
  await expect(support.exportDone).toHaveCount(0);
});

test('held queue follows new held messages live', async ({ page, browser, request }) => {
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(DEMO_SUPPORT, DEMO_PASSWORD);
  const support = new SupportPage(page);
  await support.expectLoaded();
  await expect(support.heldQueue).toHaveAttribute('data-count', /^\d+$/);
  const before = Number(await support.heldQueue.getAttribute('data-count'));

  const investor = await apiLogin(request, DEMO_INVESTOR);
  const [held] = await sendChatMessages(browser, investor.token, investor.userId, ['Meu PIX é o CPF 123.456.789-09']);
  expect(held!.status).toBe('held');

  // No click on Atualizar: sync brings the message, and the queue and the header count follow.
  await expect(support.heldMessage(held!.id)).toBeVisible();
  await expect(support.heldMessages).toHaveCount(before + 1);
  await expect(support.navHeldCount).toHaveText(String(before + 1));

  // The loan of a held message opens from the queue, and Back returns to the console.
  await support.heldMessage(held!.id).getByTestId('held-loan-link').click();
  await expect(page.getByTestId('loan-detail')).toBeVisible();
  await expect(page).toHaveURL(/#\/loans\/emp-/);
  await page.goBack();
  await support.expectLoaded();

  await support.review(held!.id, 'reject');
  await expect(support.heldMessage(held!.id)).toHaveCount(0);
  await expect(support.heldMessages).toHaveCount(before);
});

test('audit search explains bad filters', async ({ page }) => {
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(DEMO_SUPPORT, DEMO_PASSWORD);
  const support = new SupportPage(page);
  await support.expectLoaded();
  const auditCalls: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/api/v1/support/audit')) auditCalls.push(sent.url());
  });

  await support.searchUser.fill('ninguem@lastro.demo');
  await support.searchSubmit.click();
  await expect(support.searchError).toContainText('Usuário não encontrado: ninguem@lastro.demo');
  await expect(support.searchEmpty).toHaveCount(0);
  expect(auditCalls).toHaveLength(1);

  // A period that starts after it ends is refused before any request.
  await support.searchUser.fill('');
  await support.searchFrom.fill('2026-12-05T10:00:00');
  await support.searchTo.fill('2026-12-01T09:00:00');
  await support.searchSubmit.click();
  await expect(support.searchError).toHaveText('O início do período (05/12/2026 10:00) deve ser anterior ao fim (01/12/2026 09:00).');
  await support.exportCsv.click();
  await expect(support.searchError).toContainText('O início do período');
  expect(auditCalls).toHaveLength(1);
});

test('an investor has no support console', async ({ page }) => {
  await logInAsInvestor(page);
  const support = new SupportPage(page);
  await expect(support.navLink).toHaveCount(0);

  await page.evaluate(() => {
    window.location.hash = '#/support';
  });

  await expect(support.forbidden).toHaveText('Esta área é só para a equipe de suporte.');
  await expect(support.root).toHaveCount(0);
});
