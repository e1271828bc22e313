import type { SqliteDatabase } from './database.js';

/** What happened to one user's money and loans in a period, for the daily digest. */
export interface DailyActivity {
  pixCount: number;
  /** Centavos. */
  pixAmount: number;
  investCount: number;
  /** Centavos. */
  investAmount: number;
  /** Status changes of loans the user holds, counted from their notifications. */
  loanStatusChanges: number;
}

/** Reads a user's activity in [from, to) from the ledger, the commands and the notifications. */
export interface ActivityRepository {
  daily(userId: string, from: string, to: string): DailyActivity;
}

export function createSqliteActivityRepository(db: SqliteDatabase): ActivityRepository {
  const pix = db.prepare(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM ledger_entries
     WHERE user_id = ? AND kind = 'pix_in' AND bucket = 'available' AND amount > 0 AND created_at >= ? AND created_at < ?`,
  );
  const invest = db.prepare(
    `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM commands
     WHERE user_id = ? AND type = 'invest' AND status = 'accepted' AND executed_at >= ? AND executed_at < ?`,
  );
  const statusChanges = db.prepare(
    `SELECT COUNT(*) AS count FROM notifications
     WHERE user_id = ? AND type = 'loan_status_changed' AND created_at >= ? AND created_at < ?`,
  );
  return {
    daily: (userId, from, to) => {
      const pixRow = pix.get(userId, from, to) as { count: number; amount: number };
      const investRow = invest.get(userId, from, to) as { count: number; amount: number };
      const statusRow = statusChanges.get(userId, from, to) as { count: number };
      return {
        pixCount: pixRow.count,
        pixAmount: pixRow.amount,
        investCount: investRow.count,
        investAmount: investRow.amount,
        loanStatusChanges: statusRow.count,
      };
    },
  };
}
