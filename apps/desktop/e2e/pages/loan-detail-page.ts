import { expect, type Locator, type Page } from '@playwright/test';

/** The loan detail screen (`#/loans/LOAN_ID`) with its invest form. */
export class LoanDetailPage {
  readonly root: Locator;
  readonly amount: Locator;
  readonly confirm: Locator;
  readonly error: Locator;
  readonly queued: Locator;
  readonly remaining: Locator;
  readonly minimum: Locator;
  readonly position: Locator;
  readonly available: Locator;
  readonly projected: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('loan-detail');
    this.amount = page.getByTestId('invest-amount');
    this.confirm = page.getByTestId('invest-confirm');
    this.error = page.getByTestId('invest-error');
    this.queued = page.getByTestId('invest-queued');
    this.remaining = page.getByTestId('invest-remaining');
    this.minimum = page.getByTestId('invest-minimum');
    this.position = page.getByTestId('invest-position');
    this.available = page.getByTestId('invest-available');
    this.projected = page.getByTestId('invest-projected');
  }

  /** Opens a loan by changing the hash, as a link would, so the page is not reloaded (it works offline). */
  async open(loanId: string): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/loans/${loanId}`);
    await expect(this.root).toHaveAttribute('data-loan-id', loanId);
  }

  /** Types the amount as a user would ("100,00") and confirms. */
  async invest(amountText: string): Promise<void> {
    await this.amount.fill(amountText);
    await this.confirm.click();
  }
}
