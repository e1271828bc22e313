import { expect, test, type Browser, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard-page';
import { NotificationsPage } from '../pages/notifications-page';
import { SecurityPage, storedSession } from '../pages/security-page';
import { logInAsInvestor } from '../scenarios';
import { newReceivedPix, postPixCallback } from '../support/pix';
import { DEMO_PASSWORD, useLastroServer } from '../support/server';
import { LoginPage } from '../pages/login-page';

const server = useLastroServer();
let pageProblems: string[] = [];

test.beforeEach(async ({ page }) => {
  pageProblems = [];
  page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
  await page.goto(`${server().appUrl}#/login`);
});

test.afterEach(() => {
  expect(pageProblems).toEqual([]);
});

/** Logs the investor in on another device: a new browser context with its own device id and local database. */
async function logInOnAnotherDevice(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => pageProblems.push(`uncaught on the second device: ${error.message}`));
  await page.goto(`${server().appUrl}#/login`);
  await logInAsInvestor(page);
  return { page, close: () => context.close() };
}

/**
 * Counts every toast element added to the page, per notification id, from the first script of
 * each document load. The counts live in `window.__toastsAdded` and restart with each load.
 */
async function countToastsAdded(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    Reflect.set(window, '__toastsAdded', counts);
    const countNode = (node: Node): void => {
      if (!(node instanceof HTMLElement)) return;
      const toasts = [node, ...node.querySelectorAll<HTMLElement>('[data-notification-id]')].filter(
        (element) => element.dataset.testid === 'notification-toast' || element.dataset.testid === 'chat-toast',
      );
      for (const toast of toasts) {
        const id = toast.dataset.notificationId ?? '';
        counts[id] = (counts[id] ?? 0) + 1;
      }
    };
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(countNode);
    }).observe(document, { childList: true, subtree: true });
  });
}

async function toastsAdded(page: Page, id: string): Promise<number> {
  return page.evaluate((notificationId) => {
    const counts = Reflect.get(window, '__toastsAdded') as Record<string, number> | undefined;
    return counts?.[notificationId] ?? 0;
  }, id);
}

/** Creates a deposit charge in the open dashboard and returns its txid. */
async function createCharge(page: Page): Promise<string> {
  const dashboard = new DashboardPage(page);
  const dialog = await dashboard.openDeposit();
  const txid = await dialog.createCharge();
  await dialog.close();
  return txid;
}

test('revoking a suspicious session ends it at once', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const security = new SecurityPage(page);

  const second = await logInOnAnotherDevice(browser);
  try {
    const secondSession = await storedSession(second.page);
    const firstSession = await storedSession(page);

    // The second login is from a device the account has not used: the first device gets the alert.
    await expect(security.alert).toHaveAttribute('data-session-id', secondSession.sessionId);
    await expect(security.alert).toContainText('Novo acesso em');
    await expect(new SecurityPage(second.page).alert).toHaveCount(0);

    await security.alertView.click();
    await expect(security.screen).toBeVisible();
    const secondRow = security.sessionRow(secondSession.sessionId);
    await expect(secondRow).toHaveAttribute('data-suspicious', 'true');
    await expect(secondRow).toContainText('suspeita');
    await expect(security.sessionRow(firstSession.sessionId)).toContainText('este aparelho');
    await expect(security.sessionRow(firstSession.sessionId).getByTestId('session-revoke')).toHaveCount(0);

    await security.alertRevoke.click();

    // The ended session leaves the account's screens at once and shows why.
    await expect(second.page.getByTestId('login-error')).toHaveText('Sua sessão foi encerrada em outro aparelho. Entre novamente.');
    await expect(second.page.getByTestId('wallet-balance')).toHaveCount(0);
    const status = await second.page.evaluate(async (token) => {
      const response = await fetch('/api/v1/sessions', { headers: { authorization: `Bearer ${token}` } });
      return response.status;
    }, secondSession.token);
    expect(status).toBe(401);

    await expect(security.alert).toHaveCount(0);
    await expect(secondRow).toHaveCount(0);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  } finally {
    await second.close();
  }
});

