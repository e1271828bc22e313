import type { Store } from './types.js';

/** A {@link Store} the engine writes to. */
export interface WritableStore<T> extends Store<T> {
  setState(value: T): void;
}

/**
 * Creates a store holding `initial`. Listeners run synchronously on every `setState` whose value
 * differs from the current one by identity; a throwing listener does not stop the others.
 */
export function createStore<T>(initial: T, onListenerError?: (error: unknown) => void): WritableStore<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    getState: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setState(next) {
      if (Object.is(next, value)) {
        return;
      }
      value = next;
      for (const listener of [...listeners]) {
        try {
          listener(next);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
  };
}
