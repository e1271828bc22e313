/** The timer functions a debouncer uses; the global ones by default. */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debouncer {
  /** Runs the action `delayMs` after the last call of `schedule`. */
  schedule(): void;
  /** Runs a scheduled action now; does nothing when none is scheduled. */
  flush(): void;
  cancel(): void;
}

/** Debounces `action`, so a window drag that emits many `move` events writes the file once. */
export function createDebouncer(action: () => void, delayMs: number, timers: Timers = globalTimers): Debouncer {
  let handle: unknown;
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    handle = undefined;
    action();
  };
  return {
    schedule() {
      if (scheduled) {
        timers.clearTimeout(handle);
      }
      scheduled = true;
      handle = timers.setTimeout(run, delayMs);
    },
    flush() {
      if (!scheduled) {
        return;
      }
      timers.clearTimeout(handle);
      run();
    },
    cancel() {
      if (scheduled) {
        timers.clearTimeout(handle);
      }
      scheduled = false;
      handle = undefined;
    },
  };
}