test('PIX webhook retried five times across two reconnects toasts once', async ({ page }) => {
  await countToastsAdded(page);
  // beforeEach already loaded the page, so load it again for the counter to be installed.
  await page.reload();
  await logInAsInvestor(page);
  const notifications = new NotificationsPage(page);

  const pix = newReceivedPix(await createCharge(page), '120.00');
  const id = `pix:${pix.endToEndId}`;
  const status = page.getByTestId('connection-status');
  const reconnect = async (): Promise<void> => {
    await page.context().setOffline(true);
    await expect(status).toHaveAttribute('data-status', 'offline');
    await postPixCallback(server().url, pix);
    await page.context().setOffline(false);
    await expect(status).toHaveAttribute('data-status', 'online');
  };
  // The first delivery and a retry while online, then a retry during each of two offline
  // periods, then a last retry after the second reconnect: five retries in all.
  await postPixCallback(server().url, pix);
  await expect(notifications.toast(id)).toHaveCount(1);
  await postPixCallback(server().url, pix);
  await reconnect();
  await postPixCallback(server().url, pix);
  await reconnect();
  await postPixCallback(server().url, pix);
  await expect(notifications.toast(id)).toHaveCount(1);
  await expect(notifications.toast(id)).toContainText('PIX recebido');

  // A later PIX is notified after every retry of the first was processed, so once its toast
  // shows, a duplicate of the first would have shown too.
  const later = newReceivedPix(await createCharge(page), '30.00');
  await postPixCallback(server().url, later);
  await expect(notifications.toast(`pix:${later.endToEndId}`)).toHaveCount(1);
  expect(await toastsAdded(page, `pix:${later.endToEndId}`)).toBe(1);
  expect(await toastsAdded(page, id)).toBe(1);

  await notifications.open();
  await expect(notifications.item(id)).toHaveCount(1);
  await expect(notifications.item(id)).toHaveAttribute('data-unread', 'true');

  // A reload must not present it again: this browser remembers it, and the server has shownAt.
  await page.reload();
  await expect(notifications.centre).toBeVisible({ timeout: 30_000 });
  await expect(notifications.item(id)).toHaveCount(1);
  const afterReload = newReceivedPix(await openDashboardAndCreateCharge(page), '10.00');
  await postPixCallback(server().url, afterReload);
  await expect(notifications.toast(`pix:${afterReload.endToEndId}`)).toHaveCount(1);
  expect(await toastsAdded(page, id)).toBe(0);
  expect(await toastsAdded(page, `pix:${later.endToEndId}`)).toBe(0);

  // Clicking the toast opens it, which marks it read in the centre.
  await notifications.toast(`pix:${afterReload.endToEndId}`).getByTestId('notification-toast-open').click();
  await expect(notifications.toast(`pix:${afterReload.endToEndId}`)).toHaveCount(0);
  await expect(notifications.item(`pix:${afterReload.endToEndId}`)).toHaveAttribute('data-unread', 'false');
});

async function openDashboardAndCreateCharge(page: Page): Promise<string> {
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await expect(page.getByTestId('wallet-balance')).toBeVisible();
  return createCharge(page);
}

test('mark all read syncs to another device', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const notifications = new NotificationsPage(page);
  const pix = newReceivedPix(await createCharge(page), '45.00');
  await postPixCallback(server().url, pix);
  await expect(notifications.toast(`pix:${pix.endToEndId}`)).toHaveCount(1);

  const second = await logInOnAnotherDevice(browser);
  try {
    const secondSession = await storedSession(second.page);
    const secondNotifications = new NotificationsPage(second.page);
    await notifications.open();
    // The second login raised an alert; wait for it so marking all read covers it too.
    await expect(notifications.item(`login:${secondSession.sessionId}`)).toHaveCount(1);
    await expect(notifications.item(`pix:${pix.endToEndId}`)).toHaveAttribute('data-unread', 'true');
    const unread = Number(await notifications.centre.getAttribute('data-unread'));
    expect(unread).toBeGreaterThanOrEqual(2);
    await expect(notifications.bell).toHaveAttribute('data-unread', String(unread));
    await expect(notifications.page.getByTestId('notification-unread-total')).toHaveText(String(unread));
    await expect(secondNotifications.bell).toHaveAttribute('data-unread', String(unread));

    await notifications.markAllRead.click();
    await expect(notifications.centre).toHaveAttribute('data-unread', '0');
    await expect(notifications.bell).toHaveAttribute('data-unread', '0');
    await expect(notifications.page.getByTestId('notification-unread-total')).toHaveCount(0);
    await expect(notifications.markAllRead).toBeDisabled();

    await expect(secondNotifications.bell).toHaveAttribute('data-unread', '0');
    await secondNotifications.open();
    await expect(secondNotifications.item(`pix:${pix.endToEndId}`)).toHaveAttribute('data-unread', 'false');
  } finally {
    await second.close();
  }
});

