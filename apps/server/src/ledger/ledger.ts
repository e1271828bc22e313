import { randomUUID } from 'node:crypto';
import type { LedgerEntryKind, WalletDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { Statement } from 'better-sqlite3';
import { nextSeq, type SqliteDatabase } from '../db/database.js';
import { ledgerEntryDoc, walletDoc, type LedgerEntryRow, type WalletRow } from '../db/rows.js';
import { walletAccountId, type Bucket } from './accounts.js';

/** One line of a ledger transaction: signed centavos on one account. */
export interface PostingLine {
  accountId: string;
  /** Signed centavos: positive increases the account's balance, negative decreases it. */
  amount: number;
  kind: LedgerEntryKind;
}

export interface Posting {
  kind: LedgerEntryKind;
  /** External reference, such as the PIX endToEndId or the refund id. */
  reference: string;
  /**
   * The PIX charge's txid when a `pix_in` posting credits a charge. It is stored on the
   * transaction's wallet entries only, so the user's app can match the entry to the charge.
   * NOTE: `applyPixCallback` (pix/apply.ts) does not pass it yet, so credits carry no txid until it does.
   */
  chargeTxid?: string;
  createdAt: string;
  lines: PostingLine[];
}

/** Double-entry ledger. Every method must run inside a store transaction. */
export interface Ledger {
  /** Creates the user's wallet and its three accounts (available, blocked, invested) with zero balances. */
  openWallet(userId: string, createdAt: string, changes: ChangeSet): void;
  /**
   * Records a balanced transaction, updates account balances and cached wallet balances,
   * and gives user entries and wallets the next change sequence. Returns the transaction id.
   *
   * @throws Error when the lines do not sum to zero, a line is zero or not an integer, or an account is unknown.
   */
  post(posting: Posting, changes: ChangeSet): string;
  /** Returns the user's wallet with its cached balances, or undefined when the user has none. */
  wallet(userId: string): WalletDoc | undefined;
}

interface AccountRow {
  balance: number;
  user_id: string | null;
  bucket: Bucket | null;
}

export function createSqliteLedger(db: SqliteDatabase): Ledger {
  const insertWallet = db.prepare(
    'INSERT INTO wallets (user_id, available, blocked, invested, seq, updated_at) VALUES (?, 0, 0, 0, ?, ?) RETURNING *',
  );
  const insertAccount = db.prepare('INSERT INTO ledger_accounts (id, user_id, bucket, created_at) VALUES (?, ?, ?, ?)');
  const insertTransaction = db.prepare(
    'INSERT INTO ledger_transactions (id, kind, reference, created_at) VALUES (?, ?, ?, ?)',
  );
  const moveAccount = db.prepare(
    'UPDATE ledger_accounts SET balance = balance + ? WHERE id = ? RETURNING balance, user_id, bucket',
  );
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (id, transaction_id, account_id, user_id, bucket, amount, balance_after, kind, reference, txid, created_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  // The column name comes from this fixed map, never from input.
  const setBalance: Record<Bucket, Statement> = {
    available: db.prepare('UPDATE wallets SET available = ?, seq = ?, updated_at = ? WHERE user_id = ? RETURNING *'),
    blocked: db.prepare('UPDATE wallets SET blocked = ?, seq = ?, updated_at = ? WHERE user_id = ? RETURNING *'),
    invested: db.prepare('UPDATE wallets SET invested = ?, seq = ?, updated_at = ? WHERE user_id = ? RETURNING *'),
  };

  const walletById = db.prepare('SELECT * FROM wallets WHERE user_id = ?');

  return {
    wallet(userId) {
      const row = walletById.get(userId) as WalletRow | undefined;
      return row === undefined ? undefined : walletDoc(row);
    },

    openWallet(userId, createdAt, changes) {
      insertAccount.run(walletAccountId(userId, 'available'), userId, 'available', createdAt);
      insertAccount.run(walletAccountId(userId, 'blocked'), userId, 'blocked', createdAt);
      insertAccount.run(walletAccountId(userId, 'invested'), userId, 'invested', createdAt);
      changes.addWallet(walletDoc(insertWallet.get(userId, nextSeq(db), createdAt) as WalletRow));
    },

    post(posting, changes) {
      let sum = 0;
      for (const line of posting.lines) {
        if (!Number.isSafeInteger(line.amount) || line.amount === 0) {
          throw new Error(`ledger line on ${line.accountId} has invalid amount ${line.amount}: use non-zero integer centavos`);
        }
        sum += line.amount;
      }
      if (sum !== 0) {
        throw new Error(`ledger transaction ${posting.kind} ${posting.reference} does not balance: lines sum to ${sum} centavos`);
      }

      const transactionId = randomUUID();
      insertTransaction.run(transactionId, posting.kind, posting.reference, posting.createdAt);
      for (const line of posting.lines) {
        const account = moveAccount.get(line.amount, line.accountId) as AccountRow | undefined;
        if (account === undefined) {
          throw new Error(`ledger account ${line.accountId} does not exist`);
        }
        const isWallet = account.user_id !== null && account.bucket !== null;
        const entry = insertEntry.get(
          randomUUID(),
          transactionId,
          line.accountId,
          account.user_id,
          account.bucket,
          line.amount,
          account.balance,
          line.kind,
          posting.reference,
          isWallet ? (posting.chargeTxid ?? null) : null,
          posting.createdAt,
          isWallet ? nextSeq(db) : null,
        ) as LedgerEntryRow;
        if (account.user_id !== null && account.bucket !== null) {
          changes.addLedgerEntry(account.user_id, ledgerEntryDoc(entry));
          const wallet = setBalance[account.bucket].get(account.balance, nextSeq(db), posting.createdAt, account.user_id) as WalletRow;
          changes.addWallet(walletDoc(wallet));
        }
      }
      return transactionId;
    },
  };
}
