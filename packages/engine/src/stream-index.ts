import type { ChangeStream } from '@lastro/protocol';

/** Action for a `changes` frame, judged by its stream index. */
export type StreamIndexVerdict = 'apply' | 'resync';

/**
 * Checks that the `changes` frames of each stream arrive with consecutive indexes. The server
 * numbers the frames of each stream 1, 2, 3, ... and `ready.streams` gives the index before the
 * socket joined, so any other index means a frame was lost, repeated or reordered. Such a frame
 * must not be applied: the client pulls every collection again from its checkpoints instead.
 */
export class StreamIndexTracker {
  private last: Record<ChangeStream, number> | null = null;

  /** Starts a new socket's numbering from the `ready` frame's `streams`. */
  reset(streams: Record<ChangeStream, number>): void {
    this.last = { ...streams };
  }

  /** Forgets the numbering, for example when the socket closes. */
  clear(): void {
    this.last = null;
  }

  /**
   * Records the frame's index and returns `apply` when it is the previous one plus one.
   * After a mismatch the highest index seen becomes the base, because the resync that follows
   * fetches everything up to it.
   */
  accept(stream: ChangeStream, index: number): StreamIndexVerdict {
    if (this.last === null) return 'resync';
    const previous = this.last[stream];
    this.last[stream] = Math.max(previous, index);
    return index === previous + 1 ? 'apply' : 'resync';
  }
}
