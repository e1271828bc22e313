import { expect, test, type Browser, type Page } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { DashboardPage } from '../pages/dashboard-page';
import { LoanDetailPage } from '../pages/loan-detail-page';
import { LoginPage } from '../pages/login-page';
import { DEMO_INVESTOR, DEMO_PASSWORD, useLastroServer } from '../support/server';

const server = useLastroServer();

const DEMO_BORROWER = 'tomador@lastro.demo';
const DEMO_SECOND_INVESTOR = 'investidor2@lastro.demo';
/** The first loan of the seeded book that belongs to the demo borrower, Carla Menezes. */
const BORROWER_LOAN = 'emp-00008';

/** Returns the pt-BR quota line for `remaining` messages left of 10. */
function quotaText(remaining: number): string {
  return `${remaining === 1 ? 'Resta' : 'Restam'} ${remaining} de 10 mensagens nesta hora`;
}

/** One signed-in user in a browser context of their own, with its own local database. */
interface Participant {
  page: Page;
  chat: ChatPage;
  problems: string[];
  close: () => Promise<void>;
}

async function logIn(browser: Browser, email: string): Promise<Participant> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${server().appUrl}#/login`);
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(email, DEMO_PASSWORD);
  return { page, chat: new ChatPage(page), problems, close: () => context.close() };
}

async function logInAsInvestor(browser: Browser, email: string): Promise<Participant> {
  const participant = await logIn(browser, email);
  await new DashboardPage(participant.page).expectLoaded();
  return participant;
}

async function logInAsBorrower(browser: Browser): Promise<Participant> {
  const participant = await logIn(browser, DEMO_BORROWER);
  await expect(participant.chat.borrowerRequests).toBeVisible({ timeout: 30_000 });
  return participant;
}

/** Opens the loan detail with its chat panel, as the investor does from the loan book. */
async function openLoanChat(participant: Participant, loanId: string): Promise<void> {
  await new LoanDetailPage(participant.page).open(loanId);
  await expect(participant.chat.panel.root).toBeVisible();
}

/** Closes every context and checks that no page threw an uncaught error. */
async function closeAll(participants: Participant[]): Promise<void> {
  for (const participant of participants) {
    await participant.close();
  }
  for (const participant of participants) {
    expect(participant.problems).toEqual([]);
  }
}

test('question and reply reach both parties live', async ({ browser }) => {
  const borrower = await logInAsBorrower(browser);
  const investor = await logInAsInvestor(browser, DEMO_INVESTOR);
  try {
    // "Meus pedidos" lists the borrower's loan requests with their figures, without wallet operations.
    const request = borrower.chat.loanRequest(BORROWER_LOAN);
    await expect(request).toBeVisible();
    await expect(request.getByTestId('loan-request-amount')).toHaveText(/^R\$\u00a0[\d.]+,\d{2}$/);
    await expect(borrower.page.getByTestId('wallet-balance')).toHaveCount(0);
    await borrower.chat.openChatList();
    await expect(borrower.chat.listEmpty).toBeVisible();
    await expect(borrower.chat.unreadTotal).toHaveCount(0);

    await openLoanChat(investor, BORROWER_LOAN);
    const question = 'Qual é a carência do empréstimo?';
    await expect(investor.chat.panel.quota).toHaveText('Restam 10 de 10 mensagens nesta hora');
    await expect(investor.chat.panel.quotaHint).toHaveAttribute(
      'title',
      'Mensagens retidas para revisão e mensagens recusadas também contam no limite por hora.',
    );
    // Before the borrower writes, the title uses the loan book's name.
    await expect(investor.chat.panel.title).toHaveText(/^Conversa com Carla M\.$/);
    await investor.chat.panel.send(question);
    const sent = investor.chat.panel.message(question);
    await expect(sent).toHaveAttribute('data-own', 'true');
    await expect(sent).toHaveAttribute('data-status', 'accepted');
    await expect(sent.getByTestId('chat-message-status')).toHaveText('Enviada');
    await expect(investor.chat.panel.quota).toHaveText('Restam 9 de 10 mensagens nesta hora');

    // The borrower, on the conversation list, gets the badge and a toast.
    await expect(borrower.chat.unreadTotal).toHaveText('1');
    const toast = borrower.chat.toasts.first();
    await expect(toast).toContainText('Nova mensagem de Ana Ribeiro');
    await expect(toast).toContainText(question);
    await expect(toast.getByTestId('chat-toast-loan')).toHaveText(new RegExp(` · ${BORROWER_LOAN}$`));
    await expect(borrower.chat.rooms).toHaveCount(1);
    await expect(borrower.chat.rooms.first()).toHaveAttribute('data-unread', '1');
    await expect(borrower.chat.rooms.first().getByTestId('chat-room-loan')).toHaveText(new RegExp(` · ${BORROWER_LOAN}$`));

    await toast.getByTestId('chat-toast-open').click();
    await expect(borrower.page).toHaveURL(new RegExp(`#/loans/${BORROWER_LOAN}/chat/[^/]+$`));
    const received = borrower.chat.panel.message(question);
    await expect(received).toHaveAttribute('data-own', 'false');
    await expect(received.getByTestId('chat-message-sender')).toHaveText('Ana Ribeiro');
    await expect(borrower.chat.unreadTotal).toHaveCount(0);
    await expect(borrower.chat.toasts).toHaveCount(0);
    // Opened from "Conversas": that header link stays highlighted and the back link leads there.
    await expect(borrower.chat.navChats).toHaveAttribute('aria-current', 'location');
    await expect(borrower.chat.back).toHaveText('← Conversas');
    await expect(borrower.chat.panel.hint).toHaveText(/^Responda às dúvidas dos investidores/);
    await expect(borrower.chat.panel.title).toHaveText('Conversa com Ana Ribeiro');

    // The investor's page must not reload to show the reply.
    await investor.page.evaluate(() => {
      Reflect.set(window, '__marker', 'same-document');
    });
    const reply = 'A carência é de 30 dias.';
    await borrower.chat.panel.send(reply);
    await expect(borrower.chat.panel.message(reply)).toHaveAttribute('data-status', 'accepted');

    const replyOnInvestor = investor.chat.panel.message(reply);
    await expect(replyOnInvestor).toHaveAttribute('data-own', 'false');
    await expect(replyOnInvestor.getByTestId('chat-message-sender')).toHaveText('Carla Menezes');
    // Once the borrower wrote, the title uses the name her messages carry.
    await expect(investor.chat.panel.title).toHaveText('Conversa com Carla Menezes');
    expect(await investor.page.evaluate(() => Reflect.get(window, '__marker'))).toBe('same-document');
    // The investor looks at the conversation, so the reply is read at once and not announced.
    await expect(investor.chat.unreadTotal).toHaveCount(0);
    await expect(investor.chat.toasts).toHaveCount(0);
  } finally {
    await closeAll([investor, borrower]);
  }
});

