import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard-page';
import { LoginPage } from '../pages/login-page';
import {
  connectionIndicatorReadsOnline,
  investorLogsIn,
  invalidDepositAmountRejected,
  languageSwitchShowsEnglish,
  loanBookShowsRowsInPortuguese,
  logInAsInvestor,
  pixDepositRaisesBalance,
  wrongPasswordShowsError,
} from '../scenarios';
import { useLastroServer } from '../support/server';

const server = useLastroServer();
let pageProblems: string[] = [];

test.beforeEach(async ({ page }) => {
  pageProblems = [];
  // The page must run under the strict CSP without violations or uncaught errors.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      pageProblems.push(message.text());
    }
  });
  page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
  await page.goto(`${server().appUrl}#/login`);
});

test.afterEach(() => {
  expect(pageProblems).toEqual([]);
});

test('investor logs in', async ({ page }) => {
  await investorLogsIn(page);
});

test('PIX deposit raises the balance live', async ({ page }) => {
  await pixDepositRaisesBalance(page, server().url);
});

test('wrong password shows the error', async ({ page }) => {
  await wrongPasswordShowsError(page);
});

test('loan book shows rows in pt-BR', async ({ page }) => {
  await loanBookShowsRowsInPortuguese(page);
});

test('connection indicator reads online', async ({ page }) => {
  await connectionIndicatorReadsOnline(page);
});

test('reload resumes the session', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const balance = await dashboard.balanceText();
  await page.reload();
  const reloaded = new DashboardPage(page);
  await expect(reloaded.balance).toHaveText(balance, { timeout: 30_000 });
  await expect(page.getByTestId('login-email')).toHaveCount(0);
});

test('logout returns to the login screen', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  await dashboard.logoutButton.click();
  await new LoginPage(page).expectVisible();
  await expect(page).toHaveURL(/#\/login$/);
  await page.reload();
  await new LoginPage(page).expectVisible();
});

test('language switch shows English', async ({ page }) => {
  await languageSwitchShowsEnglish(page);
});

test('loan row opens the loan detail', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const firstRow = dashboard.loanRows.first();
  const loanId = await firstRow.getAttribute('data-loan-id');
  expect(loanId).not.toBeNull();
  await firstRow.click();
  await expect(page).toHaveURL(new RegExp(`#/loans/${loanId}$`));
  await expect(page.getByTestId('loan-detail')).toHaveAttribute('data-loan-id', loanId ?? '');
});

test('deposit rejects an invalid amount', async ({ page }) => {
  await invalidDepositAmountRejected(page);
});

test('loan book works from the keyboard', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  const firstRow = dashboard.loanRows.first();
  await firstRow.focus();
  await page.keyboard.press('ArrowDown');
  const secondRow = dashboard.loanRows.nth(1);
  await expect(secondRow).toBeFocused();
  const loanId = await secondRow.getAttribute('data-loan-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('loan-detail')).toHaveAttribute('data-loan-id', loanId ?? '');
});

test('status filter shows only that status', async ({ page }) => {
  const dashboard = await logInAsInvestor(page);
  await page.getByTestId('loan-filter-status').selectOption('open');
  await expect(dashboard.loanRows.first()).toHaveAttribute('data-status', 'open');
  const statuses = await dashboard.loanBook.getByTestId('loan-status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Aberto']));
});

test('unknown loan shows not found', async ({ page }) => {
  await logInAsInvestor(page);
  await page.goto(`${server().appUrl}#/loans/does-not-exist`);
  const missing = page.getByTestId('loan-detail-missing');
  await expect(missing.getByRole('heading')).toHaveText('Empréstimo não encontrado');
  await expect(missing).toContainText('does-not-exist');
  await page.getByTestId('language-en').click();
  await expect(missing.getByRole('heading')).toHaveText('Loan not found');
  await page.getByTestId('language-pt-BR').click();
});

test('page load requests no missing icon', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) {
      missing.push(response.url());
    }
  });
  await page.goto(`${server().appUrl}#/login`);
  await new LoginPage(page).expectVisible();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).not.toBeNull();
  const icon = await page.request.get(new URL(href ?? '', page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/png');
  expect(missing).toEqual([]);
});
