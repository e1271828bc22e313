import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { DashboardPage } from '../pages/dashboard-page';
import { LoanDetailPage } from '../pages/loan-detail-page';
import { LoginPage } from '../pages/login-page';
import { NotesPage } from '../pages/notes-page';
import { SupportPage } from '../pages/support-page';
import { SERVER_DIR } from '../support/paths';
import { DEMO_INVESTOR, DEMO_PASSWORD, useLastroServer } from '../support/server';

const server = useLastroServer();

const DEMO_SECOND_INVESTOR = 'investidor2@lastro.demo';
const DEMO_BORROWER = 'tomador@lastro.demo';
const DEMO_SUPPORT = 'suporte@lastro.demo';
/** A loan of the demo borrower, Carla Menezes. */
const LOAN = 'emp-00008';
/** The first line of the pt-BR template the server writes into a new notes document. */
const TEMPLATE_TITLE = 'Notas de diligência';

/** One signed-in user in a browser context of their own, with its own IndexedDB. */
interface Participant {
  context: BrowserContext;
  page: Page;
  notes: NotesPage;
  chat: ChatPage;
  problems: string[];
}

const participants: Participant[] = [];

async function logIn(browser: Browser, email: string): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${server().appUrl}#/login`);
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(email, DEMO_PASSWORD);
  const participant = { context, page, notes: new NotesPage(page), chat: new ChatPage(page), problems };
  participants.push(participant);
  return participant;
}

async function logInAsInvestor(browser: Browser, email: string): Promise<Participant> {
  const participant = await logIn(browser, email);
  await new DashboardPage(participant.page).expectLoaded();
  return participant;
}

/** Reads the signed-in user's id from the session the app keeps in `sessionStorage` for reloads. */
async function userIdOf(participant: Participant): Promise<string> {
  const stored = await participant.page.evaluate(() => window.sessionStorage.getItem('lastro.session'));
  expect(stored).not.toBeNull();
  const id: unknown = (JSON.parse(stored ?? '{}') as { user?: { id?: unknown } }).user?.id;
  expect(typeof id).toBe('string');
  return String(id);
}

/** Opens the loan detail of `LOAN` and its Notes tab. */
async function openNotes(participant: Participant): Promise<void> {
  await new LoanDetailPage(participant.page).open(LOAN);
  await participant.notes.open();
}

/** Escapes `text` for use inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Counts the occurrences of `needle` in `text`. */
function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Reads the demo organisation's id from the server's database, as an operator would look it up. */
function demoOrganisationId(): string {
  const requireFromServer = createRequire(join(SERVER_DIR, 'package.json'));
  const Database = requireFromServer('better-sqlite3') as new (file: string, options: { readonly: boolean }) => {
    prepare(sql: string): { get(...values: unknown[]): unknown };
    close(): void;
  };
  const db = new Database(join(server().dataDir, 'lastro.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT organisation_id FROM users WHERE email = ?').get(DEMO_INVESTOR) as { organisation_id: string } | undefined;
    if (row === undefined) throw new Error(`demo user ${DEMO_INVESTOR} not found in ${server().dataDir}`);
    return row.organisation_id;
  } finally {
    db.close();
  }
}

test.afterEach(async () => {
  const closing = participants.splice(0);
  for (const participant of closing) {
    await participant.context.close();
  }
  for (const participant of closing) {
    expect(participant.problems).toEqual([]);
  }
});