test('contact data is held and insults rejected', async ({ browser }) => {
  const borrower = await logInAsBorrower(browser);
  const investor = await logInAsInvestor(browser, DEMO_INVESTOR);
  try {
    await openLoanChat(investor, BORROWER_LOAN);
    const panel = investor.chat.panel;
    const before = await panel.remainingQuota();

    const phone = 'Me liga no (11) 98765-4321 para combinarmos.';
    await panel.send(phone);
    const held = panel.message(phone);
    await expect(held).toHaveAttribute('data-status', 'held');
    await expect(held.getByTestId('chat-message-status')).toHaveText('Retida para revisão: a mensagem parece conter telefone');
    await expect(panel.quota).toHaveAttribute('data-remaining', String(before - 1));

    const insult = 'Seu imbecil, responde logo.';
    await panel.send(insult);
    const rejected = panel.message(insult);
    await expect(rejected).toHaveAttribute('data-status', 'rejected');
    await expect(rejected.getByTestId('chat-message-status')).toHaveText('Recusada: linguagem ofensiva');
    await expect(panel.quota).toHaveAttribute('data-remaining', String(before - 2));
    await expect(panel.quota).toHaveText(quotaText(before - 2));

    // A message sent after both reaches the borrower, so the two before it had their chance.
    const later = 'Pode me explicar a finalidade do pedido?';
    await panel.send(later);
    await expect(panel.message(later)).toHaveAttribute('data-status', 'accepted');

    await borrower.chat.openChatList();
    const roomId = await panel.roomId();
    await borrower.chat.room(roomId).getByRole('link').click();
    await expect(borrower.chat.panel.message(later)).toBeVisible();
    await expect(borrower.chat.panel.message(phone)).toHaveCount(0);
    await expect(borrower.chat.panel.message(insult)).toHaveCount(0);
    await expect(borrower.chat.panel.root).not.toContainText('98765-4321');
    await expect(borrower.chat.panel.root).not.toContainText('imbecil');
  } finally {
    await closeAll([investor, borrower]);
  }
});

test('another investor cannot see the conversation', async ({ browser }) => {
  const investor = await logInAsInvestor(browser, DEMO_INVESTOR);
  const other = await logInAsInvestor(browser, DEMO_SECOND_INVESTOR);
  try {
    await openLoanChat(investor, BORROWER_LOAN);
    const privateText = 'Pergunta reservada entre investidora e tomadora.';
    await investor.chat.panel.send(privateText);
    await expect(investor.chat.panel.message(privateText)).toHaveAttribute('data-status', 'accepted');
    const roomId = await investor.chat.panel.roomId();
    const investorId = roomId.split(':')[2] ?? '';
    expect(investorId).not.toBe('');

    await other.chat.openChatList();
    await expect(other.chat.listEmpty).toBeVisible();
    await expect(other.chat.rooms).toHaveCount(0);

    await openLoanChat(other, BORROWER_LOAN);
    await expect(other.chat.panel.root).not.toHaveAttribute('data-room-id', roomId);
    await expect(other.chat.panel.empty).toBeVisible();

    await other.chat.goTo(`#/loans/${BORROWER_LOAN}/chat/${investorId}`);
    await expect(other.chat.conversationMissing).toBeVisible();
    await expect(other.page.getByText(privateText)).toHaveCount(0);
    await expect(other.chat.unreadTotal).toHaveCount(0);
    await expect(other.chat.toasts).toHaveCount(0);
  } finally {
    await closeAll([investor, other]);
  }
});

