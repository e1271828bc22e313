import { randomBytes } from 'node:crypto';
import type { ServerFrame } from '@lastro/protocol';
import type { DatabaseInspector } from './inspect.js';
import type { SyncTestClient } from './ws-client.js';

export type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

/** Generates a UUIDv7 as a client does: 48 bits of Unix milliseconds, the version, then random bits. */
export function newCommandId(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Builds a new `invest` command document as the client stores it before the first push. */
export function investCommand(loanId: string, amount: number, id = newCommandId()) {
  return { id, type: 'invest', amount, loanId, status: 'pending', issuedAt: new Date().toISOString(), seq: 0, _deleted: false };
}

/** Builds a new `pixOut` command document as the client stores it before the first push. */
export function pixOutCommand(pixKeyType: string, pixKey: string, amount: number, id = newCommandId()) {
  return { id, type: 'pixOut', amount, pixKey, pixKeyType, status: 'pending', issuedAt: new Date().toISOString(), seq: 0, _deleted: false };
}

let requestCounter = 0;

/** Sends a push of new documents (no assumed master state) and waits for its `pushResult` or `error`. */
export async function push(
  client: SyncTestClient,
  collection: string,
  rows: { assumedMasterState: unknown; newDocumentState: unknown }[],
): Promise<Frame<'pushResult'> | Frame<'error'>> {
  requestCounter += 1;
  const requestId = `push-${requestCounter}`;
  client.send({ type: 'push', requestId, collection, rows });
  return client.next<Frame<'pushResult'> | Frame<'error'>>(
    (frame) => (frame.type === 'pushResult' || frame.type === 'error') && frame.requestId === requestId,
  );
}

/** Pushes one new command and waits for the `commands` change frame that carries its result. */
export async function pushCommand(client: SyncTestClient, command: { id: string }) {
  const result = await push(client, 'commands', [{ assumedMasterState: null, newDocumentState: command }]);
  const change = await client.next<Frame<'changes'>>(
    (frame) => frame.type === 'changes' && frame.collection === 'commands' && frame.documents.some((doc) => doc.id === command.id),
  );
  return { result, stored: change.documents.find((doc) => doc.id === command.id)! };
}

/** Loans that accept investments, with what they still need, read from the database. */
export function openLoans(inspector: DatabaseInspector): { id: string; amount: number; funded: number; remaining: number }[] {
  return inspector.db
    .prepare("SELECT id, amount, funded, amount - funded AS remaining FROM loans WHERE status = 'open' ORDER BY id")
    .all() as { id: string; amount: number; funded: number; remaining: number }[];
}

/** Ledger transactions that reference a command id. */
export function transactionsOf(inspector: DatabaseInspector, commandId: string): { kind: string }[] {
  return inspector.db.prepare('SELECT kind FROM ledger_transactions WHERE reference = ? ORDER BY created_at').all(commandId) as {
    kind: string;
  }[];
}
