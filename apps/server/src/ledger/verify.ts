import { WALLET_BUCKETS, type WalletBucket } from '@lastro/protocol';
import type { SqliteDatabase } from '../db/database.js';

/** Result of {@link verifyLedger}: counts when every invariant holds, else the first discrepancy. */
export type LedgerVerification =
  | { ok: true; transactions: number; wallets: number }
  | { ok: false; problem: string };

/**
 * Checks the double-entry invariants: every transaction's entries sum to zero, every
 * account's cached balance equals the sum of its entries, and every wallet's cached
 * `available`, `blocked` and `invested` equal the sums of its three accounts' entries.
 */
export function verifyLedger(db: SqliteDatabase): LedgerVerification {
  const unbalanced = db
    .prepare(
      `SELECT transaction_id AS id, SUM(amount) AS total FROM ledger_entries
       GROUP BY transaction_id HAVING total != 0 ORDER BY transaction_id LIMIT 1`,
    )
    .get() as { id: string; total: number } | undefined;
  if (unbalanced !== undefined) {
    return {
      ok: false,
      problem: `transaction ${unbalanced.id} does not balance: expected its entries to sum to 0 centavos, actual ${unbalanced.total}`,
    };
  }

  const account = db
    .prepare(
      `SELECT a.id AS id, a.balance AS cached, COALESCE(SUM(e.amount), 0) AS total
       FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
       GROUP BY a.id HAVING cached != total ORDER BY a.id LIMIT 1`,
    )
    .get() as { id: string; cached: number; total: number } | undefined;
  if (account !== undefined) {
    return {
      ok: false,
      problem: `account ${account.id} balance mismatch: expected ${account.total} centavos (sum of entries), actual cached ${account.cached}`,
    };
  }

  const wallets = db
    .prepare(
      `SELECT w.user_id AS userId, w.available AS available, w.blocked AS blocked, w.invested AS invested,
         (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE user_id = w.user_id AND bucket = 'available') AS availableSum,
         (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE user_id = w.user_id AND bucket = 'blocked') AS blockedSum,
         (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE user_id = w.user_id AND bucket = 'invested') AS investedSum
       FROM wallets w ORDER BY w.user_id`,
    )
    .all() as ({ userId: string } & Record<WalletBucket | `${WalletBucket}Sum`, number>)[];
  for (const wallet of wallets) {
    for (const bucket of WALLET_BUCKETS) {
      const cached = wallet[bucket];
      const total = wallet[`${bucket}Sum`];
      if (cached !== total) {
        return {
          ok: false,
          problem: `wallet ${wallet.userId} ${bucket} mismatch: expected ${total} centavos (sum of entries), actual ${cached}`,
        };
      }
    }
  }

  const transactions = (db.prepare('SELECT COUNT(*) AS count FROM ledger_transactions').get() as { count: number }).count;
  return { ok: true, transactions, wallets: wallets.length };
}