test('two loans with one investor stay apart', async ({ browser }) => {
  const investor = await logInAsInvestor(browser, DEMO_INVESTOR);
  const borrower = await logInAsBorrower(browser);
  try {
    // Two more loans of the demo borrower: every 40th loan of the book from the 8th is hers.
    const loans = ['emp-00088', 'emp-00128'];
    const roomIds: string[] = [];
    for (const loanId of loans) {
      await openLoanChat(investor, loanId);
      const text = `Qual é o prazo do pedido ${loanId}?`;
      await investor.chat.panel.send(text);
      await expect(investor.chat.panel.message(text)).toHaveAttribute('data-status', 'accepted');
      roomIds.push(await investor.chat.panel.roomId());
    }
    // A rejected attempt is the room's latest message, but never its preview.
    const insult = 'Seu imbecil, responde logo.';
    await investor.chat.panel.send(insult);
    await expect(investor.chat.panel.message(insult)).toHaveAttribute('data-status', 'rejected');
    await investor.chat.openChatList();
    const lastRoom = investor.chat.room(roomIds[1]!);
    await expect(lastRoom.getByTestId('chat-room-preview')).toHaveText('Você: Qual é o prazo do pedido emp-00128?');

    await borrower.chat.openChatList();
    for (const [index, loanId] of loans.entries()) {
      const room = borrower.chat.room(roomIds[index]!);
      await expect(room.getByTestId('chat-room-name')).toHaveText('Ana Ribeiro');
      await expect(room.getByTestId('chat-room-loan')).toHaveText(new RegExp(` · ${loanId}$`));
    }

    // Opened from "Meus pedidos", the conversation leads back there.
    await borrower.chat.navRequests.click();
    await borrower.chat.loanRequest(loans[0]!).getByTestId('chat-room').getByRole('link').click();
    await expect(borrower.chat.panel.root).toHaveAttribute('data-room-id', roomIds[0]!);
    await expect(borrower.chat.navRequests).toHaveAttribute('aria-current', 'location');
    await expect(borrower.chat.navChats).not.toHaveAttribute('aria-current', /.+/);
    await borrower.chat.back.click();
    await expect(borrower.chat.borrowerRequests).toBeVisible();
  } finally {
    await closeAll([investor, borrower]);
  }
});

test('offline message waits, and the hourly limit stops the composer', async ({ browser }) => {
  const investor = await logInAsInvestor(browser, DEMO_SECOND_INVESTOR);
  try {
    // The demo borrower's second loan: every 40th loan of the book from the 8th is hers.
    await openLoanChat(investor, 'emp-00048');
    const panel = investor.chat.panel;
    await expect(panel.quota).toHaveText('Restam 10 de 10 mensagens nesta hora');

    await investor.page.context().setOffline(true);
    await expect(investor.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
    const offline = 'Mensagem escrita sem conexão.';
    await panel.send(offline);
    const waiting = panel.message(offline);
    await expect(waiting).toHaveAttribute('data-status', 'pending');
    await expect(waiting.getByTestId('chat-message-status')).toHaveText('Pendente: será enviada quando a conexão voltar');
    await investor.page.context().setOffline(false);
    await expect(waiting).toHaveAttribute('data-status', 'accepted');

    for (let index = 2; index <= 10; index++) {
      const text = `Pergunta número ${index} sobre o pedido.`;
      await panel.send(text);
      await expect(panel.message(text)).toHaveAttribute('data-status', 'accepted');
      await expect(panel.quota).toHaveAttribute('data-remaining', String(10 - index));
    }

    await expect(panel.quota).toHaveText(/^Limite de 10 mensagens por hora atingido\. Você poderá enviar novamente às \d{2}:\d{2}\.$/);
    await expect(panel.input).toBeDisabled();
    await expect(panel.sendButton).toBeDisabled();
  } finally {
    await closeAll([investor]);
  }
});

test('a loan whose borrower has no account offers no chat', async ({ browser }) => {
  const investor = await logInAsInvestor(browser, DEMO_INVESTOR);
  try {
    // Only every 40th loan from the 8th belongs to a borrower account; the first does not.
    await new LoanDetailPage(investor.page).open('emp-00001');

    await expect(investor.page.getByTestId('chat-unavailable')).toHaveText(
      'O tomador deste pedido não tem conta na plataforma, então o chat não está disponível.',
    );
    await expect(investor.chat.panel.root).toHaveCount(0);
    // The note takes the place of the chat panel, beside the loan, not under it.
    const card = await investor.page.getByTestId('loan-detail').boundingBox();
    const note = await investor.page.getByTestId('chat-unavailable').boundingBox();
    expect(card).not.toBeNull();
    expect(note).not.toBeNull();
    expect(note!.x).toBeGreaterThanOrEqual(card!.x + card!.width);
    expect(note!.y).toBeLessThan(card!.y + card!.height);
  } finally {
    await closeAll([investor]);
  }
});