test('muted type and quiet hours survive a reload', async ({ page }) => {
  await logInAsInvestor(page);
  const notifications = new NotificationsPage(page);
  await notifications.open();

  await expect(notifications.typeToggle('pix_received')).toBeDisabled();
  await expect(notifications.typeToggle('pix_received')).toBeChecked();
  await expect(notifications.preferences.locator('[data-type="suspicious_login"]')).toContainText('sempre enviadas');
  await expect(notifications.typeToggle('loan_status_changed')).toBeChecked();

  await notifications.typeToggle('loan_status_changed').uncheck();
  await notifications.quietEnabled.check();
  await notifications.quietStart.selectOption('22');
  await notifications.quietEnd.selectOption('7');
  await notifications.savePreferences.click();
  await expect(notifications.preferencesMessage).toHaveText('Preferências salvas.');

  await page.reload();
  await expect(notifications.preferences).toBeVisible({ timeout: 30_000 });
  await expect(notifications.typeToggle('loan_status_changed')).not.toBeChecked();
  await expect(notifications.typeToggle('daily_digest')).toBeChecked();
  await expect(notifications.quietEnabled).toBeChecked();
  await expect(notifications.quietStart).toHaveValue('22');
  await expect(notifications.quietEnd).toHaveValue('7');

  await notifications.quietEnabled.uncheck();
  await notifications.savePreferences.click();
  await expect(notifications.preferencesMessage).toHaveText('Preferências salvas.');
  await page.reload();
  await expect(notifications.preferences).toBeVisible({ timeout: 30_000 });
  await expect(notifications.quietEnabled).not.toBeChecked();
  await expect(notifications.typeToggle('loan_status_changed')).not.toBeChecked();
});

test('loan book filter saved as an alert', async ({ page }) => {
  await logInAsInvestor(page);
  await page.getByTestId('loan-filter-grade').and(page.locator('[value="A"]')).check();
  await page.getByTestId('loan-filter-min-rate').fill('1,20');
  await page.getByTestId('loan-filter-max-term').fill('36');
  const rows = page.getByTestId('loan-row');
  await expect(rows.first()).toBeVisible();
  for (const grade of await rows.locator('.grade').allTextContents()) expect(grade).toBe('A');

  await page.getByTestId('loan-alert-save').click();
  const summary = page.getByTestId('loan-alert-filter').getByTestId('loan-alert-summary');
  await expect(summary).toContainText('notas A');
  await expect(summary).toContainText('a partir de 1,20% a.m.');
  await expect(summary).toContainText('até 36 meses');

  await summary.getByTestId('loan-alert-remove').click();
  await expect(page.getByTestId('loan-alert-summary')).toHaveCount(0);
});

test('support sees notification statistics', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const notifications = new NotificationsPage(page);
  const pix = newReceivedPix(await createCharge(page), '15.00');
  await postPixCallback(server().url, pix);
  // The toast is on screen, so the notification was delivered and shown in the app.
  await expect(notifications.toast(`pix:${pix.endToEndId}`)).toHaveCount(1);

  const context = await browser.newContext();
  try {
    const support = await context.newPage();
    await support.goto(`${server().appUrl}#/login`);
    await new LoginPage(support).logIn('suporte@lastro.demo', DEMO_PASSWORD);
    await expect(support.getByTestId('support-console')).toBeVisible({ timeout: 30_000 });
    const stats = support.getByTestId('notification-stats');
    await expect(stats).toContainText('Estatísticas de notificações');
    const row = stats.locator('[data-testid="notification-stats-row"][data-type="pix_received"][data-channel="in_app"]');
    await expect(row).toContainText('PIX recebido');
    await expect(row).toContainText('No aplicativo');
    await expect(row.locator('td').nth(2)).toHaveText(/^[1-9]\d*$/);
    await expect(row.locator('td').nth(3)).toHaveText(/^\d{1,3},\d%$/);
  } finally {
    await context.close();
  }
});
