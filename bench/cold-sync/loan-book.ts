import type { LoanGrade, LoanStatus } from '@lastro/protocol';
import { createSqliteStore, openDatabase } from '@lastro/server';

const GRADES: readonly LoanGrade[] = ['A', 'B', 'C', 'D', 'E', 'HR'];
/** Mostly open loans, as in the demo book, with every other status present. */
const STATUSES: readonly LoanStatus[] = ['open', 'open', 'open', 'open', 'open', 'open', 'open', 'funded', 'active', 'repaid', 'late', 'defaulted', 'cancelled'];
const STATES = ['SP', 'MG', 'RJ', 'BA', 'PR', 'RS', 'PE', 'CE', 'SC', 'GO'] as const;
const PURPOSES = ['Capital de giro', 'Reforma da casa', 'Quitação de dívidas', 'Compra de equipamentos', 'Educação'] as const;
const NAMES = ['Marina S.', 'João P.', 'Beatriz L.', 'Rafael M.', 'Larissa A.', 'Gustavo T.', 'Fernanda R.', 'Lucas N.'] as const;

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length] as T;
}

/**
 * Adds loans to the server database in `dataDir` through the server's own loan repository,
 * in one transaction, until it contains `total` loans. Loan fields cycle through fixed lists, so
 * every run gets the same book. Returns the number of loans afterwards.
 */
export function fillLoanBook(dataDir: string, total: number): number {
  const store = createSqliteStore(openDatabase(dataDir));
  try {
    const existing = store.loans.count();
    const createdAt = new Date(Date.UTC(2026, 0, 1)).getTime();
    store.transaction(() => {
      for (let index = existing; index < total; index += 1) {
        const status = pick(STATUSES, index);
        const amount = (2_000 + (index % 148) * 1_000) * 100;
        // Open loans are partly funded, cancelled ones have no funding left, the rest are fully funded.
        let funded = amount;
        if (status === 'open') {
          funded = Math.floor((amount * (index % 90)) / 100 / 100) * 100;
        } else if (status === 'cancelled') {
          funded = 0;
        }
        const timestamp = new Date(createdAt + index * 60_000).toISOString();
        store.loans.insert({
          id: `bench-loan-${String(index).padStart(6, '0')}`,
          borrowerUserId: null,
          borrowerName: pick(NAMES, index),
          purpose: pick(PURPOSES, index),
          state: pick(STATES, index),
          amount,
          funded,
          rateMonthlyBps: 90 + (index % 360),
          termMonths: pick([6, 12, 18, 24, 36], index),
          grade: pick(GRADES, index),
          status,
          createdAt: timestamp,
          updatedAt: timestamp,
        });
      }
    });
    return store.loans.count();
  } finally {
    store.close();
  }
}
