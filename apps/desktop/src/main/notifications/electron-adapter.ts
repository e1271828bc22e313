import { join } from 'node:path';
import { type BrowserWindow, Notification } from 'electron';
import type { AttemptOutcome } from './decision';
import type { Logger } from './logger';
import {
  createPlatformNotify,
  nodeNotifierVendorDir,
  notifierHelperPath,
  osNotificationOptions,
  showOsNotification,
} from './os-channel';
import { PresentedStore } from './presented-store';
import { createNotificationPresenter } from './presenter';
import type { NotificationOpened, PresentNotificationRequest, PresentNotificationResult } from './types';

export interface ElectronNotificationOptions {
  userDataDir: string;
  iconPath: string;
  isPackaged: boolean;
  appUserModelId: string;
  mainWindow(): BrowserWindow | undefined;
  /** Shows and focuses the window, then sends the `notificationOpened` event. */
  openNotification(opened: NotificationOpened): void;
  log: Logger;
}

/** Electron notifications shown and not yet clicked or closed; a collected one loses its click handler. */
const liveFallbackNotifications = new Set<Notification>();

function showElectronNotification(
  request: PresentNotificationRequest,
  iconPath: string,
  onClick: () => void,
  log: Logger,
): AttemptOutcome {
  if (!Notification.isSupported()) {
    return { ok: false, error: 'Electron Notification is not supported on this system' };
  }
  const notification = new Notification({
    title: request.title,
    body: request.body,
    icon: iconPath,
    urgency: request.critical ? 'critical' : 'normal',
  });
  liveFallbackNotifications.add(notification);
  notification.on('click', () => {
    liveFallbackNotifications.delete(notification);
    onClick();
  });
  notification.on('close', () => liveFallbackNotifications.delete(notification));
  // Emitted on Windows only, after show() returned.
  notification.on('failed', (_event, error) => {
    liveFallbackNotifications.delete(notification);
    log.error('Electron Notification failed', { id: request.id, error });
  });
  notification.show();
  return { ok: true };
}

/** Wires the notification presenter to node-notifier, Electron's `Notification` and the main window. */
export function createElectronNotificationPresenter(
  options: ElectronNotificationOptions,
): (request: PresentNotificationRequest) => Promise<PresentNotificationResult> {
  const customPath = notifierHelperPath(process.platform, process.arch, nodeNotifierVendorDir(options.isPackaged));
  const notify = createPlatformNotify(process.platform, customPath);
  const target = {
    platform: process.platform,
    iconPath: options.iconPath,
    appName: 'Lastro',
    appUserModelId: options.appUserModelId,
  };

  return createNotificationPresenter({
    store: new PresentedStore({ filePath: join(options.userDataDir, 'presented-notifications.json'), log: options.log }),
    windowState: () => {
      const window = options.mainWindow();
      if (window === undefined || window.isDestroyed()) {
        return { visible: false, focused: false };
      }
      return { visible: window.isVisible() && !window.isMinimized(), focused: window.isFocused() };
    },
    showOsNotification: (request) => showOsNotification(notify, osNotificationOptions(request, target)),
    showFallbackNotification: (request, onClick) => showElectronNotification(request, options.iconPath, onClick, options.log),
    openNotification: options.openNotification,
    log: options.log,
  });
}
