import type { LedgerEntryKind } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { Store } from '../db/store.js';
import { walletAccountId, type Bucket } from '../ledger/accounts.js';

/**
 * Moves `amount` centavos of a command from the user's available balance to another of the
 * user's buckets in one ledger transaction, referenced by the command id. Returns the
 * transaction id and the available balance after it. The caller has checked the balance.
 */
export function moveFromAvailable(
  store: Store,
  move: { userId: string; to: Exclude<Bucket, 'available'>; amount: number; kind: LedgerEntryKind; commandId: string; now: string },
  availableBefore: number,
  changes: ChangeSet,
): { transactionId: string; availableAfter: number } {
  const transactionId = store.ledger.post(
    {
      kind: move.kind,
      reference: move.commandId,
      createdAt: move.now,
      lines: [
        { accountId: walletAccountId(move.userId, 'available'), amount: -move.amount, kind: move.kind },
        { accountId: walletAccountId(move.userId, move.to), amount: move.amount, kind: move.kind },
      ],
    },
    changes,
  );
  return { transactionId, availableAfter: availableBefore - move.amount };
}
