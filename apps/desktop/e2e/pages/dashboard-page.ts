import { expect, type Locator, type Page } from '@playwright/test';
import { DepositDialog } from './deposit-dialog';

export class DashboardPage {
  readonly balance: Locator;
  readonly connection: Locator;
  readonly depositButton: Locator;
  readonly loanBook: Locator;
  readonly loanRows: Locator;
  readonly statementRows: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.balance = page.getByTestId('wallet-balance');
    this.connection = page.getByTestId('connection-status');
    this.depositButton = page.getByTestId('deposit-open');
    this.loanBook = page.getByTestId('loan-book');
    this.loanRows = page.getByTestId('loan-row');
    this.statementRows = page.getByTestId('statement-row');
    this.logoutButton = page.getByTestId('logout');
  }

  /** Waits for the first sync to finish and the balance to show. */
  async expectLoaded(): Promise<void> {
    await expect(this.balance).toBeVisible({ timeout: 30_000 });
  }

  async balanceText(): Promise<string> {
    return (await this.balance.textContent()) ?? '';
  }

  async openDeposit(): Promise<DepositDialog> {
    await this.depositButton.click();
    const dialog = new DepositDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  loanRow(loanId: string): Locator {
    return this.page.locator(`[data-testid="loan-row"][data-loan-id="${loanId}"]`);
  }
}
