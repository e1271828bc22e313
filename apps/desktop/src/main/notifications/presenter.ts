import { decideChannel, resultAfterOsAttempts, type AttemptOutcome } from './decision';
import type { Logger } from './logger';
import type { OsNotificationOutcome } from './os-channel';
import type { PresentedStore } from './presented-store';
import type { NotificationOpened, PresentNotificationRequest, PresentNotificationResult } from './types';

/** Capabilities the presenter uses, implemented by the Electron side. */
export interface NotificationPresenterContext {
  store: PresentedStore;
  /** State of the main window; a destroyed or missing window counts as hidden. */
  windowState(): { visible: boolean; focused: boolean };
  /** Shows the notification through node-notifier (see `showOsNotification`). */
  showOsNotification(request: PresentNotificationRequest): Promise<OsNotificationOutcome>;
  /** Shows the notification through Electron's `Notification`; `onClick` runs when the user clicks it. */
  showFallbackNotification(request: PresentNotificationRequest, onClick: () => void): AttemptOutcome;
  /** Shows and focuses the window, then sends the `notificationOpened` event. */
  openNotification(opened: NotificationOpened): void;
  log: Logger;
}

/**
 * Builds the `presentNotification` implementation. Each id is presented at most once: it is
 * recorded in the store before the first `await`, so a concurrent call for the same id from any
 * window is skipped.
 */
export function createNotificationPresenter(
  context: NotificationPresenterContext,
): (request: PresentNotificationRequest) => Promise<PresentNotificationResult> {
  return async (request) => {
    const window = context.windowState();
    const channel = decideChannel({
      alreadyPresented: context.store.has(request.id),
      windowVisible: window.visible,
      windowFocused: window.focused,
    });
    if (channel === 'skipped') {
      return { channel: 'skipped' };
    }
    context.store.add(request.id);
    if (channel === 'in_app') {
      return { channel: 'in_app' };
    }

    const open = (): void => context.openNotification({ id: request.id, route: request.route });
    const outcome = await context.showOsNotification(request);
    if (outcome.kind === 'clicked') {
      open();
      return { channel: 'os' };
    }
    if (outcome.kind === 'ok') {
      if (outcome.warning !== undefined) {
        context.log.warn('node-notifier helper wrote to stderr', { id: request.id, stderr: outcome.warning });
      }
      return { channel: 'os' };
    }

    context.log.warn('node-notifier failed, falling back to Electron Notification', {
      id: request.id,
      error: outcome.error,
    });
    let fallback: AttemptOutcome;
    try {
      fallback = context.showFallbackNotification(request, open);
    } catch (error) {
      fallback = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const result = resultAfterOsAttempts({ ok: false, error: outcome.error }, fallback);
    if (result.channel !== 'os') {
      context.log.error('OS notification failed, the window shows it instead', { id: request.id, reason: result.reason });
    }
    return result;
  };
}
