import { expect, type Locator, type Page } from '@playwright/test';

export class PixOutDialog {
  readonly root: Locator;
  readonly keyType: Locator;
  readonly key: Locator;
  readonly amount: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly queued: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('pix-out-dialog');
    this.keyType = page.getByTestId('pix-out-key-type');
    this.key = page.getByTestId('pix-out-key');
    this.amount = page.getByTestId('pix-out-amount');
    this.submit = page.getByTestId('pix-out-submit');
    this.error = page.getByTestId('pix-out-error');
    this.queued = page.getByTestId('pix-out-queued');
  }

  async send(keyType: string, key: string, amountText: string): Promise<void> {
    await this.keyType.selectOption(keyType);
    await this.key.fill(key);
    await this.amount.fill(amountText);
    await this.submit.click();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
