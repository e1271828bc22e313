import type { ChatMessageDoc, CommandDoc, LedgerEntryDoc, LoanDoc, PositionDoc, PreferencesDoc, WalletDoc } from '@lastro/protocol';
import { chatMessageDoc } from '../chat/documents.js';
import { messageFromRow, type ChatMessageRow } from '../chat/repository.js';
import type { SqliteDatabase } from './database.js';
import {
  commandDoc,
  ledgerEntryDoc,
  loanDoc,
  positionDoc,
  preferencesDoc,
  walletDoc,
  type CommandRow,
  type LedgerEntryRow,
  type LoanRow,
  type PositionRow,
  type PreferencesRow,
  type WalletRow,
} from './rows.js';

/**
 * Reads for the sync pull: the documents a user may see with `seq` above a checkpoint, in
 * `seq` order. Loans are public; every other collection returns only the user's own documents,
 * and chat messages also the accepted messages of the rooms the user is a member of, and for
 * support users the held messages and those support reviewed.
 */
export interface SyncReadRepository {
  wallets(userId: string, afterSeq: number, limit: number): WalletDoc[];
  ledgerEntries(userId: string, afterSeq: number, limit: number): LedgerEntryDoc[];
  loans(afterSeq: number, limit: number): LoanDoc[];
  positions(userId: string, afterSeq: number, limit: number): PositionDoc[];
  commands(userId: string, afterSeq: number, limit: number): CommandDoc[];
  preferences(userId: string, afterSeq: number, limit: number): PreferencesDoc[];
  chatMessages(userId: string, afterSeq: number, limit: number): ChatMessageDoc[];
}

export function createSqliteSyncReadRepository(db: SqliteDatabase): SyncReadRepository {
  const wallets = db.prepare('SELECT * FROM wallets WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const entries = db.prepare(
    'SELECT * FROM ledger_entries WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const loans = db.prepare('SELECT * FROM loans WHERE seq > ? ORDER BY seq LIMIT ?');
  const positions = db.prepare('SELECT * FROM positions WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const commands = db.prepare('SELECT * FROM commands WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const preferences = db.prepare('SELECT * FROM preferences WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const chatMessages = db.prepare(
    `SELECT m.*, u.name AS sender_name, u.role AS sender_role
     FROM chat_messages m LEFT JOIN users u ON u.id = m.sender_id
     WHERE m.seq > @afterSeq
       AND (m.sender_id = @userId
         OR (m.status = 'accepted'
           AND m.room_id IN (SELECT id FROM chat_rooms WHERE investor_id = @userId OR borrower_id = @userId))
         OR ((m.status = 'held' OR m.decided_by IS NOT NULL)
           AND (SELECT role FROM users WHERE id = @userId) = 'support'))
     ORDER BY m.seq LIMIT @limit`,
  );
  return {
    wallets: (userId, afterSeq, limit) => (wallets.all(userId, afterSeq, limit) as WalletRow[]).map(walletDoc),
    ledgerEntries: (userId, afterSeq, limit) =>
      (entries.all(userId, afterSeq, limit) as LedgerEntryRow[]).map(ledgerEntryDoc),
    loans: (afterSeq, limit) => (loans.all(afterSeq, limit) as LoanRow[]).map(loanDoc),
    positions: (userId, afterSeq, limit) => (positions.all(userId, afterSeq, limit) as PositionRow[]).map(positionDoc),
    commands: (userId, afterSeq, limit) => (commands.all(userId, afterSeq, limit) as CommandRow[]).map(commandDoc),
    preferences: (userId, afterSeq, limit) =>
      (preferences.all(userId, afterSeq, limit) as PreferencesRow[]).map(preferencesDoc),
    chatMessages: (userId, afterSeq, limit) =>
      (chatMessages.all({ userId, afterSeq, limit }) as (ChatMessageRow & { sender_name: string | null; sender_role: string | null })[]).map(
        (row) =>
          chatMessageDoc(
            messageFromRow(row),
            row.sender_name === null || row.sender_role === null ? undefined : { name: row.sender_name, role: row.sender_role },
          ),
      ),
  };
}
