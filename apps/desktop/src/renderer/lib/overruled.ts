/** Fields that change on every write and are not choices the user made. */
const BOOKKEEPING_FIELDS = new Set(['id', 'seq', 'updatedAt', '_meta', '_rev', '_attachments', '_deleted']);

/** Fields holding centavos, shown as money. */
export const MONEY_FIELDS = new Set(['amount', 'defaultInvestAmount']);

export interface FieldDifference {
  field: string;
  local: unknown;
  server: unknown;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Lists the fields whose value differs between the user's local version of a document and the
 * version the server kept, leaving out bookkeeping fields. Values are compared as JSON.
 */
export function overruledFields(local: unknown, server: unknown): FieldDifference[] {
  const localRecord = asRecord(local);
  const serverRecord = asRecord(server);
  const fields = new Set([...Object.keys(localRecord), ...Object.keys(serverRecord)]);
  const differences: FieldDifference[] = [];
  for (const field of [...fields].sort()) {
    if (BOOKKEEPING_FIELDS.has(field)) {
      continue;
    }
    const localValue = localRecord[field];
    const serverValue = serverRecord[field];
    if (JSON.stringify(localValue) !== JSON.stringify(serverValue)) {
      differences.push({ field, local: localValue, server: serverValue });
    }
  }
  return differences;
}
