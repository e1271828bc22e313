import { expect, test, type Browser, type Page } from '@playwright/test';
import { NotificationsPage } from '../pages/notifications-page';
import { storedSession } from '../pages/security-page';
import {
  alertRevokeEndsSessionAtOnce,
  createDepositCharge,
  logInAsInvestor,
  logInOnAnotherDevice,
  newDeviceLoginRaisesAlert,
  type SecondDevice,
} from '../scenarios';
import { newReceivedPix, postPixCallback } from '../support/pix';
import { countToastsAdded, toastsAdded } from '../support/toasts';
import { DEMO_PASSWORD, useLastroServer } from '../support/server';
import { failOnUncaughtErrors } from '../support/uncaught-errors';
import { LoginPage } from '../pages/login-page';

const server = useLastroServer();
const uncaughtOn = failOnUncaughtErrors(() => server().appUrl);

/** Logs the investor in on another device, collecting that page's uncaught errors too. */
function logInOnSecondDevice(browser: Browser): Promise<SecondDevice> {
  return logInOnAnotherDevice(browser, server().appUrl, uncaughtOn('the second device'));
}

test('revoking a suspicious session ends it at once', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const second = await logInOnSecondDevice(browser);
  try {
    const login = await newDeviceLoginRaisesAlert(page, second);
    await alertRevokeEndsSessionAtOnce(page, second, login);
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

  const pix = newReceivedPix(await createDepositCharge(page), '120.00');
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
  const later = newReceivedPix(await createDepositCharge(page), '30.00');
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
  return createDepositCharge(page);
}

test('mark all read syncs to another device', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const notifications = new NotificationsPage(page);
  const pix = newReceivedPix(await createDepositCharge(page), '45.00');
  await postPixCallback(server().url, pix);
  await expect(notifications.toast(`pix:${pix.endToEndId}`)).toHaveCount(1);

  const second = await logInOnSecondDevice(browser);
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
  const pix = newReceivedPix(await createDepositCharge(page), '15.00');
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
