import type { LoanDoc } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';
import { loanDoc, type LoanRow } from './rows.js';

/** Fields of a new loan request; the repository assigns `seq`. */
export type NewLoan = Omit<LoanDoc, 'seq' | 'chatAvailable'> & { borrowerUserId: string | null };

export interface LoanRepository {
  /** Inserts a loan with the next change sequence. Call inside a transaction. */
  insert(loan: NewLoan): LoanDoc;
  /** Sets funding and status with the next change sequence; returns undefined for an unknown id. */
  update(id: string, change: { funded: number; status: LoanDoc['status']; updatedAt: string }): LoanDoc | undefined;
  findById(id: string): LoanDoc | undefined;
  /** Ids of loans in `status`, oldest first, at most `limit`. */
  idsWithStatus(status: LoanDoc['status'], limit: number): string[];
  count(): number;
  /** Ids of the loans requested by the borrower `userId`, newest first. */
  idsOfBorrower(userId: string): string[];
}

export function createSqliteLoanRepository(db: SqliteDatabase): LoanRepository {
  const insert = db.prepare(
    `INSERT INTO loans (id, borrower_user_id, borrower_name, purpose, state, amount, funded, rate_monthly_bps,
       term_months, grade, status, created_at, updated_at, seq)
     VALUES (@id, @borrowerUserId, @borrowerName, @purpose, @state, @amount, @funded, @rateMonthlyBps,
       @termMonths, @grade, @status, @createdAt, @updatedAt, @seq)
     RETURNING *`,
  );
  const update = db.prepare(
    'UPDATE loans SET funded = ?, status = ?, updated_at = ?, seq = ? WHERE id = ? RETURNING *',
  );
  const byId = db.prepare('SELECT * FROM loans WHERE id = ?');
  const idsWithStatus = db.prepare('SELECT id FROM loans WHERE status = ? ORDER BY created_at, id LIMIT ?');
  const count = db.prepare('SELECT COUNT(*) AS count FROM loans');
  const idsOfBorrower = db.prepare('SELECT id FROM loans WHERE borrower_user_id = ? ORDER BY created_at DESC, id DESC');
  return {
    insert: (loan) => loanDoc(insert.get({ ...loan, seq: nextSeq(db) }) as LoanRow),
    update: (id, change) => {
      const row = update.get(change.funded, change.status, change.updatedAt, nextSeq(db), id) as LoanRow | undefined;
      return row === undefined ? undefined : loanDoc(row);
    },
    findById: (id) => {
      const row = byId.get(id) as LoanRow | undefined;
      return row === undefined ? undefined : loanDoc(row);
    },
    idsWithStatus: (status, limit) => (idsWithStatus.all(status, limit) as { id: string }[]).map((row) => row.id),
    count: () => (count.get() as { count: number }).count,
    idsOfBorrower: (userId) => (idsOfBorrower.all(userId) as { id: string }[]).map((row) => row.id),
  };
}
