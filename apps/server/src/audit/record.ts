import { createHash } from 'node:crypto';

/**
 * Records of the chat audit log (table `chat_audit`) and the hash that chains them.
 *
 * Each record's `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of `prev_hash` (64 hex
 * characters) immediately followed by the record's canonical content, with no separator:
 *
 *   hash = sha256hex(prev_hash + canonicalContent)
 *
 * The canonical content is `JSON.stringify` of an object with exactly these keys, in this order:
 * `seq` (a JSON number), `recorded_at`, `user_id`, `session_id`, `room_id`, `message_id`, `text`,
 * `decision` (JSON strings), `reason` and `actor_id` (a JSON string or null). For example:
 *
 *   {"seq":1,"recorded_at":"2026-12-04T20:15:00.358Z","user_id":"u1","session_id":"s1",
 *    "room_id":"r1","message_id":"m1","text":"Olá","decision":"accepted","reason":null,"actor_id":null}
 *
 * The first record's `prev_hash` is 64 zeros. Because every hash covers the previous hash and
 * the record's own `seq`, a changed, inserted or deleted record breaks the chain at that point.
 */

export const AUDIT_DECISIONS = ['accepted', 'rejected', 'held', 'released', 'rejected_by_support'] as const;

/** Decision on a message attempt, made by the chat itself or by a support user on a held message. */
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** Decisions made by a support user, which carry that user's id in `actorId`. */
export const SUPPORT_DECISIONS: readonly AuditDecision[] = ['released', 'rejected_by_support'];

/** `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** One stored record of the chat audit log. */
export interface AuditRecord {
  /** Position in the chain: 1, 2, 3, ... without gaps. */
  seq: number;
  /** Server time of the append, as `Date.toISOString()` prints it (RFC 3339 UTC with milliseconds). */
  recordedAt: string;
  userId: string;
  sessionId: string;
  roomId: string;
  messageId: string;
  /** The message text after normalisation, exactly as the chat evaluated it. */
  text: string;
  decision: AuditDecision;
  /** Code explaining the decision, such as `contains_phone_number`, or null. */
  reason: string | null;
  /** The support user who released or rejected a held message, else null. */
  actorId: string | null;
  prevHash: string;
  hash: string;
}

/** A `chat_audit` row as SQLite returns it. Column names are also the export field names. */
export interface AuditRow {
  seq: number;
  recorded_at: string;
  user_id: string;
  session_id: string;
  room_id: string;
  message_id: string;
  text: string;
  decision: AuditDecision;
  reason: string | null;
  actor_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Columns of `chat_audit` in chain and export order. */
export const AUDIT_COLUMNS = [
  'seq',
  'recorded_at',
  'user_id',
  'session_id',
  'room_id',
  'message_id',
  'text',
  'decision',
  'reason',
  'actor_id',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

/** Builds the canonical content of a record: see the file header for the exact format. */
export function canonicalAuditContent(row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return JSON.stringify({
    seq: row.seq,
    recorded_at: row.recorded_at,
    user_id: row.user_id,
    session_id: row.session_id,
    room_id: row.room_id,
    message_id: row.message_id,
    text: row.text,
    decision: row.decision,
    reason: row.reason,
    actor_id: row.actor_id,
  });
}

/** Computes the chain hash of a record from its content and the previous record's hash. */
export function computeAuditHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash + canonicalAuditContent(row), 'utf8').digest('hex');
}

export function auditRecordFromRow(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    recordedAt: row.recorded_at,
    userId: row.user_id,
    sessionId: row.session_id,
    roomId: row.room_id,
    messageId: row.message_id,
    text: row.text,
    decision: row.decision,
    reason: row.reason,
    actorId: row.actor_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
