import type { Page } from '@playwright/test';

/**
 * Counts every toast element added to the page, per notification id, from the first script of
 * each document load. The counts live in `window.__toastsAdded` and restart with each load.
 */
export async function countToastsAdded(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    Reflect.set(window, '__toastsAdded', counts);
    const countNode = (node: Node): void => {
      if (!(node instanceof HTMLElement)) return;
      const toasts = [node, ...node.querySelectorAll<HTMLElement>('[data-notification-id]')].filter(
        (element) => element.dataset.testid === 'notification-toast' || element.dataset.testid === 'chat-toast',
      );
      for (const toast of toasts) {
        const id = toast.dataset.notificationId ?? '';
        counts[id] = (counts[id] ?? 0) + 1;
      }
    };
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(countNode);
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Returns how many toasts for notification `id` were added since the page last loaded. */
export async function toastsAdded(page: Page, id: string): Promise<number> {
  return page.evaluate((notificationId) => {
    const counts = Reflect.get(window, '__toastsAdded') as Record<string, number> | undefined;
    return counts?.[notificationId] ?? 0;
  }, id);
}
