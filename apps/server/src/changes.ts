import type { ChatMessageDoc, NotificationDoc, CommandDoc, LedgerEntryDoc, LoanDoc, PositionDoc, PreferencesDoc, WalletDoc } from '@lastro/protocol';

/** Documents of one collection by user id and then by document id; later versions replace earlier ones. */
type PerUser<D> = Map<string, Map<string, D>>;

function put<D extends { id: string }>(map: PerUser<D>, userId: string, doc: D): void {
  const docs = map.get(userId) ?? new Map<string, D>();
  docs.set(doc.id, doc);
  map.set(userId, docs);
}

/**
 * Replicated documents changed by one committed transaction, collected while it runs and
 * published to the sync sockets after it commits.
 */
export class ChangeSet {
  /** Latest state of each changed wallet, by user id. */
  readonly wallets = new Map<string, WalletDoc>();
  /** New ledger entries of each user, in sequence order. */
  readonly ledgerEntries = new Map<string, LedgerEntryDoc[]>();
  /** Latest state of each changed loan, by loan id. */
  readonly loans = new Map<string, LoanDoc>();
  /** Latest state of each changed position, by user id and loan id. */
  readonly positions: PerUser<PositionDoc> = new Map();
  /** Latest state of each changed command, by user id and command id. */
  readonly commands: PerUser<CommandDoc> = new Map();
  /** Latest state of each changed preferences document, by user id. */
  readonly preferences = new Map<string, PreferencesDoc>();
  /** Latest state of each changed chat message, by reader id and message id. */
  readonly chatMessages: PerUser<ChatMessageDoc> = new Map();
  /** Latest state of each changed notification, by user id and notification id. */
  readonly notifications: PerUser<NotificationDoc> = new Map();
  /** Status changes of loans in this transaction: the status before the first change and after the last. */
  readonly loanStatusChanges = new Map<string, { from: LoanDoc['status']; to: LoanDoc['status'] }>();
  /** Loans created in this transaction. */
  readonly newLoanIds = new Set<string>();

  addWallet(wallet: WalletDoc): void {
    this.wallets.set(wallet.id, wallet);
  }

  addLedgerEntry(userId: string, entry: LedgerEntryDoc): void {
    const entries = this.ledgerEntries.get(userId) ?? [];
    entries.push(entry);
    this.ledgerEntries.set(userId, entries);
  }

  /**
   * Adds a changed loan. Pass the loan as it was before the change, so a status change is
   * recorded, or `'created'` for a new loan.
   */
  addLoan(loan: LoanDoc, before?: LoanDoc | 'created'): void {
    this.loans.set(loan.id, loan);
    if (before === 'created') {
      this.newLoanIds.add(loan.id);
    } else if (before !== undefined) {
      const from = this.loanStatusChanges.get(loan.id)?.from ?? before.status;
      if (from === loan.status) this.loanStatusChanges.delete(loan.id);
      else this.loanStatusChanges.set(loan.id, { from, to: loan.status });
    }
  }

  addPosition(userId: string, position: PositionDoc): void {
    put(this.positions, userId, position);
  }

  addCommand(userId: string, command: CommandDoc): void {
    put(this.commands, userId, command);
  }

  addPreferences(preferences: PreferencesDoc): void {
    this.preferences.set(preferences.id, preferences);
  }

  addNotification(userId: string, notification: NotificationDoc): void {
    put(this.notifications, userId, notification);
  }

  /** Adds a chat message for one reader; call once per user who may see it. */
  addChatMessage(readerId: string, message: ChatMessageDoc): void {
    put(this.chatMessages, readerId, message);
  }

  /** Ids of every user with a changed private document. */
  get userIds(): Set<string> {
    return new Set([
      ...this.ledgerEntries.keys(),
      ...this.wallets.keys(),
      ...this.positions.keys(),
      ...this.commands.keys(),
      ...this.preferences.keys(),
      ...this.chatMessages.keys(),
      ...this.notifications.keys(),
    ]);
  }

  get isEmpty(): boolean {
    return this.userIds.size === 0 && this.loans.size === 0;
  }
}
