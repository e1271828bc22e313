import type { PullFrame, PullResultFrame } from '@lastro/protocol';
import type { Store } from '../db/store.js';

/**
 * Builds the result of a pull: the collection's documents visible to `userId` with `seq` above the
 * checkpoint, in `seq` order, at most `limit`. The checkpoint returned is the last
 * document's `seq`, or the request's checkpoint when nothing is newer.
 */
export function handlePull(store: Store, userId: string, frame: PullFrame): PullResultFrame {
  const afterSeq = frame.checkpoint?.seq ?? 0;
  const documents =
    frame.collection === 'wallets'
      ? store.syncReads.wallets(userId, afterSeq, frame.limit)
      : frame.collection === 'ledgerEntries'
        ? store.syncReads.ledgerEntries(userId, afterSeq, frame.limit)
        : store.syncReads.loans(afterSeq, frame.limit);
  const last = documents[documents.length - 1];
  return {
    type: 'pullResult',
    requestId: frame.requestId,
    collection: frame.collection,
    documents: documents.map((document) => ({ ...document, _deleted: false })),
    checkpoint: last === undefined ? frame.checkpoint : { seq: last.seq },
  };
}
