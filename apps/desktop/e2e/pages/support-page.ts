import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The support console (`#/support`). */
export class SupportPage {
  readonly root: Locator;
  readonly navLink: Locator;
  /** The count of held messages waiting, on the header link. */
  readonly navHeldCount: Locator;
  readonly forbidden: Locator;
  readonly heldQueue: Locator;
  readonly heldMessages: Locator;
  readonly heldNotice: Locator;
  readonly heldRefresh: Locator;
  readonly searchUser: Locator;
  readonly searchRoom: Locator;
  readonly searchFrom: Locator;
  readonly searchTo: Locator;
  readonly searchText: Locator;
  readonly searchSubmit: Locator;
  readonly resultRows: Locator;
  readonly searchEmpty: Locator;
  readonly searchError: Locator;
  readonly verifyButton: Locator;
  readonly verifyResult: Locator;
  readonly exportCsv: Locator;
  readonly exportJson: Locator;
  readonly exportDone: Locator;
  readonly loanLookupId: Locator;
  readonly loanLookupOpen: Locator;
  readonly loanLookupInvalid: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('support-console');
    this.navLink = page.getByTestId('nav-support');
    this.navHeldCount = page.getByTestId('nav-support-held');
    this.forbidden = page.getByTestId('support-forbidden');
    this.heldQueue = page.getByTestId('held-queue');
    this.heldMessages = page.getByTestId('held-message');
    this.heldNotice = page.getByTestId('held-notice');
    this.heldRefresh = page.getByTestId('held-refresh');
    this.loanLookupId = page.getByTestId('loan-lookup-id');
    this.loanLookupOpen = page.getByTestId('loan-lookup-open');
    this.loanLookupInvalid = page.getByTestId('loan-lookup-invalid');
    this.searchUser = page.getByTestId('audit-user');
    this.searchRoom = page.getByTestId('audit-room');
    this.searchFrom = page.getByTestId('audit-from');
    this.searchTo = page.getByTestId('audit-to');
    this.searchText = page.getByTestId('audit-text');
    this.searchSubmit = page.getByTestId('audit-submit');
    this.resultRows = page.getByTestId('audit-row');
    this.searchEmpty = page.getByTestId('audit-empty');
    this.searchError = page.getByTestId('audit-error');
    this.verifyButton = page.getByTestId('verify-chain');
    this.verifyResult = page.getByTestId('verify-result');
    this.exportCsv = page.getByTestId('export-csv');
    this.exportJson = page.getByTestId('export-json');
    this.exportDone = page.getByTestId('export-done');
  }

  /** Opens a loan's detail from the console's "Abrir empréstimo" form. */
  async openLoan(loanId: string): Promise<void> {
    await this.loanLookupId.fill(loanId);
    await this.loanLookupOpen.click();
    await expect(this.page.getByTestId('loan-detail')).toHaveAttribute('data-loan-id', loanId);
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible({ timeout: 30_000 });
  }

  heldMessage(messageId: string): Locator {
    return this.page.locator(`[data-testid="held-message"][data-id="${messageId}"]`);
  }

  /** Clicks Liberar or Rejeitar on a held message, then confirms. */
  async review(messageId: string, action: 'release' | 'reject'): Promise<void> {
    const row = this.heldMessage(messageId);
    await row.getByTestId(action === 'release' ? 'held-release' : 'held-reject').click();
    await expect(row.getByTestId('held-confirm')).toBeVisible();
    await row.getByTestId('held-confirm-yes').click();
  }

  async searchByText(text: string): Promise<void> {
    await this.searchText.fill(text);
    await this.searchSubmit.click();
  }

  /** Clicks an export button and returns the download it starts. */
  async export(format: 'csv' | 'json'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await (format === 'csv' ? this.exportCsv : this.exportJson).click();
    return download;
  }
}
