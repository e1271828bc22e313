import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SecurityPage } from '../pages/security-page';
import { alertConfirmClearsMark, logInAsInvestor, logInOnAnotherDevice, newDeviceLoginRaisesAlert } from '../scenarios';
import { DESKTOP_DIR } from '../support/paths';
import { useLastroServer } from '../support/server';
import { failOnUncaughtErrors } from '../support/uncaught-errors';

// This file starts its own server. Each earlier login of the investor from another browser
// context would be one more suspicious session, and the second device here would show its alert.
const server = useLastroServer();
const uncaughtOn = failOnUncaughtErrors(() => server().appUrl);

test('confirming a suspicious login clears its mark', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const second = await logInOnAnotherDevice(browser, server().appUrl, uncaughtOn('the second device'));
  try {
    const login = await newDeviceLoginRaisesAlert(page, second);
    await alertConfirmClearsMark(page, second, login);
  } finally {
    await second.close();
  }
});

test('ending the other sessions signs them out', async ({ page, browser }) => {
  await logInAsInvestor(page);
  const second = await logInOnAnotherDevice(browser, server().appUrl, uncaughtOn('the second device'));
  try {
    const security = new SecurityPage(page);
    await security.open();
    await expect(security.sessionRows).not.toHaveCount(1);

    await page.getByTestId('sessions-revoke-others').click();
    await page.getByTestId('sessions-revoke-others-confirm').click();

    await expect(second.page.getByTestId('login-error')).toHaveText('Sua sessão foi encerrada em outro aparelho. Entre novamente.');
    await expect(security.sessionRows).toHaveCount(1);
    await expect(security.sessionRows.first()).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('sessions-revoke-others')).toHaveCount(0);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  } finally {
    await second.close();
  }
});

test('security screen shows the app version', async ({ page }) => {
  const { version } = JSON.parse(readFileSync(join(DESKTOP_DIR, 'package.json'), 'utf8')) as { version: string };
  await logInAsInvestor(page);
  await page.getByTestId('security-link').click();

  await expect(page.getByTestId('app-version')).toHaveText(`Versão do Lastro: ${version}`);
});
