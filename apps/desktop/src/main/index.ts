import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import log from 'electron-log/main';
import { parseServerUrl, parseUserDataDir } from './config';
import { loadDevice } from './device-store';
import { eventChannel } from './ipc/channels';
import { createIpcHandlers, type IpcEvents } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { exposeTrayStatus } from './inspection';
import { createElectronNotificationPresenter } from './notifications/electron-adapter';
import { isPermissionAllowed } from './security-policy';
import { AppTray } from './tray';
import { startAutoUpdates } from './update/electron-updater-adapter';
import { appEntryUrl, createMainWindow } from './window';

log.initialize();

const outDir = join(import.meta.dirname, '..');
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(import.meta.dirname, '../../../../resources');
const rendererDir = join(outDir, 'renderer');
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

let mainWindow: BrowserWindow | undefined;
// Kept for the life of the app: a collected Tray object removes the icon.
let tray: AppTray | undefined;
let quitting = false;

function showWindow(): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) {
    return;
  }
  if (mainWindow.isMinimized()) {
    mainWindow.restore();
  }
  mainWindow.show();
  mainWindow.focus();
}

function sendEvent<Name extends keyof IpcEvents>(name: Name, payload: IpcEvents[Name]): void {
  mainWindow?.webContents.send(eventChannel(name), payload);
}

const APP_USER_MODEL_ID = 'br.com.lastro.terminal';

function start(): void {
  // Windows shows notifications only for an app whose AppUserModelID matches its shortcut (the appId).
  if (process.platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
  }
  const serverUrl = parseServerUrl(process.env['LASTRO_SERVER_URL']);
  const device = loadDevice(app.getPath('userData'));
  log.info('starting Lastro', { version: app.getVersion(), serverUrl, deviceId: device.id });

  session.defaultSession.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(isPermissionAllowed(permission));
  });
  session.defaultSession.setPermissionCheckHandler((_webContents, permission) => isPermissionAllowed(permission));

  tray = new AppTray(resourcesDir, {
    showWindow,
    navigate: (route) => {
      showWindow();
      sendEvent('navigate', route);
    },
    quit: () => {
      quitting = true;
      app.quit();
    },
    securityAction: (action, sessionId) => {
      if (action === 'view') {
        showWindow();
      }
      sendEvent('securityAction', { action, sessionId });
    },
  });

  const presentNotification = createElectronNotificationPresenter({
    userDataDir: app.getPath('userData'),
    iconPath: join(resourcesDir, 'icon.png'),
    isPackaged: app.isPackaged,
    appUserModelId: APP_USER_MODEL_ID,
    mainWindow: () => mainWindow,
    openNotification: (opened) => {
      showWindow();
      sendEvent('notificationOpened', opened);
    },
    log,
  });

  const updates = startAutoUpdates({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    environment: process.env,
    log,
    publish: (state) => sendEvent('updateState', state),
    prepareQuit: () => {
      quitting = true;
    },
    cancelQuit: () => {
      quitting = false;
    },
  });

  const activeTray = tray;
  exposeTrayStatus(() => activeTray.status());
  registerIpcHandlers(
    createIpcHandlers({
      config: { serverUrl, device, appVersion: app.getVersion(), platform: process.platform },
      setTrayState: (state) => activeTray.setState(state),
      showWindow,
      presentNotification,
      setSecurityAlert: (alert) => activeTray.setSecurityAlert(alert),
      getUpdateState: () => updates.getState(),
      installUpdate: () => updates.install(),
    }),
    () => appEntryUrl({ rendererDir, devServerUrl }),
  );

  mainWindow = createMainWindow({
    preloadPath: join(outDir, 'preload/index.cjs'),
    rendererDir,
    devServerUrl,
    iconPath: join(resourcesDir, 'icon.png'),
    isQuitting: () => quitting,
  });
}

// Must run before the single-instance lock and before `ready`, which both use the profile path.
const userDataDir = parseUserDataDir(process.env['LASTRO_USER_DATA_DIR']);
if (userDataDir !== undefined) {
  app.setPath('userData', userDataDir);
}

if (!app.requestSingleInstanceLock()) {
  log.info('another Lastro instance is running; focusing it and exiting');
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  // The window hides to the tray, so the app keeps running until "Sair" is chosen.
  app.on('window-all-closed', () => {
    if (quitting) {
      app.quit();
    }
  });
  app.on('activate', showWindow);
  // Applies to every web contents, including any created later: no pop-ups and no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('failed to start Lastro', { error: String(error) });
      app.exit(1);
    });
}
