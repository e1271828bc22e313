import type { LedgerEntryDoc, LoanDoc, WalletDoc } from '@lastro/protocol';
import type { SqliteDatabase } from './database.js';
import { ledgerEntryDoc, loanDoc, walletDoc, type LedgerEntryRow, type LoanRow, type WalletRow } from './rows.js';

/**
 * Reads for the sync pull: the documents a user may see with `seq` above a checkpoint, in
 * `seq` order. Wallets and ledger entries are the user's own; loans are public.
 */
export interface SyncReadRepository {
  wallets(userId: string, afterSeq: number, limit: number): WalletDoc[];
  ledgerEntries(userId: string, afterSeq: number, limit: number): LedgerEntryDoc[];
  loans(afterSeq: number, limit: number): LoanDoc[];
}

export function createSqliteSyncReadRepository(db: SqliteDatabase): SyncReadRepository {
  const wallets = db.prepare('SELECT * FROM wallets WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const entries = db.prepare(
    'SELECT * FROM ledger_entries WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const loans = db.prepare('SELECT * FROM loans WHERE seq > ? ORDER BY seq LIMIT ?');
  return {
    wallets: (userId, afterSeq, limit) => (wallets.all(userId, afterSeq, limit) as WalletRow[]).map(walletDoc),
    ledgerEntries: (userId, afterSeq, limit) =>
      (entries.all(userId, afterSeq, limit) as LedgerEntryRow[]).map(ledgerEntryDoc),
    loans: (afterSeq, limit) => (loans.all(afterSeq, limit) as LoanRow[]).map(loanDoc),
  };
}
