import type { Logger } from '../notifications/logger';
import type { NotificationOpened } from '../notifications/types';
import { NavigationQueue } from './navigation-queue';
import { deepLinkForRoute, deepLinkRoute, describeLinkForLog, parseDeepLink } from './parse';

/** Source of a deep link, for the log. */
export type DeepLinkSource = 'argv' | 'second-instance' | 'open-url' | 'notification';

/** Main-process capabilities the router uses, implemented by the Electron side. */
export interface DeepLinkRouterContext {
  /** Shows, restores and focuses the main window; does nothing before the window exists. */
  showWindow(): void;
  sendNavigate(route: string): void;
  sendNotificationOpened(opened: NotificationOpened): void;
  log: Logger;
}

/**
 * Routes deep links and notification clicks to the renderer. Every link is parsed by
 * {@link parseDeepLink}; a rejected link is logged with its reason and never navigates.
 */
export class DeepLinkRouter {
  readonly queue = new NavigationQueue();

  constructor(private readonly context: DeepLinkRouterContext) {}

  /** Opens the screen of `raw`. Returns the hash route opened, or null when the link was rejected. */
  open(raw: string, source: DeepLinkSource): string | null {
    const route = this.resolve(raw, source);
    if (route === null) {
      return null;
    }
    this.context.log.info('opening deep link', { source, route });
    this.context.showWindow();
    const now = this.queue.request(route);
    if (now !== null) {
      this.context.sendNavigate(now);
    }
    return route;
  }

  /**
   * Opens a clicked notification. A loan or Security route goes through its deep link
   * (`lastro://loan/ID`, `lastro://security`). Routes that no deep link addresses, such as a
   * chat conversation or the notifications centre, are passed on unchanged. The renderer
   * receives `notificationOpened`, so it still records the opening and dismisses the toast.
   */
  openNotification(opened: NotificationOpened): void {
    const link = deepLinkForRoute(opened.route);
    let route = opened.route;
    if (link !== null) {
      const resolved = this.resolve(link, 'notification');
      if (resolved === null) {
        return;
      }
      route = resolved;
    }
    this.context.showWindow();
    this.context.sendNotificationOpened({ id: opened.id, route });
  }

  /** Called by the renderer once it listens for `navigate`; returns the route kept until then. */
  takePendingRoute(): string | null {
    return this.queue.take();
  }

  private resolve(raw: string, source: DeepLinkSource): string | null {
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) {
      this.context.log.warn('ignored invalid deep link', { source, link: describeLinkForLog(raw), reason: parsed.reason });
      return null;
    }
    return deepLinkRoute(parsed.target);
  }
}
