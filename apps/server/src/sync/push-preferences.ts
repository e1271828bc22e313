import { CRITICAL_NOTIFICATION_TYPES, type PreferencesDoc } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';
import { DEFAULT_PREFERENCES } from '../db/preferences.js';
import type { Store } from '../db/store.js';
import type { ValidRow } from './push-rows.js';

/** Creates the user's default preferences when they have none. Call inside a transaction. */
export function ensurePreferences(store: Store, userId: string, now: string, changes: ChangeSet): PreferencesDoc {
  const current = store.preferences.find(userId);
  if (current !== undefined) {
    return current;
  }
  const created = store.preferences.put(userId, DEFAULT_PREFERENCES, now);
  changes.addPreferences(created);
  return created;
}

function sameList(a: unknown, b: readonly string[] | undefined): boolean {
  const left = Array.isArray(a) ? a : [];
  const right = b ?? [];
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

function sameDocument(server: PreferencesDoc, assumed: Record<string, unknown>): boolean {
  return (
    assumed.id === server.id &&
    assumed.language === server.language &&
    assumed.defaultInvestAmount === server.defaultInvestAmount &&
    assumed.quietHoursStart === server.quietHoursStart &&
    assumed.quietHoursEnd === server.quietHoursEnd &&
    sameList(assumed.mutedNotificationTypes, server.mutedNotificationTypes) &&
    JSON.stringify(assumed.loanAlert ?? null) === JSON.stringify(server.loanAlert ?? null) &&
    assumed.updatedAt === server.updatedAt &&
    assumed.seq === server.seq
  );
}

/**
 * Applies the rows of a `preferences` push inside the caller's transaction and returns the
 * conflicts. A row is accepted only when its `assumedMasterState` equals the server's document,
 * or is null when the server has none. An accepted row is stored with the server's time and a
 * new `seq`, and every other row gets the server's document as its conflict.
 */
export function pushPreferences(store: Store, userId: string, rows: ValidRow<'preferences'>[], now: string, changes: ChangeSet): PreferencesDoc[] {
  const conflicts: PreferencesDoc[] = [];
  for (const { doc, assumed } of rows) {
    const current = store.preferences.find(userId);
    const matches = current === undefined ? assumed === null : assumed !== null && sameDocument(current, assumed);
    if (!matches) {
      conflicts.push(current ?? ensurePreferences(store, userId, now, changes));
      continue;
    }
    changes.addPreferences(
      store.preferences.put(
        userId,
        {
          language: doc.language,
          defaultInvestAmount: doc.defaultInvestAmount,
          quietHoursStart: doc.quietHoursStart,
          quietHoursEnd: doc.quietHoursEnd,
          mutedNotificationTypes: (doc.mutedNotificationTypes ?? []).filter((type) => !CRITICAL_NOTIFICATION_TYPES.includes(type)),
          loanAlert: doc.loanAlert,
        },
        now,
      ),
    );
  }
  return conflicts;
}
