import type { SqliteDatabase } from '../db/database.js';
import { computeAuditHash, GENESIS_HASH, type AuditRow } from './record.js';

/** Result of {@link verifyAuditChain}: the record count when the chain holds, else the first broken record. */
export type AuditChainVerification =
  | {
      ok: true;
      records: number;
      /** Hash of the last record (64 zeros for an empty log), to keep outside the database. */
      lastHash: string;
    }
  | {
      ok: false;
      /** seq of the first record that breaks the chain. */
      seq: number;
      /** The record's seq is not the previous seq plus one: records are missing before it. */
      problem: 'gap';
      expected: number;
      actual: number;
    }
  | {
      ok: false;
      seq: number;
      /**
       * `prev_hash_mismatch`: the stored prev_hash differs from the previous record's hash.
       * `hash_mismatch`: the stored hash differs from the hash of the record's content.
       */
      problem: 'prev_hash_mismatch' | 'hash_mismatch';
      expected: string;
      actual: string;
    };

/**
 * Checks every record of the chat audit log in seq order and returns the first broken one.
 * Each record is checked for a gap in seq, then its prev_hash, then its own hash.
 *
 * NOTE: The chain alone cannot show that the newest records were removed, or that someone
 * rewrote every hash after an edit. Compare `lastHash` and `records` with a copy kept outside
 * the database to detect both.
 */
export function verifyAuditChain(db: SqliteDatabase): AuditChainVerification {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  // iterate() reads one row at a time, and the single statement reads one consistent snapshot.
  for (const row of db.prepare('SELECT * FROM chat_audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) {
      return { ok: false, seq: row.seq, problem: 'gap', expected: expectedSeq, actual: row.seq };
    }
    if (row.prev_hash !== previousHash) {
      return { ok: false, seq: row.seq, problem: 'prev_hash_mismatch', expected: previousHash, actual: row.prev_hash };
    }
    const hash = computeAuditHash(row.prev_hash, row);
    if (row.hash !== hash) {
      return { ok: false, seq: row.seq, problem: 'hash_mismatch', expected: hash, actual: row.hash };
    }
    previousHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, records: expectedSeq - 1, lastHash: previousHash };
}
