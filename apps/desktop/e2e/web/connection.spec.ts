import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { logInAsInvestor } from '../scenarios';
import { startLastroServer, useLastroServer } from '../support/server';

const server = useLastroServer();

test('indicator follows the browser going offline', async ({ page, context }) => {
  await page.goto(`${server().appUrl}#/login`);
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'online');

  await context.setOffline(true);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'offline');
  await expect(dashboard.connection).toHaveText('Offline');

  await context.setOffline(false);
  await expect(dashboard.connection).toHaveAttribute('data-status', 'online');
  await expect(dashboard.connection).toHaveText('Online');
});

test('indicator counts down while the server is down', async ({ page }) => {
  const ownServer = await startLastroServer();
  try {
    await page.goto(`${ownServer.appUrl}#/login`);
    const dashboard = await logInAsInvestor(page);
    await expect(dashboard.connection).toHaveAttribute('data-status', 'online');

    await ownServer.stop();
    await expect(dashboard.connection).toHaveAttribute('data-status', 'reconnecting');
    await expect(dashboard.connection).toHaveText(/^Reconectando( em \d+ s|…)$/);
    // The balance stays on screen from the local database while the server is away.
    await expect(dashboard.balance).toHaveText(/^R\$\u00a0/);
  } finally {
    await ownServer.stop();
  }
});

test('login reports an unreachable server', async ({ page }) => {
  const ownServer = await startLastroServer();
  try {
    await page.goto(`${ownServer.appUrl}#/login`);
    const login = new LoginPage(page);
    await login.expectVisible();
    await ownServer.stop();
    await login.logIn('investidor@lastro.demo', 'lastro-demo');
    await expect(login.error).toHaveText(
      'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
    );
  } finally {
    await ownServer.stop();
  }
});

test('loan book follows the market simulator live', async ({ page }) => {
  const ownServer = await startLastroServer({ simulator: true });
  try {
    await page.goto(`${ownServer.appUrl}#/login`);
    const dashboard = await logInAsInvestor(page);
    await page.getByTestId('loan-sort').selectOption('recentlyUpdated');
    const topRow = dashboard.loanRows.first();
    const before = `${await topRow.getAttribute('data-loan-id')} ${await topRow.textContent()}`;

    // Every simulator step changes a loan, which then sorts first with new figures.
    await expect
      .poll(async () => `${await topRow.getAttribute('data-loan-id')} ${await topRow.textContent()}`, { timeout: 20_000 })
      .not.toBe(before);
  } finally {
    await ownServer.stop();
  }
});
