import type { RxDocument } from 'rxdb';
import type { Subscription } from 'rxjs';
import type {
  ChatMessageDoc,
  NotificationDoc,
  CollectionDocs,
  CollectionName,
  CommandDoc,
  LedgerEntryDoc,
  LoanDoc,
  PositionDoc,
  PreferencesDoc,
  WalletDoc,
} from '@lastro/protocol';
import { byServerTime } from './chat.js';
import type { LastroDatabase } from './database.js';
import type { WritableStore } from './store.js';

/**
 * Converts query results to plain documents, reusing the previous object of a document whose
 * revision did not change. Unchanged rows keep their identity, so a UI list re-renders only the
 * rows that changed.
 */
class PlainDocumentCache<T> {
  private byId = new Map<string, { revision: string; plain: T }>();

  toPlain(documents: readonly RxDocument<any>[]): T[] {
    const next = new Map<string, { revision: string; plain: T }>();
    const result: T[] = [];
    for (const document of documents) {
      const id = document.primary as string;
      const revision = document.revision;
      const cached = this.byId.get(id);
      const entry = cached !== undefined && cached.revision === revision ? cached : { revision, plain: Object.freeze(document.toJSON()) as T };
      next.set(id, entry);
      result.push(entry.plain);
    }
    this.byId = next;
    return result;
  }
}

/** Newest first by `createdAt`, then by id so equal timestamps keep a stable order. */
function byCreatedAtDescending(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Newest first by server sequence: commands the server has not stored yet (`seq` 0) come first,
 * then by descending `seq`. Ties fall back to the id, a UUIDv7 that grows with issue time on
 * the device that issued it. The device clock (`issuedAt`) is never used for ordering.
 */
export function byServerSequenceDescending(a: { seq: number; id: string }, b: { seq: number; id: string }): number {
  const rankA = a.seq === 0 ? Number.MAX_SAFE_INTEGER : a.seq;
  const rankB = b.seq === 0 ? Number.MAX_SAFE_INTEGER : b.seq;
  if (rankA !== rankB) return rankB - rankA;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/** The stores the facade fills from the local database. */
export interface LiveStoreTargets {
  wallet: WritableStore<WalletDoc | null>;
  ledgerEntries: WritableStore<LedgerEntryDoc[]>;
  loans: WritableStore<LoanDoc[]>;
  commands: WritableStore<CommandDoc[]>;
  positions: WritableStore<PositionDoc[]>;
  preferences: WritableStore<PreferencesDoc | null>;
  chatMessages: WritableStore<ChatMessageDoc[]>;
  notifications: WritableStore<NotificationDoc[]>;
}

/**
 * Keeps the stores equal to the local database with one query subscription per collection,
 * so a replicated change reaches the UI without re-querying. Returns a function that stops them.
 */
export function bindLiveStores(database: LastroDatabase, targets: LiveStoreTargets, onError: (collection: CollectionName, error: unknown) => void): () => void {
  const subscriptions: Subscription[] = [];

  // Only the user's own wallet is replicated, so the collection contains at most one document.
  subscriptions.push(
    database.wallets.findOne().$.subscribe({
      next: (document) => targets.wallet.setState(document === null ? null : (Object.freeze(document.toJSON()) as WalletDoc)),
      error: (error: unknown) => onError('wallets', error),
    }),
  );

  const ledgerCache = new PlainDocumentCache<CollectionDocs['ledgerEntries']>();
  subscriptions.push(
    database.ledgerEntries.find({ sort: [{ createdAt: 'desc' }, { id: 'desc' }] }).$.subscribe({
      next: (documents) => targets.ledgerEntries.setState(ledgerCache.toPlain(documents)),
      error: (error: unknown) => onError('ledgerEntries', error),
    }),
  );

  // The loan book has no createdAt index, so it is sorted here: one query, sorted in memory.
  const loanCache = new PlainDocumentCache<CollectionDocs['loans']>();
  subscriptions.push(
    database.loans.find().$.subscribe({
      next: (documents) => targets.loans.setState(loanCache.toPlain(documents).sort(byCreatedAtDescending)),
      error: (error: unknown) => onError('loans', error),
    }),
  );

  const commandCache = new PlainDocumentCache<CommandDoc>();
  subscriptions.push(
    database.commands.find().$.subscribe({
      next: (documents) => targets.commands.setState(commandCache.toPlain(documents).sort(byServerSequenceDescending)),
      error: (error: unknown) => onError('commands', error),
    }),
  );

  const positionCache = new PlainDocumentCache<PositionDoc>();
  subscriptions.push(
    database.positions.find().$.subscribe({
      next: (documents) => targets.positions.setState(positionCache.toPlain(documents).sort(byServerSequenceDescending)),
      error: (error: unknown) => onError('positions', error),
    }),
  );

  // Only the user's own preferences are replicated, so the collection contains at most one document.
  subscriptions.push(
    database.preferences.findOne().$.subscribe({
      next: (document) => targets.preferences.setState(document === null ? null : (Object.freeze(document.toJSON()) as PreferencesDoc)),
      error: (error: unknown) => onError('preferences', error),
    }),
  );

  const chatCache = new PlainDocumentCache<ChatMessageDoc>();
  subscriptions.push(
    database.chatMessages.find().$.subscribe({
      next: (documents) => targets.chatMessages.setState(chatCache.toPlain(documents).sort(byServerTime)),
      error: (error: unknown) => onError('chatMessages', error),
    }),
  );

  // Newest first by creation time; ids break ties so the order is stable.
  const notificationCache = new PlainDocumentCache<NotificationDoc>();
  subscriptions.push(
    database.notifications.find().$.subscribe({
      next: (documents) => targets.notifications.setState(notificationCache.toPlain(documents).sort(byCreatedAtDescending)),
      error: (error: unknown) => onError('notifications', error),
    }),
  );

  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}
