import { expect, type Locator, type Page } from '@playwright/test';

/** The notifications centre (#/notifications), its preferences and the header bell. */
export class NotificationsPage {
  readonly bell: Locator;
  readonly centre: Locator;
  readonly items: Locator;
  readonly markAllRead: Locator;
  readonly toasts: Locator;
  readonly preferences: Locator;
  readonly quietEnabled: Locator;
  readonly quietStart: Locator;
  readonly quietEnd: Locator;
  readonly savePreferences: Locator;
  readonly preferencesMessage: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByTestId('notification-bell');
    this.centre = page.getByTestId('notifications-centre');
    this.items = page.getByTestId('notification-item');
    this.markAllRead = page.getByTestId('notifications-mark-all-read');
    this.toasts = page.getByTestId('notification-toast');
    this.preferences = page.getByTestId('notification-preferences');
    this.quietEnabled = page.getByTestId('quiet-hours-enabled');
    this.quietStart = page.getByTestId('quiet-hours-start');
    this.quietEnd = page.getByTestId('quiet-hours-end');
    this.savePreferences = page.getByTestId('notification-preferences-save');
    this.preferencesMessage = page.getByTestId('notification-preferences-message');
  }

  /** Opens the centre through the header bell, without a reload. */
  async open(): Promise<void> {
    await this.bell.click();
    await expect(this.centre).toBeVisible();
  }

  item(id: string): Locator {
    return this.page.locator(`[data-testid="notification-item"][data-notification-id="${id}"]`);
  }

  toast(id: string): Locator {
    return this.page.locator(`[data-testid="notification-toast"][data-notification-id="${id}"]`);
  }

  /** Returns the on/off checkbox of one notification type. */
  typeToggle(type: string): Locator {
    return this.page.locator(`[data-testid="notification-type-toggle"][data-type="${type}"] input`);
  }
}
