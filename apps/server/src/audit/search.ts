import type { SqliteDatabase } from '../db/database.js';
import { auditRecordFromRow, type AuditRecord, type AuditRow } from './record.js';
import { toRecordedAtBound } from './time-range.js';

/** Largest `limit` of one search. */
export const MAX_AUDIT_SEARCH_LIMIT = 1000;

/** Filters of {@link searchAudit}; every given filter must match. */
export interface AuditSearchQuery {
  /** Records of messages this user sent, and of reviews this support user made. */
  userId?: string;
  roomId?: string;
  /** Earliest `recorded_at`, included (RFC 3339). */
  from?: string;
  /** Latest `recorded_at`, excluded (RFC 3339). */
  to?: string;
  /** Substring of the text, compared without case and accents ("nao" finds "Não"). */
  text?: string;
  /** Only records with a smaller seq, to fetch the page after a previous result. */
  beforeSeq?: number;
  /** Maximum number of records, 1 to {@link MAX_AUDIT_SEARCH_LIMIT}. */
  limit: number;
}

/** Lowercases and drops combining marks, so a search matches regardless of case and accents. */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Returns up to `limit` records that match every filter, newest (highest seq) first.
 *
 * The user, room, time and seq filters run in SQL on indexed columns. The text filter runs on
 * the rows they select, until `limit` records match.
 * NOTE: a text search with no other filter reads the log from the newest record back, so on a
 * large log it is as slow as a full scan when few records match.
 *
 * @throws RangeError naming the first invalid filter.
 */
export function searchAudit(db: SqliteDatabase, query: AuditSearchQuery): AuditRecord[] {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_AUDIT_SEARCH_LIMIT) {
    throw new RangeError(`invalid limit ${query.limit}: use an integer from 1 to ${MAX_AUDIT_SEARCH_LIMIT}`);
  }
  if (query.beforeSeq !== undefined && !Number.isSafeInteger(query.beforeSeq)) {
    throw new RangeError(`invalid beforeSeq ${query.beforeSeq}: use the integer seq of the last record of the previous page`);
  }

  const conditions: string[] = [];
  const parameters: (string | number)[] = [];
  if (query.userId !== undefined) {
    // The user who sent the message, or the support user who released or rejected it.
    conditions.push('(user_id = ? OR actor_id = ?)');
    parameters.push(query.userId, query.userId);
  }
  if (query.roomId !== undefined) {
    conditions.push('room_id = ?');
    parameters.push(query.roomId);
  }
  if (query.from !== undefined) {
    conditions.push('recorded_at >= ?');
    parameters.push(toRecordedAtBound('from', query.from));
  }
  if (query.to !== undefined) {
    conditions.push('recorded_at < ?');
    parameters.push(toRecordedAtBound('to', query.to));
  }
  if (query.beforeSeq !== undefined) {
    conditions.push('seq < ?');
    parameters.push(query.beforeSeq);
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const needle = query.text === undefined || query.text === '' ? undefined : foldForSearch(query.text);
  const sql = `SELECT * FROM chat_audit ${where} ORDER BY seq DESC${needle === undefined ? ' LIMIT ?' : ''}`;
  if (needle === undefined) {
    parameters.push(query.limit);
  }

  const records: AuditRecord[] = [];
  for (const row of db.prepare(sql).iterate(...parameters) as IterableIterator<AuditRow>) {
    if (needle !== undefined && !foldForSearch(row.text).includes(needle)) {
      continue;
    }
    records.push(auditRecordFromRow(row));
    if (records.length === query.limit) {
      break;
    }
  }
  return records;
}
