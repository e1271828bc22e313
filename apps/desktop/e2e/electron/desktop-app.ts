import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { TRAY_STATUS_GLOBAL } from '../../src/main/inspection';
import type { TrayStatus } from '../../src/main/tray-state';
import { DESKTOP_DIR } from '../support/paths';

/**
 * Steps that only the desktop app has: launching it, its window state, its tray and what the
 * main process stores in the user-data folder. Scenarios that the web terminal runs too live
 * in ../scenarios.ts.
 */

/**
 * Path of the Electron binary, read the way the `electron` package does, or undefined when the
 * download never happened. Requiring `electron` instead would try to download it.
 */
export function electronBinary(): string | undefined {
  const packageDir = join(DESKTOP_DIR, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return undefined;
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** A running desktop app with its own fresh user-data folder. */
export interface DesktopApp {
  app: ElectronApplication;
  /** The main window, showing the login screen after launch. */
  window: Page;
  userDataDir: string;
  /** Quits the app and deletes its user-data folder. */
  close(): Promise<void>;
}

/** Launches the built app against `serverUrl` with a fresh user-data folder (LASTRO_USER_DATA_DIR). */
export async function launchDesktopApp(binary: string, serverUrl: string): Promise<DesktopApp> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lastro-electron-'));
  let app: ElectronApplication | undefined;
  const close = async (): Promise<void> => {
    // Closing the window only hides it to the tray, so quit the app itself.
    await app?.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
    await app?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    app = await electron.launch({
      executablePath: binary,
      args: [DESKTOP_DIR],
      env: { ...process.env, LASTRO_SERVER_URL: serverUrl, LASTRO_USER_DATA_DIR: userDataDir },
    });
    const window = await app.firstWindow();
    return { app, window, userDataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** State of the main window, as the main process reports it. */
export interface WindowState {
  visible: boolean;
  minimised: boolean;
  focused: boolean;
}

export async function windowState(app: ElectronApplication): Promise<WindowState> {
  return app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows().find((candidate) => !candidate.isDestroyed());
    if (window === undefined) {
      throw new Error('the desktop app has no open window');
    }
    return { visible: window.isVisible(), minimised: window.isMinimized(), focused: window.isFocused() };
  });
}

/**
 * Minimises the main window, as the user does with the title bar button, and waits until the
 * main process reports it minimised.
 * NOTE: on X11 only a window manager iconifies windows, so under a bare Xvfb this wait times out.
 */
export async function minimiseWindow(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }) => {
    BrowserWindow.getAllWindows().find((candidate) => !candidate.isDestroyed())?.minimize();
  });
  await expect.poll(async () => (await windowState(app)).minimised, { message: 'the main window did not minimise' }).toBe(true);
}

/** Restores and focuses the minimised main window, as a click on its taskbar entry does. */
export async function restoreWindow(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows().find((candidate) => !candidate.isDestroyed());
    window?.restore();
    window?.focus();
  });
  await expect.poll(async () => (await windowState(app)).minimised, { message: 'the main window did not restore' }).toBe(false);
}

/**
 * Returns the notification ids the main process has presented, from the file its presenter
 * keeps in the user-data folder (see src/main/notifications/presented-store.ts), or an empty
 * list before the first one.
 */
export function presentedNotificationIds(userDataDir: string): string[] {
  const file = join(userDataDir, 'presented-notifications.json');
  if (!existsSync(file)) {
    return [];
  }
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const ids: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'ids') : undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new Error(`${file} has no "ids" array of strings: ${JSON.stringify(parsed)}`);
  }
  return ids;
}

/**
 * Returns the main process's log, `logs/main.log` in the user-data folder on Windows and Linux,
 * or undefined on macOS, where electron-log writes to ~/Library/Logs instead.
 */
export function mainLogText(userDataDir: string): string | undefined {
  if (process.platform === 'darwin') {
    return undefined;
  }
  const file = join(userDataDir, 'logs', 'main.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Reads what the tray shows from the main process, through the global that src/main/inspection.ts publishes. */
export async function trayStatus(app: ElectronApplication): Promise<TrayStatus> {
  const status = await app.evaluate((_electron, globalName) => {
    const read: unknown = Reflect.get(globalThis, globalName);
    return typeof read === 'function' ? (read as () => TrayStatus)() : null;
  }, TRAY_STATUS_GLOBAL);
  if (status === null) {
    throw new Error(`the main process has no ${TRAY_STATUS_GLOBAL} function: the tray was not created`);
  }
  return status;
}
