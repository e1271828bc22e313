import { expect, type Locator, type Page } from '@playwright/test';
import { DepositDialog } from './deposit-dialog';
import { PixOutDialog } from './pix-out-dialog';

export class DashboardPage {
  readonly balance: Locator;
  readonly connection: Locator;
  readonly depositButton: Locator;
  readonly loanBook: Locator;
  readonly loanRows: Locator;
  readonly statementRows: Locator;
  readonly logoutButton: Locator;
  readonly projectedBalance: Locator;
  readonly invested: Locator;
  readonly blocked: Locator;
  readonly pendingPanel: Locator;
  readonly pendingRows: Locator;
  readonly pixOutButton: Locator;
  readonly overruledNotice: Locator;
  readonly overruledChanges: Locator;

  constructor(readonly page: Page) {
    this.balance = page.getByTestId('wallet-balance');
    this.connection = page.getByTestId('connection-status');
    this.depositButton = page.getByTestId('deposit-open');
    this.loanBook = page.getByTestId('loan-book');
    this.loanRows = page.getByTestId('loan-row');
    this.statementRows = page.getByTestId('statement-row');
    this.logoutButton = page.getByTestId('logout');
    this.projectedBalance = page.getByTestId('projected-balance');
    this.invested = page.getByTestId('wallet-invested');
    this.blocked = page.getByTestId('wallet-blocked');
    this.pendingPanel = page.getByTestId('pending-operations');
    this.pendingRows = page.getByTestId('pending-operation');
    this.pixOutButton = page.getByTestId('pix-out-open');
    this.overruledNotice = page.getByTestId('overruled-notice');
    this.overruledChanges = page.getByTestId('overruled-change');
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

  async openPixOut(): Promise<PixOutDialog> {
    await this.pixOutButton.click();
    const dialog = new PixOutDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** Returns to the dashboard by changing the hash, without a reload, so it works offline. */
  async show(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/';
    });
    await expect(this.balance).toBeVisible();
  }

  pendingRow(commandId: string): Locator {
    return this.page.locator(`[data-testid="pending-operation"][data-id="${commandId}"]`);
  }

  loanRow(loanId: string): Locator {
    return this.page.locator(`[data-testid="loan-row"][data-loan-id="${loanId}"]`);
  }
}
