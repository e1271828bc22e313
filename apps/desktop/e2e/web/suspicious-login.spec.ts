import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
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

test('security screen shows the app version', async ({ page }) => {
  const { version } = JSON.parse(readFileSync(join(DESKTOP_DIR, 'package.json'), 'utf8')) as { version: string };
  await logInAsInvestor(page);
  await page.getByTestId('security-link').click();

  await expect(page.getByTestId('app-version')).toHaveText(`Versão do Lastro: ${version}`);
});
