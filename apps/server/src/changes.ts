import type { LedgerEntryDoc, LoanDoc, WalletDoc } from '@lastro/protocol';

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

  get isEmpty(): boolean {
    return this.wallets.size === 0 && this.ledgerEntries.size === 0 && this.loans.size === 0;
  }
}
