import { performance } from 'node:perf_hooks';

/**
 * Returns the current time in milliseconds since the Unix epoch, with sub-millisecond
 * resolution. Worker threads of one process share the clock behind it, so timestamps
 * taken in different threads can be subtracted.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
