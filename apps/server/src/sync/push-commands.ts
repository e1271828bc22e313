import type { CommandDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import { recordAndExecute } from '../commands/execute.js';
import type { Store } from '../db/store.js';
import type { Role } from '../db/users.js';
import { PushRowError, type ValidRow } from './push-rows.js';

/** Fields only the server writes; a new command carrying any of them is invalid. */
const RESULT_FIELDS = ['reason', 'effect', 'pixOutState', 'executedAt'] as const;

/** Outcome of a `commands` push: conflicts to return, and accepted `pixOut` ids awaiting confirmation. */
export interface CommandPushOutcome {
  conflicts: CommandDoc[];
  blockedPixOuts: string[];
}

/**
 * Applies the rows of a `commands` push inside the caller's transaction, in row order, which
 * is the server's arrival order. A new id with status `pending` is recorded and executed. An
 * id the server already has is never executed again: its stored document is returned as the
 * conflict, whatever the row asked for.
 *
 * @throws PushRowError for an invalid row; the caller rolls the whole push back.
 */
export function pushCommands(
  store: Store,
  user: { id: string; role: Role },
  rows: ValidRow<'commands'>[],
  now: string,
  changes: ChangeSet,
): CommandPushOutcome {
  const outcome: CommandPushOutcome = { conflicts: [], blockedPixOuts: [] };
  for (const { index, doc } of rows) {
    const stored = store.commands.find(doc.id);
    if (stored !== undefined) {
      if (stored.userId !== user.id) {
        throw new PushRowError(
          `/rows/${index}/newDocumentState/id`,
          `command id ${doc.id} is already used by another user; generate a new UUIDv7`,
        );
      }
      outcome.conflicts.push(stored.doc);
      continue;
    }
    if (doc.status !== 'pending') {
      throw new PushRowError(
        `/rows/${index}/newDocumentState/status`,
        `a new command must have status "pending", not "${doc.status}"; only the server sets the result`,
      );
    }
    for (const field of RESULT_FIELDS) {
      if (doc[field] !== undefined) {
        throw new PushRowError(`/rows/${index}/newDocumentState/${field}`, `a new command must not carry ${field}; only the server sets it`);
      }
    }
    const result = recordAndExecute(
      store,
      user,
      {
        id: doc.id,
        type: doc.type,
        amount: doc.amount,
        loanId: doc.loanId,
        pixKey: doc.pixKey,
        pixKeyType: doc.pixKeyType,
        issuedAt: doc.issuedAt,
      },
      now,
      changes,
    );
    if (result.pixOutState === 'blocked') {
      outcome.blockedPixOuts.push(result.id);
    }
  }
  return outcome;
}
