import { expect, type Locator, type Page } from '@playwright/test';

/** The "Detalhes" and "Notas" tabs of the loan detail, with the shared notes and colleagues' avatars. */
export class NotesPage {
  readonly detailsTab: Locator;
  readonly notesTab: Locator;
  readonly panel: Locator;
  readonly text: Locator;
  readonly status: Locator;
  readonly readOnlyNote: Locator;
  readonly avatars: Locator;
  readonly presenceText: Locator;
  readonly organisations: Locator;
  readonly organisationItems: Locator;
  readonly organisationsEmpty: Locator;
  readonly organisationShown: Locator;
  readonly organisationChange: Locator;

  constructor(readonly page: Page) {
    this.detailsTab = page.getByTestId('loan-tab-details');
    this.notesTab = page.getByTestId('loan-tab-notes');
    this.panel = page.getByTestId('notes-panel');
    this.text = page.getByTestId('notes-text');
    this.status = page.getByTestId('notes-status');
    this.readOnlyNote = page.getByTestId('notes-read-only');
    this.avatars = page.getByTestId('presence-avatar');
    this.presenceText = page.getByTestId('notes-presence-text');
    this.organisations = page.getByTestId('notes-organisations');
    this.organisationItems = page.getByTestId('notes-organisation-item');
    this.organisationsEmpty = page.getByTestId('notes-organisations-empty');
    this.organisationShown = page.getByTestId('notes-organisation');
    this.organisationChange = page.getByTestId('notes-organisation-change');
  }

  /** Returns the support list's entry of one organisation, by organisation id. */
  organisation(organisationId: string): Locator {
    return this.page.locator(`[data-testid="notes-organisation-item"][data-organisation-id="${organisationId}"]`);
  }

  /** Opens the Notes tab and waits until the text is shown. */
  async open(): Promise<void> {
    await this.notesTab.click();
    await expect(this.notesTab).toHaveAttribute('aria-selected', 'true');
    await expect(this.text).toBeVisible();
  }

  /** The avatar of one user, by user id. */
  avatar(userId: string): Locator {
    return this.page.locator(`[data-testid="presence-avatar"][data-user-id="${userId}"]`);
  }

  /** The initials shown in the avatar of one user. */
  initials(userId: string): Locator {
    return this.avatar(userId).getByTestId('presence-initials');
  }

  /**
   * Waits until every update of the offline copy in IndexedDB is committed and returns how many
   * are stored. A read-only transaction starts only after the earlier write transactions on
   * the same store finished, so its completion is the barrier.
   */
  async storedUpdates(): Promise<number> {
    return this.page.evaluate(async () => {
      const databases = await indexedDB.databases();
      const name = databases.map((database) => database.name ?? '').find((candidate) => candidate.startsWith('lastro-collab:'));
      if (name === undefined) throw new Error('no IndexedDB database named lastro-collab:* found');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`opening ${name} failed`));
      });
      try {
        return await new Promise<number>((resolve, reject) => {
          const transaction = db.transaction('updates', 'readonly');
          const count = transaction.objectStore('updates').count();
          transaction.oncomplete = () => resolve(count.result);
          transaction.onerror = () => reject(transaction.error ?? new Error(`counting updates of ${name} failed`));
        });
      } finally {
        db.close();
      }
    });
  }

  /** Types at the end of the notes, key by key, as a user does. */
  async appendText(text: string): Promise<void> {
    await this.text.click();
    await this.text.press('Control+End');
    await this.text.pressSequentially(text);
  }
}
