import type { AwarenessEntry } from './messages.js';

/** A remote awareness state is dropped when its client sent nothing for this long (y-protocols' `outdatedTimeout`). */
export const PRESENCE_TIMEOUT_MS = 30_000;

interface PresenceState {
  owner: object;
  /** The clock the client sent. */
  clientClock: number;
  stateJson: string;
  /** Epoch milliseconds of the last accepted update. */
  updatedAt: number;
}

/** Result of {@link PresenceTracker.apply}. */
export interface PresenceChange {
  /** Entries, with relay clocks, for the other connections of the room. */
  relayed: AwarenessEntry[];
  /**
   * The same entries with the sender's own clocks, for the sender. They change nothing there,
   * but y-websocket's provider reconnects after 30 s without any message, and for a client alone
   * in a room its own echoed renewals are the only messages.
   */
  echoed: AwarenessEntry[];
  /** Client ids whose entries were ignored, with the reason. */
  rejected: { clientId: number; reason: string }[];
}

/**
 * Awareness states of one room and the connection that introduced each client id.
 *
 * Relayed entries carry a relay clock instead of the client's clock. A peer ignores an entry
 * whose clock is not above the last one it saw, and y-protocols 1.x keeps that clock after a
 * removal. So a client that reconnects with an unchanged local state (same clock) would stay
 * invisible to peers until its next 15-second renewal. The relay clock is the client's clock
 * while that is higher, and the previous relay clock plus one otherwise, so every accepted change
 * reaches the peers at once. The sender gets its own clocks back, because a relay clock above
 * its own would let an older echoed state replace its newer local state.
 */
export class PresenceTracker {
  private readonly states = new Map<number, PresenceState>();
  /** Last relay clock per client id, kept after removal so relay clocks never go back. */
  private readonly relayClocks = new Map<number, number>();

  constructor(
    private readonly maxClientsPerConnection: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.states.size;
  }

  /** Applies the entries of one awareness message from `owner`. */
  apply(owner: object, entries: readonly AwarenessEntry[]): PresenceChange {
    const change: PresenceChange = { relayed: [], echoed: [], rejected: [] };
    for (const entry of entries) {
      const current = this.states.get(entry.clientId);
      const removal = entry.stateJson === 'null';
      if (current !== undefined && current.owner !== owner) {
        change.rejected.push({ clientId: entry.clientId, reason: 'client id belongs to another connection' });
        continue;
      }
      if (current === undefined) {
        if (removal) {
          continue;
        }
        if (this.countOwnedBy(owner) >= this.maxClientsPerConnection) {
          change.rejected.push({ clientId: entry.clientId, reason: `a connection may introduce at most ${this.maxClientsPerConnection} client ids` });
          continue;
        }
      } else if (entry.clock < current.clientClock || (entry.clock === current.clientClock && !removal)) {
        // An old or repeated entry, as y-protocols' applyAwarenessUpdate ignores it.
        continue;
      }
      const relayClock = this.nextRelayClock(entry.clientId, entry.clock);
      if (removal) {
        this.states.delete(entry.clientId);
      } else {
        this.states.set(entry.clientId, { owner, clientClock: entry.clock, stateJson: entry.stateJson, updatedAt: this.now() });
      }
      change.relayed.push({ clientId: entry.clientId, clock: relayClock, stateJson: entry.stateJson });
      change.echoed.push(entry);
    }
    return change;
  }

  /** Removes every state `owner` introduced; returns the removals to relay. */
  removeOwner(owner: object): AwarenessEntry[] {
    return this.removeWhere((state) => state.owner === owner);
  }

  /** Removes states not renewed within {@link PRESENCE_TIMEOUT_MS}; returns the removals to relay. */
  removeOutdated(): AwarenessEntry[] {
    const now = this.now();
    return this.removeWhere((state) => now - state.updatedAt >= PRESENCE_TIMEOUT_MS);
  }

  /** Returns every current state, for a connection that just joined or queried awareness. */
  entries(): AwarenessEntry[] {
    return [...this.states].map(([clientId, state]) => ({
      clientId,
      clock: this.relayClocks.get(clientId) ?? state.clientClock,
      stateJson: state.stateJson,
    }));
  }

  private removeWhere(predicate: (state: PresenceState) => boolean): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const [clientId, state] of this.states) {
      if (predicate(state)) {
        this.states.delete(clientId);
        removed.push({ clientId, clock: this.nextRelayClock(clientId, 0), stateJson: 'null' });
      }
    }
    return removed;
  }

  private nextRelayClock(clientId: number, clientClock: number): number {
    const previous = this.relayClocks.get(clientId);
    const clock = previous === undefined ? clientClock : Math.max(clientClock, previous + 1);
    this.relayClocks.set(clientId, clock);
    return clock;
  }

  private countOwnedBy(owner: object): number {
    let count = 0;
    for (const state of this.states.values()) {
      if (state.owner === owner) {
        count += 1;
      }
    }
    return count;
  }
}
