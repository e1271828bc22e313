import { parseBRL, formatBRL } from '@lastro/domain';
import { expect, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { newReceivedPix, postPixCallback } from './support/pix';
import { DEMO_INVESTOR, DEMO_PASSWORD } from './support/server';

/**
 * Scenarios shared by the web and Electron suites. Each receives a page already showing the
 * app's login screen and the URL of the server it talks to.
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
