import type { SqliteDatabase } from '../db/database.js';
import { appendAuditRecord, type AuditInput } from './append.js';
import { writeAuditExport, type AuditExportOptions } from './export.js';
import type { AuditRecord } from './record.js';
import { searchAudit, type AuditSearchQuery } from './search.js';
import { verifyAuditChain, type AuditChainVerification } from './verify.js';

/** The chat audit log of one database (table `chat_audit`). */
export interface ChatAuditRepository {
  /** Appends a record; must run inside `store.transaction` (see {@link appendAuditRecord}). */
  append(input: AuditInput, now?: Date): AuditRecord;
  verify(): AuditChainVerification;
  /** Writes the records of a time range as CSV or JSON Lines and returns their count. */
  export(options: AuditExportOptions, write: (chunk: string) => void): number;
  search(query: AuditSearchQuery): AuditRecord[];
}

export function createSqliteChatAuditRepository(db: SqliteDatabase): ChatAuditRepository {
  return {
    append: (input, now) => appendAuditRecord(db, input, now),
    verify: () => verifyAuditChain(db),
    export: (options, write) => writeAuditExport(db, options, write),
    search: (query) => searchAudit(db, query),
  };
}
