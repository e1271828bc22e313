import { expect, type Locator, type Page } from '@playwright/test';

export class DepositDialog {
  readonly root: Locator;
  readonly amount: Locator;
  readonly create: Locator;
  readonly txid: Locator;
  readonly brCode: Locator;
  readonly qrCode: Locator;
  readonly error: Locator;
  /** "Aguardando o pagamento…" until the charge's PIX is credited, then "Pagamento recebido: …". */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('deposit-dialog');
    this.amount = page.getByTestId('deposit-amount');
    this.create = page.getByTestId('deposit-create');
    this.txid = page.getByTestId('deposit-txid');
    this.brCode = page.getByTestId('deposit-brcode');
    this.qrCode = this.root.locator('img.deposit__qr');
    this.error = page.getByTestId('deposit-error');
    this.status = page.getByTestId('deposit-status');
  }

  /** Creates the charge, optionally with an amount typed as a user would ("250,00"), and returns its txid. */
  async createCharge(amountText?: string): Promise<string> {
    if (amountText !== undefined) {
      await this.amount.fill(amountText);
    }
    await this.create.click();
    await expect(this.txid).toHaveText(/^[A-Za-z0-9]{26,35}$/);
    return (await this.txid.textContent()) ?? '';
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
