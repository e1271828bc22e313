import { formatBRL, parseBRL } from '@lastro/domain';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { DashboardPage } from '../pages/dashboard-page';
import { LoanDetailPage } from '../pages/loan-detail-page';
import { logInAsInvestor } from '../scenarios';
import { useLastroServer } from '../support/server';
import { failOnUncaughtErrors } from '../support/uncaught-errors';

const server = useLastroServer();
failOnUncaughtErrors(() => server().appUrl);

/** Id of the open loan with the largest amount, so its remaining amount exceeds any test amount. */
async function largestOpenLoanId(page: Page): Promise<string> {
  await page.getByTestId('loan-filter-status').selectOption('open');
  await page.getByTestId('loan-sort').selectOption('amountDesc');
  const row = page.getByTestId('loan-row').first();
  await expect(row).toHaveAttribute('data-status', 'open');
  const loanId = await row.getAttribute('data-loan-id');
  expect(loanId).not.toBeNull();
  return loanId ?? '';
}

async function balanceCentavos(dashboard: DashboardPage): Promise<number> {
  await expect(dashboard.balance).toHaveText(/^R\$\u00a0[\d.]+,\d{2}$/);
  return parseBRL(await dashboard.balanceText());
}

/** Logs the investor in on a second device: a new browser context with its own local database. */
async function logInOnAnotherDevice(browser: Browser): Promise<{ page: Page; dashboard: DashboardPage; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server().appUrl}#/login`);
  const dashboard = await logInAsInvestor(page);
  return { page, dashboard, close: () => context.close() };
}

test('offline invest is queued, then accepted once', async ({ page, context }) => {
  const dashboard = await logInAsInvestor(page);
  const loanId = await largestOpenLoanId(page);
  const before = await balanceCentavos(dashboard);
  const investedBefore = parseBRL((await dashboard.invested.textContent()) ?? '');

  await context.setOffline(true);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'offline');

  const detail = new LoanDetailPage(page);
  await detail.open(loanId);
  await expect(detail.minimum).toHaveText('R$\u00a025,00');
  await expect(detail.available).toHaveText(formatBRL(before));
  await detail.invest('100,00');
  await expect(detail.queued).toHaveAttribute('data-state', 'waiting_for_connection');
  await expect(detail.projected).toHaveText(formatBRL(before - 10_000));
  const commandId = (await detail.queued.getAttribute('data-command-id')) ?? '';
  expect(commandId).toMatch(/^[0-9a-f-]{36}$/);

  await dashboard.show();
  await expect(dashboard.pendingPanel).toHaveAttribute('data-count', '1');
  await expect(dashboard.pendingRows).toHaveCount(1);
  const row = dashboard.pendingRow(commandId);
  await expect(row).toHaveAttribute('data-state', 'waiting_for_connection');
  await expect(row).toContainText('Aguardando conexão');
  await expect(row).toContainText('Investimento');
  await expect(row).toContainText('R$\u00a0100,00');
  await expect(dashboard.projectedBalance).toHaveText(formatBRL(before - 10_000));
  await expect(dashboard.balance).toHaveText(formatBRL(before));

  await context.setOffline(false);
  await expect(row).toHaveAttribute('data-state', 'accepted');
  await expect(row).toContainText('Aceita');
  await expect(dashboard.balance).toHaveText(formatBRL(before - 10_000));
  await expect(dashboard.invested).toHaveText(formatBRL(investedBefore + 10_000));
  await expect(dashboard.pendingPanel).toHaveAttribute('data-count', '0');
  await expect(dashboard.projectedBalance).toHaveCount(0);

  await detail.open(loanId);
  await expect(detail.position).toHaveText(formatBRL(10_000));
  await expect(detail.queued).toHaveCount(0);
});

test('invest form rejects amounts below the minimum', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const loanId = await largestOpenLoanId(page);
  const detail = new LoanDetailPage(page);
  await detail.open(loanId);

  await detail.invest('24,99');
  await expect(detail.error).toHaveText('O valor mínimo por investimento é R$\u00a025,00.');
  await detail.invest('cem reais');
  await expect(detail.error).toHaveText('Valor inválido. Use o formato 100,00.');
  await expect(detail.queued).toHaveCount(0);

  await dashboard.show();
  await expect(dashboard.pendingPanel).toHaveAttribute('data-count', '0');
  await expect(dashboard.pendingRows).toHaveCount(0);
});

test('invest overtaken on another device is rejected', async ({ page, context, browser }) => {
  const dashboard = await logInAsInvestor(page);
  const loanId = await largestOpenLoanId(page);
  const before = await balanceCentavos(dashboard);
  // Each device invests 60% of the balance: whichever reaches the server second cannot be paid.
  const amount = Math.floor((before * 0.6) / 100) * 100;
  const amountText = formatBRL(amount).replace(/^R\$\u00a0/, '');

  await context.setOffline(true);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'offline');
  const detail = new LoanDetailPage(page);
  await detail.open(loanId);
  await detail.invest(amountText);
  await expect(detail.queued).toHaveAttribute('data-state', 'waiting_for_connection');
  const commandId = (await detail.queued.getAttribute('data-command-id')) ?? '';

  const other = await logInOnAnotherDevice(browser);
  try {
    const otherDetail = new LoanDetailPage(other.page);
    await otherDetail.open(loanId);
    await otherDetail.invest(amountText);
    await expect(otherDetail.queued).toHaveAttribute('data-state', 'accepted');
  } finally {
    await other.close();
  }

  await context.setOffline(false);
  await expect(detail.queued).toHaveAttribute('data-state', 'rejected');
  await expect(detail.queued).toContainText('Rejeitada: saldo insuficiente');
  await dashboard.show();
  const row = dashboard.pendingRow(commandId);
  await expect(row).toHaveAttribute('data-state', 'rejected');
  await expect(row).toContainText('Rejeitada: saldo insuficiente');
  await expect(dashboard.balance).toHaveText(formatBRL(before - amount));
  await expect(dashboard.pendingPanel).toHaveAttribute('data-count', '0');
});

