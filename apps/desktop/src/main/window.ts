import { BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { appEntryUrl } from './entry-url';
import { closeAction, isAppUrl } from './security-policy';
import { MINIMUM_WINDOW_SIZE } from './window-state/geometry';

export interface MainWindowOptions {
  preloadPath: string;
  rendererDir: string;
  /** Development server URL from electron-vite, when running `electron-vite dev`. */
  devServerUrl: string | undefined;
  iconPath: string;
  isQuitting(): boolean;
  /** Opening bounds and maximised state (see `window-state/`). */
  placement: { bounds: { x: number; y: number; width: number; height: number }; maximized: boolean };
  /** Called each time closing the window hides it to the tray instead of quitting. */
  onHiddenToTray(): void;
}

/** Creates the main window with the secure defaults and its navigation and close policies. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const entryUrl = appEntryUrl(options);
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    show: false,
    title: 'Lastro',
    icon: options.iconPath,
    backgroundColor: '#0c1726',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Live balances and alerts must keep arriving while the window is hidden in the tray.
      backgroundThrottling: false,
    },
  });

  // maximize() also shows the window, so a maximised window never flashes at its normal size, but
  // it does not focus it: show() and focus() follow so keys and notifications see a focused window.
  window.once('ready-to-show', () => {
    if (options.placement.maximized) {
      window.maximize();
    }
    window.show();
    window.focus();
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, entryUrl)) {
      event.preventDefault();
      log.warn('blocked navigation away from the app', { url });
    }
  });
  // The app has no pop-ups and links no external pages, so every new window is denied.
  window.webContents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked window.open', { url });
    return { action: 'deny' };
  });

  window.on('close', (event) => {
    if (closeAction({ quitting: options.isQuitting() }) === 'hide') {
      event.preventDefault();
      window.hide();
      options.onHiddenToTray();
    }
  });

  void window.loadURL(entryUrl);
  return window;
}
