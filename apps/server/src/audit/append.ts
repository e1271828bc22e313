import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../db/database.js';
import {
  AUDIT_DECISIONS,
  auditRecordFromRow,
  computeAuditHash,
  GENESIS_HASH,
  SUPPORT_DECISIONS,
  type AuditDecision,
  type AuditRecord,
  type AuditRow,
} from './record.js';

/** Fields of a message attempt supplied by the caller. The log adds `seq`, `recorded_at` and the hashes. */
export interface AuditInput {
  userId: string;
  sessionId: string;
  roomId: string;
  messageId: string;
  /** The normalised text. It may be empty, because an empty attempt is still an attempt. */
  text: string;
  decision: AuditDecision;
  /** Snake-case code such as `contains_phone_number`, or null. */
  reason: string | null;
  /** Required for `released` and `rejected_by_support`, null for every other decision. */
  actorId: string | null;
}

/** Reason codes: lowercase snake case, like the command rejection reasons, at most 64 characters. */
const REASON_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** A lone UTF-16 surrogate cannot be stored as UTF-8, so SQLite would store other text than was hashed. */
const LONE_SURROGATE = /\p{Cs}/u;

interface AppendStatements {
  last: Statement;
  insert: Statement;
}

const statementsByDatabase = new WeakMap<SqliteDatabase, AppendStatements>();

function statementsFor(db: SqliteDatabase): AppendStatements {
  let statements = statementsByDatabase.get(db);
  if (statements === undefined) {
    statements = {
      last: db.prepare('SELECT seq, hash FROM chat_audit ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO chat_audit (seq, recorded_at, user_id, session_id, room_id, message_id, text, decision, reason, actor_id, prev_hash, hash)
         VALUES (@seq, @recorded_at, @user_id, @session_id, @room_id, @message_id, @text, @decision, @reason, @actor_id, @prev_hash, @hash)`,
      ),
    };
    statementsByDatabase.set(db, statements);
  }
  return statements;
}

function checkText(name: string, value: unknown, allowEmpty: boolean): void {
  if (typeof value !== 'string' || (!allowEmpty && value === '')) {
    throw new TypeError(`invalid audit ${name} ${JSON.stringify(value)}: use a ${allowEmpty ? '' : 'non-empty '}string`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new TypeError(`invalid audit ${name}: it contains a lone UTF-16 surrogate, which has no UTF-8 form`);
  }
}

/** Throws a TypeError naming the first invalid field of `input`. */
function checkInput(input: AuditInput): void {
  checkText('userId', input.userId, false);
  checkText('sessionId', input.sessionId, false);
  checkText('roomId', input.roomId, false);
  checkText('messageId', input.messageId, false);
  checkText('text', input.text, true);
  if (!(AUDIT_DECISIONS as readonly unknown[]).includes(input.decision)) {
    throw new TypeError(`invalid audit decision ${JSON.stringify(input.decision)}: use one of ${AUDIT_DECISIONS.join(', ')}`);
  }
  if (input.reason !== null && (typeof input.reason !== 'string' || !REASON_PATTERN.test(input.reason))) {
    throw new TypeError(`invalid audit reason ${JSON.stringify(input.reason)}: use null or a snake_case code of at most 64 characters`);
  }
  const needsActor = SUPPORT_DECISIONS.includes(input.decision);
  if (needsActor) {
    checkText('actorId', input.actorId, false);
  } else if (input.actorId !== null) {
    throw new TypeError(`invalid audit actorId ${JSON.stringify(input.actorId)}: only ${SUPPORT_DECISIONS.join(' and ')} have an actor, use null`);
  }
}

/**
 * Appends one record to the chat audit log and returns it.
 *
 * Call it inside the write transaction that decides the message (`store.transaction`), so the
 * record and the decision commit together. When the append throws, the caller's transaction
 * rolls back, so a message whose record cannot be written is never accepted.
 *
 * @param now server time of the attempt; tests pass a fixed time.
 * @throws Error when no transaction is open, TypeError naming an invalid field, or the SQLite
 *   error of a failed insert (for example SQLITE_FULL).
 */
export function appendAuditRecord(db: SqliteDatabase, input: AuditInput, now: Date = new Date()): AuditRecord {
  if (!db.inTransaction) {
    throw new Error('appendAuditRecord was called outside a transaction: call it inside the store.transaction that decides the message');
  }
  checkInput(input);
  if (Number.isNaN(now.getTime())) {
    throw new RangeError('invalid audit time: now is an invalid Date');
  }

  const statements = statementsFor(db);
  const last = statements.last.get() as { seq: number; hash: string } | undefined;
  const content = {
    seq: (last?.seq ?? 0) + 1,
    recorded_at: now.toISOString(),
    user_id: input.userId,
    session_id: input.sessionId,
    room_id: input.roomId,
    message_id: input.messageId,
    text: input.text,
    decision: input.decision,
    reason: input.reason,
    actor_id: input.actorId,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: AuditRow = { ...content, prev_hash: prevHash, hash: computeAuditHash(prevHash, content) };
  statements.insert.run(row);
  return auditRecordFromRow(row);
}
