import type { ChangeStream, CollectionName } from '@lastro/protocol';
import type { ChangeSet } from '../changes.js';

/** Topic every authenticated socket subscribes to for the public loan book. */
export const LOANS_TOPIC = 'loans';

/** Topic of one user's private documents: wallet, ledger entries, positions, commands, preferences and chat messages. */
export function userTopic(userId: string): string {
  return `user:${userId}`;
}

/** Returns the stream that a topic's `changes` frames belong to. */
export function streamOfTopic(topic: string): ChangeStream {
  return topic === LOANS_TOPIC ? 'loans' : 'user';
}

/** A `changes` frame addressed to one topic, before the hub numbers it. */
export interface TopicFrame {
  topic: string;
  collection: CollectionName;
  /** Documents in `seq` order, with `_deleted`. */
  documents: Record<string, unknown>[];
  /** The highest `seq` in `documents`. */
  checkpointSeq: number;
}

function topicFrame(topic: string, collection: CollectionName, documents: Iterable<{ seq: number }>): TopicFrame | undefined {
  const sorted = [...documents].sort((a, b) => a.seq - b.seq);
  const last = sorted[sorted.length - 1];
  if (last === undefined) {
    return undefined;
  }
  return {
    topic,
    collection,
    documents: sorted.map((document) => ({ ...document, _deleted: false })),
    checkpointSeq: last.seq,
  };
}

/**
 * Builds the `changes` frames of one committed transaction: per user, their ledger entries,
 * wallet, positions, commands, preferences and chat messages; then the loans. Documents are in `seq` order
 * and each frame's checkpoint is the highest `seq` it carries.
 */
export function framesForChanges(changes: ChangeSet): TopicFrame[] {
  const frames: (TopicFrame | undefined)[] = [];
  for (const userId of changes.userIds) {
    const topic = userTopic(userId);
    const wallet = changes.wallets.get(userId);
    const preferences = changes.preferences.get(userId);
    frames.push(
      topicFrame(topic, 'ledgerEntries', changes.ledgerEntries.get(userId) ?? []),
      topicFrame(topic, 'wallets', wallet === undefined ? [] : [wallet]),
      topicFrame(topic, 'positions', changes.positions.get(userId)?.values() ?? []),
      topicFrame(topic, 'commands', changes.commands.get(userId)?.values() ?? []),
      topicFrame(topic, 'preferences', preferences === undefined ? [] : [preferences]),
      topicFrame(topic, 'chatMessages', changes.chatMessages.get(userId)?.values() ?? []),
      topicFrame(topic, 'notifications', changes.notifications.get(userId)?.values() ?? []),
    );
  }
  frames.push(topicFrame(LOANS_TOPIC, 'loans', changes.loans.values()));
  return frames.filter((frame) => frame !== undefined);
}
