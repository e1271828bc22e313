import { parseBRL, formatBRL } from '@lastro/domain';
import { expect, type Browser, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { SecurityPage, storedSession } from './pages/security-page';
import { newReceivedPix, postPixCallback } from './support/pix';
import { DEMO_INVESTOR, DEMO_PASSWORD } from './support/server';

/**
 * Scenarios shared by the web and Electron suites. Each receives a page already showing the
 * app's login screen (the web terminal's tab or the desktop app's window) and, where it needs
 * them, the server's URL or a second device. Steps only the desktop app has (its window state,
 * tray and main process) live in electron/desktop-app.ts.
 */

export const PT_BR_LOAN_STATUSES = ['Aberto', 'Financiado', 'Ativo', 'Quitado', 'Em atraso', 'Inadimplente', 'Cancelado'];

export async function logInAsInvestor(page: Page): Promise<DashboardPage> {
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(DEMO_INVESTOR, DEMO_PASSWORD);
  const dashboard = new DashboardPage(page);
  await dashboard.expectLoaded();
  return dashboard;
}

/** Logs in as the demo investor and checks the wallet screen that follows. */
export async function investorLogsIn(page: Page): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.balance).toHaveText(/^R\$\u00a0[\d.]+,\d{2}$/);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'online');
  await expect(new LoginPage(page).email).toHaveCount(0);
  const session = await storedSession(page);
  expect(session.sessionId).not.toBe('');
}

/** Creates a deposit charge from the open dashboard, closes the dialog and returns the charge's txid. */
export async function createDepositCharge(page: Page): Promise<string> {
  const dialog = await new DashboardPage(page).openDeposit();
  const txid = await dialog.createCharge();
  await dialog.close();
  return txid;
}

/** Pays a deposit charge by PIX and checks that the balance on screen rises by its amount, without a reload. */
export async function pixDepositRaisesBalance(page: Page, serverUrl: string): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.balance).toHaveText(/^R\$\u00a0[\d.]+,\d{2}$/);
  const before = parseBRL(await dashboard.balanceText());

  const dialog = await dashboard.openDeposit();
  const txid = await dialog.createCharge('250,00');
  await expect(dialog.qrCode).toHaveAttribute('src', /^data:image\/png;base64,/);
  // A dynamic BR Code: payload format indicator first, the fixed amount in field 54.
  await expect(dialog.brCode).toHaveValue(/^000201.*5406250\.00/);
  await expect(dialog.status).toHaveText(/^Aguardando o pagamento/);

  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  await page.evaluate(() => {
    Reflect.set(window, '__marker', 'same-document');
  });

  await postPixCallback(serverUrl, newReceivedPix(txid, '250.00'));

  await expect(dashboard.balance).toHaveText(formatBRL(before + 25_000));
  await expect(dialog.status).toHaveText('Pagamento recebido: R$\u00a0250,00');
  expect(await page.evaluate(() => Reflect.get(window, '__marker'))).toBe('same-document');
  expect(loads).toBe(0);
  await expect(dashboard.statementRows.first()).toContainText('PIX recebido');
  await expect(dashboard.statementRows.first()).toContainText('+R$\u00a0250,00');
}

export async function wrongPasswordShowsError(page: Page): Promise<void> {
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(DEMO_INVESTOR, 'senha-errada');
  await expect(login.error).toHaveText('E-mail ou senha incorretos.');
  await expect(page.getByTestId('wallet-balance')).toHaveCount(0);
}

export async function loanBookShowsRowsInPortuguese(page: Page): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.loanRows.first()).toBeVisible();
  const statuses = await dashboard.loanBook.getByTestId('loan-status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const status of statuses) {
    expect(PT_BR_LOAN_STATUSES).toContain(status);
  }
  await expect(dashboard.loanRows.first()).toContainText('a.m.');
}

export async function connectionIndicatorReadsOnline(page: Page): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'online');
  await expect(dashboard.connection).toHaveText('Online');
}

export async function invalidDepositAmountRejected(page: Page): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  const dialog = await dashboard.openDeposit();
  await dialog.amount.fill('1,234.56');
  await dialog.create.click();
  await expect(dialog.error).toHaveText('Valor inválido. Use o formato 500,00.');
  await expect(dialog.txid).toHaveCount(0);
}

