import type { ChangesFrame, CollectionName } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';

/** Topic every authenticated socket subscribes to for the public loan book. */
export const LOANS_TOPIC = 'loans';

/** Topic of one user's private documents (wallet and ledger entries). */
export function userTopic(userId: string): string {
  return `user:${userId}`;
}

/** A frame addressed to one topic. */
export interface TopicFrame {
  topic: string;
  frame: ChangesFrame;
}

function changesFrame(collection: CollectionName, documents: { seq: number }[]): ChangesFrame {
  const sorted = [...documents].sort((a, b) => a.seq - b.seq);
  const last = sorted[sorted.length - 1];
  return {
    type: 'changes',
    collection,
    documents: sorted.map((document) => ({ ...document, _deleted: false })),
    checkpoint: { seq: last?.seq ?? 0 },
  };
}

/**
 * Builds the `changes` frames of one committed transaction: per user, their ledger entries
 * and wallet; then the loans. Documents are in `seq` order and each frame's checkpoint is the
 * highest `seq` it carries.
 */
export function framesForChanges(changes: ChangeSet): TopicFrame[] {
  const frames: TopicFrame[] = [];
  const userIds = new Set([...changes.ledgerEntries.keys(), ...changes.wallets.keys()]);
  for (const userId of userIds) {
    const entries = changes.ledgerEntries.get(userId);
    if (entries !== undefined && entries.length > 0) {
      frames.push({ topic: userTopic(userId), frame: changesFrame('ledgerEntries', entries) });
    }
    const wallet = changes.wallets.get(userId);
    if (wallet !== undefined) {
      frames.push({ topic: userTopic(userId), frame: changesFrame('wallets', [wallet]) });
    }
  }
  if (changes.loans.size > 0) {
    frames.push({ topic: LOANS_TOPIC, frame: changesFrame('loans', [...changes.loans.values()]) });
  }
  return frames;
}
