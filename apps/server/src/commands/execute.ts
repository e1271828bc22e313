import type { CommandDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import type { NewCommand } from '../db/commands.js';
import type { Store } from '../db/store.js';
import type { Role } from '../db/users.js';
import { executeInvest } from './invest.js';
import { executePixOut } from './pix-out.js';

/**
 * Records a new command and executes it inside the caller's transaction, so the id and its
 * result are stored together or not at all. Returns the stored document with its result.
 */
export function recordAndExecute(
  store: Store,
  user: { id: string; role: Role },
  command: NewCommand,
  now: string,
  changes: ChangeSet,
): CommandDoc {
  const pending = store.commands.insertPending(user.id, command, now);
  const result =
    pending.type === 'invest'
      ? executeInvest(store, user, pending, now, changes)
      : executePixOut(store, user, pending, now, changes);
  const stored = store.commands.finish(pending.id, result);
  changes.addCommand(user.id, stored);
  return stored;
}
