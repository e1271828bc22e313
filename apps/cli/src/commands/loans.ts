import { LOAN_STATUSES, type LoanStatus } from '@lastro/protocol';
import { allowOnly, type Flags } from '../args.js';
import { printJsonLine, usageError } from '../output.js';
import { endSession, openSession } from '../session.js';
import { loanLine } from './watch.js';

function statusFilter(value: string | undefined): LoanStatus | undefined {
  if (value === undefined) return undefined;
  if (!(LOAN_STATUSES as readonly string[]).includes(value)) {
    throw usageError(`invalid --status ${JSON.stringify(value)}: use one of ${LOAN_STATUSES.join(', ')}`);
  }
  return value as LoanStatus;
}

/** `lastro loans list`: the synced loan book as JSON lines, newest first. */
export async function listLoans(flags: Flags): Promise<number> {
  allowOnly(flags, ['server', 'email', 'password', 'status'], 'loans list');
  const status = statusFilter(flags.status);
  const { client } = await openSession(flags);
  try {
    for (const loan of client.loans.getState()) {
      if (status === undefined || loan.status === status) printJsonLine(loanLine(loan));
    }
  } finally {
    await endSession(client);
  }
  return 0;
}
