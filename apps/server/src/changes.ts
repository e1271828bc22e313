import type { ChatMessageDoc, CommandDoc, LedgerEntryDoc, LoanDoc, PositionDoc, PreferencesDoc, WalletDoc } from '@lastro/protocol';

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

  addWallet(wallet: WalletDoc): void {
    this.wallets.set(wallet.id, wallet);
  }

  addLedgerEntry(userId: string, entry: LedgerEntryDoc): void {
    const entries = this.ledgerEntries.get(userId) ?? [];
    entries.push(entry);
    this.ledgerEntries.set(userId, entries);
  }

  addLoan(loan: LoanDoc): void {
    this.loans.set(loan.id, loan);
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
    ]);
  }

  get isEmpty(): boolean {
    return this.userIds.size === 0 && this.loans.size === 0;
  }
}
