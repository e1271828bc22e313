import type { Replications } from './replication.js';
import type { SyncConnection } from './sync-connection.js';

/** Time offline after which a reconnect counts as a long absence; see {@link trackCatchUp}. */
export const DEFAULT_LONG_OFFLINE_MS = 5 * 60_000;

export interface CatchUpOptions {
  connection: SyncConnection;
  replications: Replications;
  /** Milliseconds offline after which a reconnect reports catching up. */
  longOfflineMs: number;
  /** Wall clock in milliseconds; only durations are taken from it. */
  now(): number;
  onChange(catchingUp: boolean): void;
}

/**
 * Reports `catchingUp: true` after a reconnect that ends more than `longOfflineMs` without a
 * connection, and false once every collection has pulled what it missed and pushed what was
 * queued. A short blip is not reported, because the pull after it is too quick to show.
 * Must be called after {@link startReplications}, so the pulls start before this listener runs.
 */
export function trackCatchUp(options: CatchUpOptions): () => void {
  let wasOnline = false;
  let offlineSince: number | undefined;
  let round = 0;

  const stopState = options.connection.connection.subscribe((state) => {
    if (state.status === 'online') {
      wasOnline = true;
    } else if (wasOnline && offlineSince === undefined) {
      offlineSince = options.now();
    }
  });

  const stopReady = options.connection.onReady(() => {
    const since = offlineSince;
    offlineSince = undefined;
    if (since === undefined || options.now() - since < options.longOfflineMs) {
      return;
    }
    round += 1;
    const current = round;
    options.onChange(true);
    options.replications.awaitCaughtUp().then(
      () => {
        if (current === round) options.onChange(false);
      },
      () => undefined,
    );
  });

  return () => {
    round += 1;
    stopState();
    stopReady();
  };
}
