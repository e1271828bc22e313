import type { TrayStatus } from './tray-state';

/**
 * Name of the global function through which the main process reports what the tray shows.
 * Electron offers no getter for a tray's tooltip or menu, so a debugger attached to the main
 * process, or Playwright's `electronApp.evaluate` in the end-to-end suite, reads it here.
 */
export const TRAY_STATUS_GLOBAL = 'lastroTrayStatus';

/**
 * Publishes `readStatus` as a global function that cannot be reassigned or deleted. It only
 * reads: nothing in the app calls it, and calling it changes nothing.
 */
export function exposeTrayStatus(readStatus: () => TrayStatus): void {
  Object.defineProperty(globalThis, TRAY_STATUS_GLOBAL, {
    value: readStatus,
    writable: false,
    configurable: false,
    enumerable: false,
  });
}
