import { expect, type Locator, type Page } from '@playwright/test';

/** The Security screen (#/security) and the security alert banner shown on every screen. */
export class SecurityPage {
  readonly alert: Locator;
  readonly alertView: Locator;
  readonly alertRevoke: Locator;
  readonly alertAcknowledge: Locator;
  readonly screen: Locator;
  readonly sessionRows: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByTestId('security-alert');
    this.alertView = page.getByTestId('security-alert-view');
    this.alertRevoke = page.getByTestId('security-alert-revoke');
    this.alertAcknowledge = page.getByTestId('security-alert-ack');
    this.screen = page.getByTestId('security-screen');
    this.sessionRows = page.getByTestId('session-row');
  }

  sessionRow(sessionId: string): Locator {
    return this.page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  }

  /** Opens the Security screen from the header link, without a reload. */
  async open(): Promise<void> {
    await this.page.getByTestId('security-link').click();
    await expect(this.screen).toBeVisible();
  }
}

/** Returns the session this page is signed in with, as the web terminal keeps it in `sessionStorage`. */
export async function storedSession(page: Page): Promise<{ token: string; sessionId: string }> {
  const session = await page.evaluate(() => {
    const raw = window.sessionStorage.getItem('lastro.session');
    return raw === null ? null : (JSON.parse(raw) as { token?: unknown; sessionId?: unknown });
  });
  if (session === null || typeof session.token !== 'string' || typeof session.sessionId !== 'string') {
    throw new Error(`no stored session with a token and a session id: ${JSON.stringify(session)}`);
  }
  return { token: session.token, sessionId: session.sessionId };
}
