import { expect, type Locator, type Page } from '@playwright/test';

/** The chat panel of one conversation, on the loan detail or on its own screen. */
export class ChatPanel {
  readonly root: Locator;
  readonly title: Locator;
  readonly hint: Locator;
  readonly messages: Locator;
  readonly empty: Locator;
  readonly input: Locator;
  readonly sendButton: Locator;
  readonly quota: Locator;
  /** The tooltip marker that names the messages counted toward the limit. */
  readonly quotaHint: Locator;
  readonly counter: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('chat-panel');
    this.title = this.root.getByTestId('chat-panel-title');
    this.hint = this.root.getByTestId('chat-panel-hint');
    this.messages = this.root.getByTestId('chat-message');
    this.empty = this.root.getByTestId('chat-empty');
    this.input = this.root.getByTestId('chat-input');
    this.sendButton = this.root.getByTestId('chat-send');
    this.quota = this.root.getByTestId('chat-quota');
    this.quotaHint = this.root.getByTestId('chat-quota-hint');
    this.counter = this.root.getByTestId('chat-counter');
    this.error = this.root.getByTestId('chat-error');
  }

  /** Types the text and presses Enter, as a user sends a message. */
  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
  }

  /** Returns the message with exactly this text. */
  message(text: string): Locator {
    return this.messages.filter({ has: this.page.getByTestId('chat-message-text').getByText(text, { exact: true }) });
  }

  /** Messages left this hour, read from the quota line. */
  async remainingQuota(): Promise<number> {
    await expect(this.quota).toHaveAttribute('data-remaining', /^\d+$/);
    return Number(await this.quota.getAttribute('data-remaining'));
  }

  /** Reads the room id `chat:LOAN_ID:INVESTOR_ID` of the conversation shown. */
  async roomId(): Promise<string> {
    await expect(this.root).toHaveAttribute('data-room-id', /^chat:/);
    return (await this.root.getAttribute('data-room-id')) ?? '';
  }
}

/** Chat parts of the app outside the panel: header links, unread badge, toasts and conversation lists. */
export class ChatPage {
  readonly panel: ChatPanel;
  readonly navChats: Locator;
  readonly navRequests: Locator;
  readonly unreadTotal: Locator;
  readonly toasts: Locator;
  readonly list: Locator;
  readonly listEmpty: Locator;
  readonly rooms: Locator;
  readonly borrowerRequests: Locator;
  readonly conversationMissing: Locator;
  /** The back link of a conversation screen. */
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.panel = new ChatPanel(page);
    this.navChats = page.getByTestId('nav-chats');
    this.navRequests = page.getByTestId('nav-requests');
    this.unreadTotal = page.getByTestId('chat-unread-total');
    this.toasts = page.getByTestId('chat-toast');
    this.list = page.getByTestId('chat-list');
    this.listEmpty = page.getByTestId('chat-list-empty');
    this.rooms = page.getByTestId('chat-room');
    this.borrowerRequests = page.getByTestId('borrower-requests');
    this.conversationMissing = page.getByTestId('chat-conversation-missing');
    this.back = page.getByTestId('chat-back');
  }

  /** Opens a location hash without a reload, as a link would. */
  async goTo(hash: string): Promise<void> {
    await this.page.evaluate((target) => {
      window.location.hash = target;
    }, hash);
  }

  async openChatList(): Promise<void> {
    await this.navChats.click();
    await expect(this.list).toBeVisible();
  }

  /** Returns the borrower's request card of a loan on "Meus pedidos". */
  loanRequest(loanId: string): Locator {
    return this.page.locator(`[data-testid="loan-request"][data-loan-id="${loanId}"]`);
  }

  room(roomId: string): Locator {
    return this.page.locator(`[data-testid="chat-room"][data-room-id="${roomId}"]`);
  }
}
