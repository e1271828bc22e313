import { LastroError } from './errors.js';

/** Default time a request waits for its response frame before failing. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  resolve(frame: unknown): void;
  reject(error: LastroError): void;
  timer: ReturnType<typeof setTimeout>;
  description: string;
}

/**
 * Matches response frames to requests by `requestId`. Every request settles once: with its
 * response, on timeout, or through `rejectAll` when its connection ends. Later responses are ignored.
 */
export class RequestTracker {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(
    private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
    private readonly idPrefix: string = Math.random().toString(36).slice(2, 10),
  ) {}

  /** Number of requests still waiting for a response. */
  get size(): number {
    return this.pending.size;
  }

  /** Allocates a request id unique within this tracker. */
  nextId(): string {
    this.counter += 1;
    return `${this.idPrefix}-${this.counter}`;
  }

  /** Registers `requestId` and returns a promise of its response frame. */
  track<T>(requestId: string, description: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new LastroError('network', `${description} timed out after ${this.timeoutMs} ms without a response`));
      }, this.timeoutMs);
      this.pending.set(requestId, { resolve: resolve as (frame: unknown) => void, reject, timer, description });
    });
  }

  /** Resolves the request with this id; returns false when none is pending (late or unknown response). */
  resolve(requestId: string, frame: unknown): boolean {
    const entry = this.take(requestId);
    entry?.resolve(frame);
    return entry !== undefined;
  }

  /** Rejects the request with this id; returns false when none is pending. */
  reject(requestId: string, error: LastroError): boolean {
    const entry = this.take(requestId);
    entry?.reject(error);
    return entry !== undefined;
  }

  /** Rejects every pending request, for example because the socket closed. */
  rejectAll(reason: string): void {
    const entries = [...this.pending.values()];
    for (const entry of entries) {
      clearTimeout(entry.timer);
    }
    this.pending.clear();
    for (const entry of entries) {
      entry.reject(new LastroError('network', `${entry.description} failed: ${reason}`));
    }
  }

  private take(requestId: string): Pending | undefined {
    const entry = this.pending.get(requestId);
    if (entry === undefined) return undefined;
    clearTimeout(entry.timer);
    this.pending.delete(requestId);
    return entry;
  }
}