test('PIX out to own e-mail key is confirmed', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const before = await balanceCentavos(dashboard);

  // Records every value the row's PIX state takes, since the blocked state lasts only until the provider confirms.
  await page.evaluate(() => {
    const seen: string[] = [];
    Reflect.set(window, '__pixOutStates', seen);
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="pending-operation"][data-type="pixOut"]')?.getAttribute('data-pix-out-state');
      if (value !== null && value !== undefined && seen[seen.length - 1] !== value) {
        seen.push(value);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pix-out-state'] });
  });

  const dialog = await dashboard.openPixOut();
  await dialog.send('email', 'Investidor@Lastro.demo', '50,00');
  await expect(dialog.queued).toBeVisible();
  const commandId = (await dialog.queued.getAttribute('data-command-id')) ?? '';
  await dialog.close();

  const row = dashboard.pendingRow(commandId);
  await expect(row).toHaveAttribute('data-type', 'pixOut');
  await expect(row).toContainText('investidor@lastro.demo');
  await expect(row).toHaveAttribute('data-pix-out-state', 'confirmed');
  await expect(row).toContainText('PIX confirmado');
  await expect(dashboard.balance).toHaveText(formatBRL(before - 5_000));
  await expect(dashboard.blocked).toHaveCount(0);
  expect(await page.evaluate(() => Reflect.get(window, '__pixOutStates'))).toEqual(['blocked', 'confirmed']);
  await expect(dashboard.statementRows.first()).toContainText('PIX enviado');
  await expect(dashboard.statementRows.first()).toContainText('-R$\u00a050,00');
});

test('PIX out to a foreign key is rejected', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const before = await balanceCentavos(dashboard);

  const dialog = await dashboard.openPixOut();
  await dialog.send('email', 'investidor', '10,00');
  await expect(dialog.error).toHaveText('E-mail inválido.');
  await dialog.send('email', 'outra.pessoa@example.com', '10,00');
  const commandId = (await dialog.queued.getAttribute('data-command-id')) ?? '';
  await dialog.close();

  const row = dashboard.pendingRow(commandId);
  await expect(row).toHaveAttribute('data-state', 'rejected');
  await expect(row).toContainText('Rejeitada: chave PIX inválida ou não cadastrada');
  await expect(dashboard.balance).toHaveText(formatBRL(before));
});

test('default invest amount prefills the form', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  await page.getByTestId('preferences-default-invest').fill('250,00');
  await page.getByTestId('preferences-save').click();
  await expect(page.getByTestId('preferences-message')).toHaveText('Preferências salvas.');

  const loanId = await largestOpenLoanId(page);
  const detail = new LoanDetailPage(page);
  await detail.open(loanId);
  await expect(detail.amount).toHaveValue('250,00');

  await dashboard.show();
  await page.getByTestId('preferences-default-invest').fill('');
  await page.getByTestId('preferences-save').click();
  await expect(page.getByTestId('preferences-message')).toHaveText('Preferências salvas.');
});

test('overruled preference change is reported', async ({ page, context, browser }) => {
  const dashboard = await logInAsInvestor(page);
  const field = page.getByTestId('preferences-default-invest');

  await context.setOffline(true);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'offline');
  await field.fill('100,00');
  await page.getByTestId('preferences-save').click();
  await expect(page.getByTestId('preferences-message')).toHaveText('Preferências salvas.');

  const other = await logInOnAnotherDevice(browser);
  try {
    await other.page.getByTestId('preferences-default-invest').fill('200,00');
    await other.page.getByTestId('preferences-save').click();
    await expect(other.page.getByTestId('preferences-message')).toHaveText('Preferências salvas.');
    // A third device reads the value from the server, which proves the second device's change landed first.
    const third = await logInOnAnotherDevice(browser);
    try {
      await expect(third.page.getByTestId('preferences-default-invest')).toHaveValue('200,00');
    } finally {
      await third.close();
    }
  } finally {
    await other.close();
  }

  await context.setOffline(false);
  await expect(dashboard.overruledNotice).toContainText('O servidor substituiu 1 alteração sua.');
  const change = dashboard.overruledChanges.first();
  await expect(change).toHaveAttribute('data-collection', 'preferences');
  await expect(change.getByTestId('overruled-local')).toHaveText('R$\u00a0100,00');
  await expect(change.getByTestId('overruled-server')).toHaveText('R$\u00a0200,00');
  await expect(field).toHaveValue('200,00');

  await change.getByTestId('overruled-dismiss').click();
  await expect(dashboard.overruledChanges).toHaveCount(0);
  await expect(dashboard.overruledNotice).toHaveCount(0);
});

test('language choice follows the user to another device', async ({ page, browser }) => {
  await logInAsInvestor(page);
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { name: 'Pending operations' })).toBeVisible();

  const other = await logInOnAnotherDevice(browser);
  try {
    await expect(other.page.getByRole('heading', { name: 'Pending operations' })).toBeVisible();
  } finally {
    await other.close();
  }

  await page.getByTestId('language-pt-BR').click();
  await expect(page.getByRole('heading', { name: 'Operações pendentes' })).toBeVisible();
});
