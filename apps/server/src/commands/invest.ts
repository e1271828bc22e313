import { checkInvestmentAmount } from '@lastro/domain';
import type { CommandDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { CommandResult } from '../db/commands.js';
import type { Store } from '../db/store.js';
import type { Role } from '../db/users.js';
import { moveFromAvailable } from './available-funds.js';

/**
 * Executes an `invest` command inside the caller's transaction. The checks run in a fixed
 * order, and the first one that fails names the rejection. An accepted investment moves the
 * amount from available to invested and adds it to the loan's `funded` and to the user's
 * position in the loan. The loan becomes `funded` when `funded` reaches its amount.
 */
export function executeInvest(
  store: Store,
  user: { id: string; role: Role },
  command: CommandDoc,
  now: string,
  changes: ChangeSet,
): CommandResult {
  const reject = (reason: NonNullable<CommandDoc['reason']>): CommandResult => ({ status: 'rejected', reason, executedAt: now });
  if (user.role !== 'investor') {
    return reject('not_allowed');
  }
  if (command.loanId === undefined || command.pixKey !== undefined || command.pixKeyType !== undefined) {
    return reject('invalid_command');
  }
  const loan = store.loans.findById(command.loanId);
  if (loan === undefined) {
    return reject('loan_not_found');
  }
  if (loan.status !== 'open') {
    return reject('loan_not_open');
  }
  const amountProblem = checkInvestmentAmount(command.amount, loan.amount - loan.funded);
  if (amountProblem !== null) {
    return reject(amountProblem);
  }
  const wallet = store.ledger.wallet(user.id);
  if (wallet === undefined || wallet.available < command.amount) {
    return reject('insufficient_balance');
  }

  const { transactionId, availableAfter } = moveFromAvailable(
    store,
    { userId: user.id, to: 'invested', amount: command.amount, kind: 'investment', commandId: command.id, now },
    wallet.available,
    changes,
  );
  const funded = loan.funded + command.amount;
  const updated = store.loans.update(loan.id, {
    funded,
    status: funded === loan.amount ? 'funded' : 'open',
    updatedAt: now,
  });
  if (updated !== undefined) {
    changes.addLoan(updated, loan);
  }
  changes.addPosition(user.id, store.positions.add(user.id, loan.id, command.amount, now));
  return {
    status: 'accepted',
    effect: { transactionId, availableAfter, loanFundedAfter: funded },
    executedAt: now,
  };
}
