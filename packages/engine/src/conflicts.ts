import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { ChatMessageDoc, CommandDoc, NotificationDoc, PreferencesDoc } from '@lastro/protocol';

/** Client-writable collections, whose local changes the server may overrule. */
export type WritableCollectionName = 'commands' | 'preferences';

/**
 * Why the server's document replaced a local change:
 * - `server_version_newer`: another device changed the document first, so the local change was
 *   based on an older version.
 * - `command_id_taken`: the server already stores a different command under this id.
 */
export type OverruledReason = 'server_version_newer' | 'command_id_taken';

/** A local change the server did not accept; the local store now has the server's version. */
export interface OverruledChange {
  /** Stable id of this record, for dismissing it. */
  key: string;
  collection: WritableCollectionName;
  /** The document's id. */
  id: string;
  /** The document as the user had changed it. */
  local: CommandDoc | PreferencesDoc;
  /** The document the server kept. */
  server: CommandDoc | PreferencesDoc;
  reason: OverruledReason;
  /** Device time when the engine replaced the local change, in ISO 8601. */
  at: string;
}

type Overruled = Omit<OverruledChange, 'key' | 'at'>;

function withoutDeleted<T extends object>(document: WithDeleted<T>): T {
  const { _deleted: _ignored, ...rest } = document as WithDeleted<T> & Record<string, unknown>;
  return rest as T;
}

/** Fields the user chose when issuing a command; the server adds the rest. */
const ISSUED_COMMAND_FIELDS = ['type', 'amount', 'loanId', 'pixKey', 'pixKeyType', 'issuedAt'] as const;

/**
 * Returns what the server overruled, or null when its document only completes the local one.
 * A command the server stored and decided (pending to accepted or rejected, and every later
 * change such as `pixOutState`) completes the pending command the client issued.
 */
export function overruledCommand(local: WithDeleted<CommandDoc>, server: WithDeleted<CommandDoc>): Overruled | null {
  const same = ISSUED_COMMAND_FIELDS.every((field) => local[field] === server[field]);
  if (same) return null;
  return { collection: 'commands', id: server.id, local: withoutDeleted(local), server: withoutDeleted(server), reason: 'command_id_taken' };
}

/** Returns what the server overruled, or null when the server kept the same choices. */
export function overruledPreferences(local: WithDeleted<PreferencesDoc>, server: WithDeleted<PreferencesDoc>): Overruled | null {
  const sameMuted = (local.mutedNotificationTypes ?? []).join() === (server.mutedNotificationTypes ?? []).join();
  if (
    local.language === server.language &&
    local.defaultInvestAmount === server.defaultInvestAmount &&
    local.quietHoursStart === server.quietHoursStart &&
    local.quietHoursEnd === server.quietHoursEnd &&
    JSON.stringify(local.loanAlert ?? null) === JSON.stringify(server.loanAlert ?? null) &&
    sameMuted
  ) {
    return null;
  }
  return {
    collection: 'preferences',
    id: server.id,
    local: withoutDeleted(local),
    server: withoutDeleted(server),
    reason: 'server_version_newer',
  };
}

/** Deep equality of plain JSON values, as RxDB's default handler compares documents. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Drops RxDB's storage fields (`_meta`, `_rev`, `_attachments`) and keeps `_deleted`. */
function withoutStorageFields(document: object): Record<string, unknown> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = document as Record<string, unknown>;
  return rest;
}

/**
 * Builds the RxDB conflict handler of a client-writable collection: the server's document
 * always wins. `onOverruled` receives every local change that the server's document replaced;
 * completions of the local document (see {@link overruledCommand}) are not reported.
 */
export function serverWinsConflictHandler<T extends CommandDoc | PreferencesDoc | ChatMessageDoc | NotificationDoc>(
  compare: (local: WithDeleted<T>, server: WithDeleted<T>) => Overruled | null,
  onOverruled: (change: Overruled) => void,
): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => jsonEqual(withoutStorageFields(a), withoutStorageFields(b)),
    resolve: async (input) => {
      const overruled = compare(input.newDocumentState, input.realMasterState);
      if (overruled !== null) onOverruled(overruled);
      return input.realMasterState;
    },
  };
}
