/**
 * The host's network status, from the browser's `navigator.onLine` and its `online` and
 * `offline` events. Hosts without them (Node, Electron's main process) report nothing.
 */

interface EventTargetLike {
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
}

/** Returns true when the host reports that it has no network. */
export function isHostOffline(): boolean {
  const navigatorLike = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  return navigatorLike?.onLine === false;
}

/** Calls `listener` on every `online` and `offline` event of the host; returns a function that stops it. */
export function onHostNetworkChange(listener: (online: boolean) => void): () => void {
  const target = globalThis as EventTargetLike;
  if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') {
    return () => {};
  }
  const onOnline = (): void => listener(true);
  const onOffline = (): void => listener(false);
  target.addEventListener('online', onOnline);
  target.addEventListener('offline', onOffline);
  return () => {
    target.removeEventListener?.('online', onOnline);
    target.removeEventListener?.('offline', onOffline);
  };
}