export async function languageSwitchShowsEnglish(page: Page): Promise<void> {
  const dashboard = await logInAsInvestor(page);
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'Loan book' })).toBeVisible();
  await expect(dashboard.connection).toHaveText('Online');
  await expect(dashboard.loanRows.first().getByTestId('loan-rate')).toHaveText(/^\d+,\d{2}% p\.m\.$/);
  await expect(dashboard.loanRows.first().getByTestId('loan-amount')).toHaveText(/^R\$\u00a0[\d.]+,\d{2}$/);
  await page.getByTestId('language-pt-BR').click();
  await expect(page.getByRole('heading', { name: 'Livro de empréstimos' })).toBeVisible();
}

/** The investor signed in on another device: a browser context with its own device id and local database. */
export interface SecondDevice {
  page: Page;
  close(): Promise<void>;
}

/**
 * Logs the demo investor in on another device, a new context of `browser` on the web terminal
 * at `appUrl`. `onPageError` receives the second page's uncaught errors.
 */
export async function logInOnAnotherDevice(
  browser: Browser,
  appUrl: string,
  onPageError: (error: Error) => void,
): Promise<SecondDevice> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', onPageError);
    await page.goto(`${appUrl}#/login`);
    await logInAsInvestor(page);
    return { page, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Session ids of the two devices in the suspicious-login scenario. */
export interface SuspiciousLogin {
  firstSessionId: string;
  secondSessionId: string;
}

/**
 * Checks that a login on `second`, a device the account has not used, raises the security alert
 * on `page`, already signed in, and on no other device. Returns both session ids.
 */
export async function newDeviceLoginRaisesAlert(page: Page, second: SecondDevice): Promise<SuspiciousLogin> {
  const secondSession = await storedSession(second.page);
  const firstSession = await storedSession(page);
  const security = new SecurityPage(page);

  await expect(security.alert).toHaveAttribute('data-session-id', secondSession.sessionId);
  await expect(security.alert).toContainText('Novo acesso em');
  await expect(new SecurityPage(second.page).alert).toHaveCount(0);
  return { firstSessionId: firstSession.sessionId, secondSessionId: secondSession.sessionId };
}

/**
 * Opens the alert's session list on `page`, ends the suspicious session from the alert and checks
 * that `second` is signed out at once, its token rejected, and the alert gone.
 */
export async function alertRevokeEndsSessionAtOnce(page: Page, second: SecondDevice, login: SuspiciousLogin): Promise<void> {
  const security = new SecurityPage(page);
  await security.alertView.click();
  await expect(security.screen).toBeVisible();
  const secondRow = security.sessionRow(login.secondSessionId);
  await expect(secondRow).toHaveAttribute('data-suspicious', 'true');
  await expect(secondRow).toContainText('suspeita');
  await expect(security.sessionRow(login.firstSessionId)).toContainText('este aparelho');
  await expect(security.sessionRow(login.firstSessionId).getByTestId('session-revoke')).toHaveCount(0);

  const { token } = await storedSession(second.page);
  await security.alertRevoke.click();

  // The ended session leaves the account's screens at once and shows why.
  await expect(second.page.getByTestId('login-error')).toHaveText('Sua sessão foi encerrada em outro aparelho. Entre novamente.');
  await expect(second.page.getByTestId('wallet-balance')).toHaveCount(0);
  const status = await second.page.evaluate(async (sessionToken) => {
    const response = await fetch('/api/v1/sessions', { headers: { authorization: `Bearer ${sessionToken}` } });
    return response.status;
  }, token);
  expect(status).toBe(401);

  await expect(security.alert).toHaveCount(0);
  await expect(secondRow).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
}

/**
 * Clicks "Foi eu" on the alert on `page` and checks that the alert goes away, the session
 * loses its "suspeita" mark and `second` stays signed in.
 */
export async function alertConfirmClearsMark(page: Page, second: SecondDevice, login: SuspiciousLogin): Promise<void> {
  const security = new SecurityPage(page);
  await security.alertAcknowledge.click();
  await expect(security.alert).toHaveCount(0);

  await security.open();
  const secondRow = security.sessionRow(login.secondSessionId);
  await expect(secondRow).toHaveAttribute('data-suspicious', 'false');
  await expect(secondRow).not.toContainText('suspeita');
  await expect(secondRow.getByTestId('session-confirm-own')).toHaveCount(0);
  await expect(second.page.getByTestId('wallet-balance')).toBeVisible();
}
