import type { SqliteDatabase } from '../db/database.js';
import { AUDIT_COLUMNS, type AuditRow } from './record.js';
import { toRecordedAtRange, type AuditTimeRange } from './time-range.js';

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;

/**
 * `csv`: RFC 4180, a header row of the column names, CRLF line breaks, null as an empty field.
 * `json`: JSON Lines, one object per record with the column names as keys, each line ending in LF.
 */
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export interface AuditExportOptions extends AuditTimeRange {
  format: AuditExportFormat;
}

/** Quotes a CSV field when it contains a comma, a double quote, CR or LF, doubling inner quotes (RFC 4180). */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Writes the records with `recorded_at` in [from, to), in seq order, one `write` call per line.
 * Every field is written as stored, so an export line has all it takes to recompute its hash.
 * Returns the number of records written.
 *
 * NOTE: CSV text fields are not escaped against spreadsheet formulas (a field starting with "="),
 * because that would change the evidence. Import the CSV as text instead of opening it directly.
 *
 * @throws RangeError when from or to is not an RFC 3339 date-time, from is not before to, or the format is unknown.
 */
export function writeAuditExport(db: SqliteDatabase, options: AuditExportOptions, write: (chunk: string) => void): number {
  if (!(AUDIT_EXPORT_FORMATS as readonly unknown[]).includes(options.format)) {
    throw new RangeError(`invalid format ${JSON.stringify(options.format)}: use csv or json`);
  }
  const range = toRecordedAtRange(options);
  if (options.format === 'csv') {
    write(csvLine(AUDIT_COLUMNS));
  }
  const rows = db
    .prepare('SELECT * FROM chat_audit WHERE recorded_at >= ? AND recorded_at < ? ORDER BY seq')
    .iterate(range.from, range.to) as IterableIterator<AuditRow>;
  let count = 0;
  for (const row of rows) {
    const values = AUDIT_COLUMNS.map((column) => row[column]);
    if (options.format === 'csv') {
      write(csvLine(values));
    } else {
      write(`${JSON.stringify(Object.fromEntries(AUDIT_COLUMNS.map((column, index) => [column, values[index]])))}\n`);
    }
    count += 1;
  }
  return count;
}

/** Returns the export of {@link writeAuditExport} as one string. */
export function exportAudit(db: SqliteDatabase, options: AuditExportOptions): string {
  const chunks: string[] = [];
  writeAuditExport(db, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}
