export { appendAuditRecord } from './append.js';
export type { AuditInput } from './append.js';
export { AUDIT_EXPORT_FORMATS, exportAudit, writeAuditExport } from './export.js';
export type { AuditExportFormat, AuditExportOptions } from './export.js';
export {
  AUDIT_COLUMNS,
  AUDIT_DECISIONS,
  canonicalAuditContent,
  computeAuditHash,
  GENESIS_HASH,
  SUPPORT_DECISIONS,
} from './record.js';
export type { AuditDecision, AuditRecord, AuditRow } from './record.js';
export { createSqliteChatAuditRepository } from './repository.js';
export type { ChatAuditRepository } from './repository.js';
export { MAX_AUDIT_SEARCH_LIMIT, searchAudit } from './search.js';
export type { AuditSearchQuery } from './search.js';
export { toRecordedAtBound, toRecordedAtRange } from './time-range.js';
export type { AuditTimeRange } from './time-range.js';
export { verifyAuditChain } from './verify.js';
export type { AuditChainVerification } from './verify.js';
