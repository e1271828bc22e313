import type { CommandDoc } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';
import { commandDoc, type CommandRow } from './rows.js';

/** A command as stored: the document plus its owner. */
export interface CommandRecord {
  userId: string;
  doc: CommandDoc;
}

/** Fields a command keeps from its arrival; the result fields are set by {@link CommandRepository.finish}. */
export type NewCommand = Pick<CommandDoc, 'id' | 'type' | 'amount' | 'loanId' | 'pixKey' | 'pixKeyType' | 'issuedAt'>;

/** The outcome the server writes back to a command. */
export type CommandResult =
  | {
      status: 'accepted';
      effect: NonNullable<CommandDoc['effect']>;
      pixOutState?: CommandDoc['pixOutState'];
      executedAt: string;
    }
  | { status: 'rejected'; reason: NonNullable<CommandDoc['reason']>; executedAt: string };

/** The outbox of every user. Every method must run inside a store transaction. */
export interface CommandRepository {
  find(id: string): CommandRecord | undefined;
  /** Records a new command as `pending` with the next change sequence. */
  insertPending(userId: string, command: NewCommand, receivedAt: string): CommandDoc;
  /** Writes the result of a pending command with the next change sequence. */
  finish(id: string, result: CommandResult): CommandDoc;
  /** Sets the PIX provider state of an accepted `pixOut` with the next change sequence. */
  setPixOutState(id: string, state: NonNullable<CommandDoc['pixOutState']>): CommandDoc;
  /** Ids of accepted `pixOut` commands still waiting for the provider, in arrival order. */
  idsWithPixOutBlocked(): string[];
}

export function createSqliteCommandRepository(db: SqliteDatabase): CommandRepository {
  const byId = db.prepare('SELECT * FROM commands WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO commands (id, user_id, type, amount, loan_id, pix_key, pix_key_type, status, issued_at, received_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING *`,
  );
  const finish = db.prepare(
    `UPDATE commands SET status = ?, reason = ?, transaction_id = ?, available_after = ?, loan_funded_after = ?,
       pix_out_state = ?, executed_at = ?, seq = ?
     WHERE id = ? AND status = 'pending' RETURNING *`,
  );
  const setPixOutState = db.prepare('UPDATE commands SET pix_out_state = ?, seq = ? WHERE id = ? RETURNING *');
  const blocked = db.prepare("SELECT id FROM commands WHERE pix_out_state = 'blocked' ORDER BY rowid");

  return {
    find: (id) => {
      const row = byId.get(id) as CommandRow | undefined;
      return row === undefined ? undefined : { userId: row.user_id, doc: commandDoc(row) };
    },
    insertPending: (userId, command, receivedAt) =>
      commandDoc(
        insert.get(
          command.id,
          userId,
          command.type,
          command.amount,
          command.loanId ?? null,
          command.pixKey ?? null,
          command.pixKeyType ?? null,
          command.issuedAt,
          receivedAt,
          nextSeq(db),
        ) as CommandRow,
      ),
    finish: (id, result) => {
      const accepted = result.status === 'accepted' ? result : undefined;
      const row = finish.get(
        result.status,
        result.status === 'rejected' ? result.reason : null,
        accepted?.effect.transactionId ?? null,
        accepted?.effect.availableAfter ?? null,
        accepted?.effect.loanFundedAfter ?? null,
        accepted?.pixOutState ?? null,
        result.executedAt,
        nextSeq(db),
        id,
      ) as CommandRow | undefined;
      if (row === undefined) {
        throw new Error(`command ${id} is not pending; its result is already stored`);
      }
      return commandDoc(row);
    },
    setPixOutState: (id, state) => {
      const row = setPixOutState.get(state, nextSeq(db), id) as CommandRow | undefined;
      if (row === undefined) {
        throw new Error(`command ${id} does not exist`);
      }
      return commandDoc(row);
    },
    idsWithPixOutBlocked: () => (blocked.all() as { id: string }[]).map((row) => row.id),
  };
}