test('colleagues share notes live and offline', async ({ browser }) => {
  const ana = await logInAsInvestor(browser, DEMO_INVESTOR);
  const bruno = await logInAsInvestor(browser, DEMO_SECOND_INVESTOR);
  const anaId = await userIdOf(ana);
  const brunoId = await userIdOf(bruno);
  await openNotes(ana);
  await openNotes(bruno);

  // Both see the server's template, once.
  for (const participant of [ana, bruno]) {
    await expect(participant.notes.status).toHaveAttribute('data-status', 'online');
    await expect(participant.notes.text).toHaveValue(new RegExp(`^${TEMPLATE_TITLE}`));
    expect(occurrences(await participant.notes.text.inputValue(), TEMPLATE_TITLE)).toBe(1);
    await expect(participant.notes.text).toBeEditable();
  }

  // Each page shows the other user's avatar, not its own.
  await expect(ana.notes.initials(brunoId)).toHaveText('BC');
  await expect(ana.notes.avatar(brunoId)).toHaveAttribute('title', 'Bruno Costa');
  await expect(ana.notes.avatar(anaId)).toHaveCount(0);
  await expect(ana.notes.presenceText).toHaveText('Você e Bruno estão vendo este empréstimo');
  await expect(bruno.notes.initials(anaId)).toHaveText('AR');
  await expect(bruno.notes.presenceText).toHaveText('Você e Ana estão vendo este empréstimo');

  // Text typed by one shows for the other.
  const live = '\nAna: fluxo de caixa confirmado.';
  await ana.notes.appendText(live);
  await expect(bruno.notes.text).toHaveValue(new RegExp(`${literal(live.trim())}$`));

  // Bruno goes offline and keeps writing; Ana writes meanwhile.
  await bruno.context.setOffline(true);
  await expect(bruno.notes.status).toHaveAttribute('data-status', 'offline');
  const offline = '\nBruno (offline): garantia imobiliária pendente.';
  await bruno.notes.appendText(offline);
  await expect(bruno.notes.text).toHaveValue(new RegExp(`${literal(offline.trim())}$`));
  const meanwhile = 'Ana, durante a queda: ';
  await ana.notes.text.click();
  await ana.notes.text.press('Control+Home');
  await ana.notes.text.pressSequentially(meanwhile);
  await expect(ana.notes.text).toHaveValue(new RegExp(`^${literal(meanwhile)}${TEMPLATE_TITLE}`));
  await expect(ana.notes.text).not.toHaveValue(new RegExp(literal(offline.trim())));

  // Back online, both texts merge with nothing lost, in the same order on both sides.
  await bruno.context.setOffline(false);
  await expect(bruno.notes.status).toHaveAttribute('data-status', 'online');
  for (const participant of [ana, bruno]) {
    await expect(participant.notes.text).toHaveValue(new RegExp(`^${literal(meanwhile)}${TEMPLATE_TITLE}`));
    await expect(participant.notes.text).toHaveValue(new RegExp(`${literal(live.trim())}[\\s\\S]*${literal(offline.trim())}$`));
  }
  expect(await ana.notes.text.inputValue()).toBe(await bruno.notes.text.inputValue());
  await expect(ana.notes.avatar(brunoId)).toBeVisible();

  // A reload keeps the text.
  const merged = await bruno.notes.text.inputValue();
  await bruno.page.reload();
  await openNotes(bruno);
  await expect(bruno.notes.text).toHaveValue(merged);
  expect(occurrences(merged, TEMPLATE_TITLE)).toBe(1);
});

test('offline edit survives a reload', async ({ browser }) => {
  const ana = await logInAsInvestor(browser, DEMO_INVESTOR);
  await openNotes(ana);
  await expect(ana.notes.status).toHaveAttribute('data-status', 'online');

  // Ticket requests fail from here on, so the notes stay disconnected while the page itself
  // can still be reloaded from the server.
  const ticketRoute = '**/api/v1/collab/tickets';
  await ana.page.route(ticketRoute, (route) => route.abort('connectionrefused'));
  await ana.context.setOffline(true);
  await expect(ana.notes.status).toHaveAttribute('data-status', 'offline');
  const offline = '\nEscrito sem conexão e guardado neste navegador.';
  await ana.notes.appendText(offline);
  await expect(ana.notes.text).toHaveValue(new RegExp(`${literal(offline.trim())}$`));
  // Writes to IndexedDB still pending when the page unloads are lost, as after any reload.
  expect(await ana.notes.storedUpdates()).toBeGreaterThan(0);
  await ana.context.setOffline(false);

  // After the reload the text can only come from the copy in IndexedDB.
  await ana.page.reload();
  await openNotes(ana);
  await expect(ana.notes.text).toHaveValue(new RegExp(`${TEMPLATE_TITLE}[\\s\\S]*${literal(offline.trim())}$`));
  await expect(ana.notes.status).not.toHaveAttribute('data-status', 'online');

  // Once tickets are issued again, the edit reaches the server and a colleague.
  await ana.page.unroute(ticketRoute);
  await expect(ana.notes.status).toHaveAttribute('data-status', 'online', { timeout: 45_000 });
  const bruno = await logInAsInvestor(browser, DEMO_SECOND_INVESTOR);
  await openNotes(bruno);
  await expect(bruno.notes.text).toHaveValue(new RegExp(`${literal(offline.trim())}$`));
  expect(occurrences(await bruno.notes.text.inputValue(), TEMPLATE_TITLE)).toBe(1);
});

