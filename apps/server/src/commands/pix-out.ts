import { validatePixKey } from '@lastro/domain';
import type { CommandDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { CommandResult } from '../db/commands.js';
import type { Store } from '../db/store.js';
import type { Role } from '../db/users.js';
import { PLATFORM_ACCOUNTS, walletAccountId } from '../ledger/accounts.js';
import { moveFromAvailable } from './available-funds.js';

/**
 * Executes a `pixOut` command inside the caller's transaction: the key must be valid for its
 * type and registered to the user, and the available balance must cover the amount. An
 * accepted transfer blocks the amount at once; the provider's confirmation debits it later
 * ({@link confirmPixOut}).
 */
export function executePixOut(
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
  if (command.pixKey === undefined || command.pixKeyType === undefined || command.loanId !== undefined) {
    return reject('invalid_command');
  }
  const key = validatePixKey(command.pixKeyType, command.pixKey);
  if (!key.ok || store.pixKeys.ownerOf(command.pixKeyType, key.canonical) !== user.id) {
    return reject('invalid_pix_key');
  }
  const wallet = store.ledger.wallet(user.id);
  if (wallet === undefined || wallet.available < command.amount) {
    return reject('insufficient_balance');
  }

  const { transactionId, availableAfter } = moveFromAvailable(
    store,
    { userId: user.id, to: 'blocked', amount: command.amount, kind: 'pix_out_block', commandId: command.id, now },
    wallet.available,
    changes,
  );
  return {
    status: 'accepted',
    effect: { transactionId, availableAfter },
    pixOutState: 'blocked',
    executedAt: now,
  };
}

/**
 * Applies the provider's confirmation of a blocked `pixOut` inside the caller's transaction:
 * debits the blocked amount to `platform:pix_out` and marks the command `confirmed`. Does
 * nothing unless the command is still `blocked`, so each command is debited at most once.
 * Returns whether it debited.
 */
export function confirmPixOut(store: Store, commandId: string, now: string, changes: ChangeSet): boolean {
  const command = store.commands.find(commandId);
  if (command === undefined || command.doc.pixOutState !== 'blocked') {
    return false;
  }
  const { userId, doc } = command;
  store.ledger.post(
    {
      kind: 'pix_out_debit',
      reference: doc.id,
      createdAt: now,
      lines: [
        { accountId: walletAccountId(userId, 'blocked'), amount: -doc.amount, kind: 'pix_out_debit' },
        { accountId: PLATFORM_ACCOUNTS.pixOut, amount: doc.amount, kind: 'pix_out_debit' },
      ],
    },
    changes,
  );
  changes.addCommand(userId, store.commands.setPixOutState(doc.id, 'confirmed'));
  return true;
}
