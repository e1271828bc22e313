/**
 * A token bucket: up to `capacity` events at once, then one more every `refillIntervalMs`.
 * The clock is passed in, so tests drive it without waiting. Used by the renderer and the main
 * process to cap error reports, so a renderer in an error loop cannot fill the log.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly options: { capacity: number; refillIntervalMs: number; now: () => number },
  ) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new Error(`invalid token bucket capacity ${String(options.capacity)}: use a positive integer`);
    }
    if (!(options.refillIntervalMs > 0)) {
      throw new Error(`invalid token bucket refill interval ${String(options.refillIntervalMs)} ms: use a positive number`);
    }
    this.tokens = options.capacity;
    this.lastRefillMs = options.now();
  }

  /** Takes one token and returns true, or returns false when the bucket is empty. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.options.now();
    if (now < this.lastRefillMs) {
      // A clock that went backwards (a system time change) restarts the interval instead of refilling.
      this.lastRefillMs = now;
      return;
    }
    const added = Math.floor((now - this.lastRefillMs) / this.options.refillIntervalMs);
    if (added > 0) {
      this.tokens = Math.min(this.options.capacity, this.tokens + added);
      this.lastRefillMs += added * this.options.refillIntervalMs;
    }
    // A full bucket does not bank time towards tokens it cannot hold.
    if (this.tokens === this.options.capacity) {
      this.lastRefillMs = now;
    }
  }
}