test('borrower sees no Notes tab', async ({ browser }) => {
  const carla = await logIn(browser, DEMO_BORROWER);
  await expect(carla.chat.borrowerRequests).toBeVisible({ timeout: 30_000 });
  await new LoanDetailPage(carla.page).open(LOAN);
  await expect(carla.page.getByTestId('loan-detail')).toBeVisible();
  await expect(carla.notes.notesTab).toHaveCount(0);
  await expect(carla.notes.panel).toHaveCount(0);
});

test('support reads the notes only', async ({ browser }) => {
  const ana = await logInAsInvestor(browser, DEMO_INVESTOR);
  await openNotes(ana);
  const written = '\nComentário da investidora para o suporte.';
  await ana.notes.appendText(written);

  const support = await logIn(browser, DEMO_SUPPORT);
  await expect(support.page).toHaveURL(/#\/support/);
  const supportConsole = new SupportPage(support.page);
  await supportConsole.loanLookupId.fill('emp 31');
  await supportConsole.loanLookupOpen.click();
  await expect(supportConsole.loanLookupInvalid).toContainText('ID de empréstimo inválido');
  // A loan without written notes lists no organisation.
  await supportConsole.openLoan('emp-00031');
  await support.notes.notesTab.click();
  await expect(support.notes.organisationsEmpty).toHaveText('Nenhuma organização escreveu notas sobre este empréstimo ainda.');
  await support.page.goBack();
  await supportConsole.openLoan(LOAN);
  await expect(support.notes.notesTab).toHaveAttribute('aria-selected', 'false');
  await support.notes.notesTab.click();
  const entry = support.notes.organisation(demoOrganisationId());
  await expect(support.notes.organisationItems).toHaveCount(1);
  await expect(entry).toContainText(/Última alteração em \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(horário de Brasília\)/);
  await entry.getByTestId('notes-organisation-open').click();
  await expect(support.notes.organisationShown).toHaveAttribute('data-organisation-id', demoOrganisationId());

  await expect(support.notes.readOnlyNote).toHaveText(/^Somente leitura/);
  await expect(support.page.locator('label[for="loan-notes-text"]')).toHaveText('Notas de diligência da organização');
  await expect(support.notes.status).toHaveAttribute('data-status', 'online');
  await expect(support.notes.text).toHaveValue(new RegExp(`${TEMPLATE_TITLE}[\\s\\S]*${literal(written.trim())}$`));
  await expect(support.notes.text).not.toBeEditable();
  // Support does not show up among the investors' colleagues.
  await expect(ana.notes.avatars).toHaveCount(0);

  // Keys pressed in the read-only text change nothing, here or for the investor.
  const before = await support.notes.text.inputValue();
  await support.notes.text.click();
  await support.notes.text.press('End');
  await support.notes.text.pressSequentially('xyz');
  await expect(support.notes.text).toHaveValue(before);
  await ana.notes.appendText(' Fim.');
  await expect(support.notes.text).toHaveValue(new RegExp(' Fim\\.$'));
  await expect(ana.notes.text).not.toHaveValue(/xyz/);
});

test('chat shows the other member typing', async ({ browser }) => {
  const carla = await logIn(browser, DEMO_BORROWER);
  await expect(carla.chat.borrowerRequests).toBeVisible({ timeout: 30_000 });
  const ana = await logInAsInvestor(browser, DEMO_INVESTOR);
  const anaId = await userIdOf(ana);

  await new LoanDetailPage(ana.page).open(LOAN);
  await expect(ana.chat.panel.root).toBeVisible();
  // A borrower can open a conversation once it has a message.
  await ana.chat.panel.send('Olá, Carla.');
  await carla.chat.goTo(`#/loans/${LOAN}/chat/${anaId}`);
  await expect(carla.chat.panel.root).toBeVisible();

  const carlaTyping = carla.page.getByTestId('chat-typing');
  const anaTyping = ana.page.getByTestId('chat-typing');
  await expect(carlaTyping).toHaveText('');

  await ana.chat.panel.input.pressSequentially('Qual é a garantia');
  await expect(carlaTyping).toHaveText('Ana está digitando…');
  await expect(anaTyping).toHaveText('');

  // Sending clears the mark at once.
  await ana.chat.panel.input.press('Enter');
  await expect(carlaTyping).toHaveText('');

  await carla.chat.panel.input.pressSequentially('Um imóvel');
  await expect(anaTyping).toHaveText('Carla está digitando…');
  // Leaving the field clears it too.
  await carla.chat.panel.input.blur();
  await expect(anaTyping).toHaveText('');
});
