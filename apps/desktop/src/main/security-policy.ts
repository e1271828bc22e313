/**
 * Decisions about what the window may load, open and ask for. They take plain values so they
 * can be tested without Electron.
 */

/**
 * Checks whether `candidate` is the app itself: the same file for a packaged build
 * (file://.../index.html) or the same origin for the development server.
 */
export function isAppUrl(candidate: string, appEntryUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(candidate);
    app = new URL(appEntryUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

/** Checks an IPC sender: only the main frame of the app's own page may call the bridge. */
export function isTrustedSender(sender: { url: string; isMainFrame: boolean }, appEntryUrl: string): boolean {
  return sender.isMainFrame && isAppUrl(sender.url, appEntryUrl);
}

/** Permissions the renderer may obtain; everything else (camera, geolocation, ...) is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Decides what closing the window does: it hides to the tray unless the user chose to quit. */
export function closeAction(state: { quitting: boolean }): 'hide' | 'close' {
  return state.quitting ? 'close' : 'hide';
}
