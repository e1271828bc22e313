import { dialog, Notification } from 'electron';
import type { Logger } from '../notifications/logger';
import type { HintTexts } from './hint';

/**
 * Shows the close-to-tray hint. Windows gets a balloon from the tray icon, because the
 * notification area is where the user must look. Other systems get an OS notification, or a
 * message box when they have no notification service.
 */
export function showCloseToTrayHint(
  texts: HintTexts,
  options: { platform: string; iconPath: string; showBalloon(texts: HintTexts): void; log: Logger },
): void {
  try {
    if (options.platform === 'win32') {
      options.showBalloon(texts);
      return;
    }
    if (Notification.isSupported()) {
      new Notification({ title: texts.title, body: texts.body, icon: options.iconPath, silent: true }).show();
      return;
    }
    void dialog
      .showMessageBox({ type: 'info', title: texts.title, message: texts.title, detail: texts.body, buttons: ['OK'] })
      .catch((error: unknown) => options.log.error('failed to show the close-to-tray hint', { error: String(error) }));
  } catch (error) {
    options.log.error('failed to show the close-to-tray hint', { error: String(error) });
  }
}
