import type { Logger } from 'pino';
import { ChangeSet } from '../changes.js';
import { notifyChanges } from '../notifications/collect.js';
import type { Store } from '../db/store.js';
import type { SyncHub } from '../sync/hub.js';
import { confirmPixOut } from './pix-out.js';

/** Default milliseconds between blocking a `pixOut` and the simulated provider's confirmation. */
export const DEFAULT_PIX_OUT_CONFIRM_DELAY_MS = 1500;

/**
 * Simulated PIX provider: confirms each blocked `pixOut` after a delay, in its own
 * transaction, and publishes the wallet, entries and command. Timers live in memory, so
 * {@link rescheduleBlocked} must run at start to confirm what a previous run left blocked.
 */
export class PixOutConfirmer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly hub: SyncHub,
    private readonly logger: Logger,
    private readonly delayMs: number,
  ) {}

  /** Schedules the confirmation of one command; a command already scheduled keeps its timer. */
  schedule(commandId: string): void {
    if (this.stopped || this.timers.has(commandId)) {
      return;
    }
    const timer = setTimeout(() => this.confirm(commandId), this.delayMs);
    this.timers.set(commandId, timer);
  }

  /** Schedules every command still `blocked` in the database; returns how many. */
  rescheduleBlocked(): number {
    const ids = this.store.commands.idsWithPixOutBlocked();
    for (const id of ids) {
      this.schedule(id);
    }
    if (ids.length > 0) {
      this.logger.info({ commands: ids.length }, 'rescheduled blocked PIX out confirmations');
    }
    return ids.length;
  }

  /** Cancels every pending confirmation; the commands stay blocked until the next start. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  private confirm(commandId: string): void {
    this.timers.delete(commandId);
    if (this.stopped) {
      return;
    }
    try {
      const changes = new ChangeSet();
      const confirmed = this.store.transaction(() => {
        const now = new Date();
        const done = confirmPixOut(this.store, commandId, now.toISOString(), changes);
        notifyChanges(this.store, changes, now);
        return done;
      });
      this.hub.publish(changes);
      if (confirmed) {
        this.logger.info({ commandId }, 'PIX out confirmed');
      }
    } catch (error) {
      this.logger.error({ err: error, commandId }, 'PIX out confirmation failed; the amount stays blocked until the next start');
    }
  }
}
