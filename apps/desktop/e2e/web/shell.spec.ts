import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { SecurityPage } from '../pages/security-page';
import { DEMO_INVESTOR, DEMO_PASSWORD, useLastroServer } from '../support/server';

const server = useLastroServer();

/** Console prefix of the renderer's error reports (see platform/error-reporting.ts). */
const REPORT_PREFIX = '[lastro] renderer error ';

/** Collects the error reports that the page writes to the console, parsed from their JSON. */
function collectReports(page: Page): Array<Record<string, unknown>> {
  const reports: Array<Record<string, unknown>> = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (message.type() === 'error' && text.startsWith(REPORT_PREFIX)) {
      reports.push(JSON.parse(text.slice(REPORT_PREFIX.length)) as Record<string, unknown>);
    }
  });
  return reports;
}

test('uncaught error reaches the error report', async ({ page }) => {
  const reports = collectReports(page);
  await page.goto(`${server().appUrl}#/login`);
  await new LoginPage(page).expectVisible();

  await page.evaluate(() => {
    window.setTimeout(() => {
      throw new Error('thrown by the shell test');
    }, 0);
  });

  await expect.poll(() => reports.length).toBe(1);
  expect(reports[0]?.['kind']).toBe('error');
  expect(reports[0]?.['message']).toBe('Error: thrown by the shell test');
  expect(reports[0]?.['route']).toBe('#/login');
  expect(String(reports[0]?.['stack'])).toContain('thrown by the shell test');
  expect(Date.parse(String(reports[0]?.['occurredAt']))).not.toBeNaN();
});

test('unhandled rejection reaches the error report', async ({ page }) => {
  const reports = collectReports(page);
  await page.goto(`${server().appUrl}#/login`);
  await new LoginPage(page).expectVisible();

  await page.evaluate(() => {
    void Promise.reject(new TypeError('rejected by the shell test'));
  });

  await expect.poll(() => reports.length).toBe(1);
  expect(reports[0]?.['kind']).toBe('unhandledrejection');
  expect(reports[0]?.['message']).toBe('TypeError: rejected by the shell test');
});

test('screen asked for while signed out opens after login', async ({ page }) => {
  await page.goto(`${server().appUrl}#/security`);
  const login = new LoginPage(page);
  await login.expectVisible();
  await expect(page).toHaveURL(/#\/login$/);

  await login.logIn(DEMO_INVESTOR, DEMO_PASSWORD);

  await expect(page).toHaveURL(/#\/security$/);
  await expect(new SecurityPage(page).screen).toBeVisible();
});
