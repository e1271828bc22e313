import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../auth/tokens.js';
import type { RoomGrant } from './rooms.js';

/** The rights of a ticket: one room, for one user and session, until `expiresAt`. */
export interface TicketGrant extends RoomGrant {
  userId: string;
  sessionId: string;
  /** Epoch milliseconds after which the ticket is rejected. */
  expiresAt: number;
}

/** Reason {@link TicketStore.redeem} rejected a ticket. */
export type TicketRejection = 'unknown' | 'expired' | 'used' | 'other_room';

interface TicketEntry {
  grant: TicketGrant;
  used: boolean;
}

/**
 * Short-lived, single-use tickets that open one `/collab` connection. Only the SHA-256 of a
 * ticket is kept, in memory, so a restart invalidates every outstanding ticket.
 */
export class TicketStore {
  private readonly tickets = new Map<string, TicketEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Issues a ticket of 32 random bytes (base64url) for `grant`. */
  issue(grant: Omit<TicketGrant, 'expiresAt'>): { ticket: string; expiresAt: number } {
    this.sweep();
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(sha256Hex(ticket), { grant: { ...grant, expiresAt }, used: false });
    return { ticket, expiresAt };
  }

  /**
   * Uses a ticket for `room`. Any ticket found is spent by this call, even when it is rejected
   * for another room, so a ticket never opens more than one connection.
   */
  redeem(ticket: string, room: string): { ok: true; grant: TicketGrant } | { ok: false; reason: TicketRejection; grant?: TicketGrant } {
    const entry = this.tickets.get(sha256Hex(ticket));
    this.sweep();
    if (entry === undefined) {
      return { ok: false, reason: 'unknown' };
    }
    if (this.now() >= entry.grant.expiresAt) {
      return { ok: false, reason: 'expired', grant: entry.grant };
    }
    if (entry.used) {
      return { ok: false, reason: 'used', grant: entry.grant };
    }
    entry.used = true;
    if (entry.grant.room !== room) {
      return { ok: false, reason: 'other_room', grant: entry.grant };
    }
    return { ok: true, grant: entry.grant };
  }

  /**
   * Drops expired tickets. Used tickets stay until they expire, so reusing one is reported as
   * "used" instead of "unknown".
   */
  private sweep(): void {
    const now = this.now();
    for (const [hash, entry] of this.tickets) {
      if (now >= entry.grant.expiresAt) {
        this.tickets.delete(hash);
      }
    }
  }
}
