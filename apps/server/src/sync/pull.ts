import type { CollectionName, PullFrame, PullResultFrame } from '@lastro/protocol';
import type { Store } from '../db/store.js';

/** Reads `limit` documents of one collection visible to `userId` with `seq` above `afterSeq`. */
function readCollection(store: Store, collection: CollectionName, userId: string, afterSeq: number, limit: number): { seq: number }[] {
  switch (collection) {
    case 'wallets':
      return store.syncReads.wallets(userId, afterSeq, limit);
    case 'ledgerEntries':
      return store.syncReads.ledgerEntries(userId, afterSeq, limit);
    case 'loans':
      return store.syncReads.loans(afterSeq, limit);
    case 'positions':
      return store.syncReads.positions(userId, afterSeq, limit);
    case 'commands':
      return store.syncReads.commands(userId, afterSeq, limit);
    case 'preferences':
      return store.syncReads.preferences(userId, afterSeq, limit);
    case 'chatMessages':
      return store.syncReads.chatMessages(userId, afterSeq, limit);
    case 'notifications':
      return store.notifications.listForSync(userId, afterSeq, limit);
  }
}

/**
 * Builds the result of a pull: the collection's documents visible to `userId` with `seq` above the
 * checkpoint, in `seq` order, at most `limit`. The checkpoint returned is the last
 * document's `seq`, or the request's checkpoint when nothing is newer.
 */
export function handlePull(store: Store, userId: string, frame: PullFrame): PullResultFrame {
  const afterSeq = frame.checkpoint?.seq ?? 0;
  const documents = readCollection(store, frame.collection, userId, afterSeq, frame.limit);
  const last = documents[documents.length - 1];
  return {
    type: 'pullResult',
    requestId: frame.requestId,
    collection: frame.collection,
    documents: documents.map((document) => ({ ...document, _deleted: false })),
    checkpoint: last === undefined ? frame.checkpoint : { seq: last.seq },
  };
}
