import type { PositionDoc } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';
import { positionDoc, type PositionRow } from './rows.js';

/** Each user's invested centavos per loan. Every method must run inside a store transaction. */
export interface PositionRepository {
  find(userId: string, loanId: string): PositionDoc | undefined;
  /** Adds `amount` centavos to the user's position in the loan, creating it, with the next change sequence. */
  add(userId: string, loanId: string, amount: number, updatedAt: string): PositionDoc;
  /** Lists the ids of the users with a position in the loan. */
  holders(loanId: string): string[];
}

export function createSqlitePositionRepository(db: SqliteDatabase): PositionRepository {
  const find = db.prepare('SELECT * FROM positions WHERE user_id = ? AND loan_id = ?');
  const add = db.prepare(
    `INSERT INTO positions (user_id, loan_id, amount, updated_at, seq) VALUES (@userId, @loanId, @amount, @updatedAt, @seq)
     ON CONFLICT (user_id, loan_id) DO UPDATE SET amount = amount + excluded.amount, updated_at = excluded.updated_at, seq = excluded.seq
     RETURNING *`,
  );
  const holders = db.prepare('SELECT user_id FROM positions WHERE loan_id = ? AND amount > 0 ORDER BY user_id');
  return {
    holders: (loanId) => (holders.all(loanId) as { user_id: string }[]).map((row) => row.user_id),
    find: (userId, loanId) => {
      const row = find.get(userId, loanId) as PositionRow | undefined;
      return row === undefined ? undefined : positionDoc(row);
    },
    add: (userId, loanId, amount, updatedAt) =>
      positionDoc(add.get({ userId, loanId, amount, updatedAt, seq: nextSeq(db) }) as PositionRow),
  };
}
