import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import log from 'electron-log/main';
import { closeToTrayHintTexts, type UiLanguage } from './close-hint/hint';
import { HintOnceStore } from './close-hint/hint-store';
import { showCloseToTrayHint } from './close-hint/electron-adapter';
import { parseServerUrl, parseUserDataDir } from './config';
import { registerProtocolClient } from './deep-links/electron-adapter';
import { deepLinksFromArgv, deepLinksFromSecondInstance, secondInstanceData } from './deep-links/launch-args';
import { DeepLinkRouter } from './deep-links/router';
import { loadDevice } from './device-store';
import { eventChannel } from './ipc/channels';
import { createIpcHandlers, type IpcEvents } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { exposeTrayStatus } from './inspection';
import { RendererErrorLog } from './logging/renderer-errors';
import { configureLogFile } from './logging/setup';
import { createElectronNotificationPresenter } from './notifications/electron-adapter';
import { isPermissionAllowed } from './security-policy';
import { AppTray } from './tray';
import { startAutoUpdates } from './update/electron-updater-adapter';
import { appEntryUrl } from './entry-url';
import { createMainWindow } from './window';
import { initialWindowPlacement, trackWindowState, windowStateStore } from './window-state/electron-adapter';

log.initialize();
configureLogFile(log);

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
/** Language of the renderer's UI, reported over IPC; pt-BR until the renderer reports it. */
let uiLanguage: UiLanguage = 'pt-BR';
/** Writes a pending window-state save at once; set when the window exists. */
let flushWindowState: () => void = () => undefined;

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
  // Updater and notification events may arrive while the app quits and the window is gone.
  if (mainWindow === undefined || mainWindow.isDestroyed()) {
    return;
  }
  mainWindow.webContents.send(eventChannel(name), payload);
}

const APP_USER_MODEL_ID = 'br.com.lastro.terminal';

// Deep links and notification clicks; links that arrive before the renderer listens are kept.
const deepLinks = new DeepLinkRouter({
  showWindow,
  sendNavigate: (route) => sendEvent('navigate', route),
  sendNotificationOpened: (opened) => sendEvent('notificationOpened', opened),
  log,
});

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
    openNotification: (opened) => deepLinks.openNotification(opened),
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
  const rendererErrors = new RendererErrorLog({ log, appVersion: app.getVersion(), now: Date.now });
  const closeHint = new HintOnceStore(join(app.getPath('userData'), 'close-to-tray-hint.json'), log);
  const windowState = windowStateStore(app.getPath('userData'), log);
  const savedWindowState = windowState.load();
  registerProtocolClient(log);
  registerIpcHandlers(
    createIpcHandlers({
      config: { serverUrl, device, appVersion: app.getVersion(), platform: process.platform },
      setTrayState: (state) => activeTray.setState(state),
      showWindow,
      presentNotification,
      setSecurityAlert: (alert) => activeTray.setSecurityAlert(alert),
      getUpdateState: () => updates.getState(),
      installUpdate: () => updates.install(),
      takePendingRoute: () => deepLinks.takePendingRoute(),
      setUiLanguage: (language) => {
        uiLanguage = language;
        activeTray.setLanguage(language);
      },
      reportRendererError: (report) => {
        rendererErrors.record(report);
      },
    }),
    () => appEntryUrl({ rendererDir, devServerUrl }),
  );

  mainWindow = createMainWindow({
    preloadPath: join(outDir, 'preload/index.cjs'),
    rendererDir,
    devServerUrl,
    iconPath: join(resourcesDir, 'icon.png'),
    isQuitting: () => quitting,
    placement: initialWindowPlacement(savedWindowState, log),
    onHiddenToTray: () => {
      if (closeHint.markShown(new Date())) {
        showCloseToTrayHint(closeToTrayHintTexts(uiLanguage, process.platform), {
          platform: process.platform,
          iconPath: join(resourcesDir, 'icon.png'),
          showBalloon: (texts) => activeTray.showBalloon(texts.title, texts.body),
          log,
        });
      }
    },
  });
  flushWindowState = trackWindowState(mainWindow, windowState, savedWindowState);
  // A new document listens for `navigate` only after it calls takePendingRoute, so the queue resets
  // as soon as a navigation starts. Hash changes stay in the same document and keep it ready.
  mainWindow.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      deepLinks.queue.rendererReset();
    }
  });
  mainWindow.webContents.on('render-process-gone', () => deepLinks.queue.rendererReset());
  // Windows ends the session without before-quit: stop hiding to the tray and save the window.
  mainWindow.on('session-end', () => {
    quitting = true;
    flushWindowState();
  });
}

// Must run before the single-instance lock and before `ready`, which both use the profile path.
const userDataDir = parseUserDataDir(process.env['LASTRO_USER_DATA_DIR']);
if (userDataDir !== undefined) {
  app.setPath('userData', userDataDir);
}

// The running instance receives this launch's deep links with `second-instance`.
if (!app.requestSingleInstanceLock(secondInstanceData(process.argv))) {
  log.info('another Lastro instance is running; focusing it and exiting');
  app.quit();
} else {
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
    const links = deepLinksFromSecondInstance(argv, additionalData);
    log.info('second launch; focusing the window', { deepLinks: links.length });
    showWindow();
    for (const link of links) {
      deepLinks.open(link, 'second-instance');
    }
  });
  // macOS delivers links with `open-url`, also the one that launched the app, before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.open(url, 'open-url');
  });
  // Windows and Linux pass the link that launched the app as an argument.
  for (const link of deepLinksFromArgv(process.argv)) {
    deepLinks.open(link, 'argv');
  }
  app.on('before-quit', () => {
    quitting = true;
    flushWindowState();
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
