import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import notifier from 'node-notifier';

/**
 * The node-notifier adapter: shows one OS notification through the platform's helper
 * (notify-send on Linux and BSD, SnoreToast on Windows, terminal-notifier on macOS).
 * It imports no Electron module, so the same code runs in the app and in the Linux end-to-end test.
 */

/** The options this app passes to node-notifier's `notify`. */
export interface OsNotificationOptions {
  title: string;
  message: string;
  /** Absolute path of the app icon. */
  icon: string;
  /**
   * Requests a report of clicks from the helper.
   * NOTE: node-notifier 10 runs notify-send without `--wait` or `--action`, so on Linux a click on
   * the notification is not reported and `notificationOpened` is not sent.
   */
  wait: boolean;
  /** Windows AppUserModelID, which must match the Start-menu shortcut for the toast to show. */
  appID?: string;
  /** Application name that notify-send passes to the notification daemon. */
  'app-name'?: string;
  /** notify-send urgency: a `critical` notification stays until the user closes it. */
  urgency?: 'low' | 'normal' | 'critical';
}

/**
 * node-notifier's callback. On Linux, a helper that exits with 0 but writes to stderr passes
 * that stderr text as `error`, so only an `Error` means that the notification failed.
 */
export type NotifyCallback = (error: Error | string | null | undefined, response?: string) => void;

/** node-notifier's `notify`, or the `notify` of one of its platform notifiers. */
export type NotifyFunction = (options: OsNotificationOptions, callback: NotifyCallback) => unknown;

/** Outcome of one OS notification: `ok` covers shown, dismissed and timed out. */
export type OsNotificationOutcome =
  | { kind: 'ok'; warning?: string }
  | { kind: 'clicked' }
  | { kind: 'error'; error: string };

/** Responses with which node-notifier reports that the user clicked the notification. */
const CLICK_RESPONSES: ReadonlySet<string> = new Set(['activate', 'clicked']);

/**
 * Shows one notification through `notify` and resolves once node-notifier calls back. With
 * `wait`, SnoreToast and terminal-notifier call back only after a click, a dismissal or their
 * own timeout. notify-send calls back as soon as the daemon has accepted the notification.
 * The promise settles once even when node-notifier calls back twice, as its Windows toaster does
 * after a SnoreToast failure. It never rejects.
 */
export function showOsNotification(notify: NotifyFunction, options: OsNotificationOptions): Promise<OsNotificationOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: OsNotificationOutcome): void => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };

    const onResult: NotifyCallback = (error, response) => {
      if (error !== null && error !== undefined && typeof error !== 'string') {
        settle({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (typeof response === 'string' && CLICK_RESPONSES.has(response.trim().toLowerCase())) {
        settle({ kind: 'clicked' });
        return;
      }
      const warning = typeof error === 'string' ? error.trim() : '';
      settle(warning === '' ? { kind: 'ok' } : { kind: 'ok', warning });
    };

    try {
      notify(options, onResult);
    } catch (error) {
      settle({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Builds the node-notifier options for one notification of this app. */
export function osNotificationOptions(
  notification: { title: string; body: string; critical: boolean },
  target: { platform: NodeJS.Platform; iconPath: string; appName: string; appUserModelId: string },
): OsNotificationOptions {
  const options: OsNotificationOptions = {
    title: notification.title,
    message: notification.body,
    icon: target.iconPath,
    wait: true,
  };
  if (target.platform === 'win32') {
    options.appID = target.appUserModelId;
  } else if (target.platform !== 'darwin') {
    options['app-name'] = target.appName;
    options.urgency = notification.critical ? 'critical' : 'normal';
  }
  return options;
}

/** Directory of node-notifier's bundled helpers (SnoreToast, terminal-notifier, Notifu). */
export function nodeNotifierVendorDir(isPackaged: boolean): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('node-notifier/package.json'));
  const vendorDir = join(packageDir, 'vendor');
  return isPackaged ? unpackedAsarPath(vendorDir) : vendorDir;
}

/**
 * Maps a path inside `app.asar` to the same path in `app.asar.unpacked`, where electron-builder
 * puts the files listed under `asarUnpack`. Executables cannot start from inside the archive.
 */
export function unpackedAsarPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/**
 * Path of the helper that node-notifier starts on `platform`, for its `customPath` option, or
 * undefined on Linux and BSD, where it runs `notify-send` from PATH.
 */
export function notifierHelperPath(platform: NodeJS.Platform, arch: string, vendorDir: string): string | undefined {
  if (platform === 'win32') {
    // node-notifier itself picks the 64-bit SnoreToast only on x64 and the 32-bit one elsewhere.
    return join(vendorDir, 'snoreToast', `snoretoast-${arch === 'x64' ? 'x64' : 'x86'}.exe`);
  }
  if (platform === 'darwin') {
    return join(vendorDir, 'mac.noindex', 'terminal-notifier.app', 'Contents', 'MacOS', 'terminal-notifier');
  }
  return undefined;
}

/**
 * Returns the `notify` of node-notifier's notifier for `platform`, using the helper at
 * `customPath` on Windows and macOS. The built-in fallbacks (balloons, Growl) are off, because
 * the app falls back to Electron's `Notification` itself.
 */
export function createPlatformNotify(platform: NodeJS.Platform, customPath: string | undefined): NotifyFunction {
  const option = customPath === undefined ? { withFallback: false } : { withFallback: false, customPath };
  if (platform === 'win32') {
    const toaster = new notifier.WindowsToaster(option);
    return (options, callback) => toaster.notify(options, callback);
  }
  if (platform === 'darwin') {
    const center = new notifier.NotificationCenter(option);
    return (options, callback) => center.notify(options, callback);
  }
  const notifySend = new notifier.NotifySend(option);
  return (options, callback) => notifySend.notify(options, callback);
}
