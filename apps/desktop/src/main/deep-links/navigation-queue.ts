/**
 * Holds the route to open until the renderer listens for `navigate` events. A deep link can
 * arrive before the window exists (the first launch, macOS `open-url` before `ready`) or while
 * the page is still loading, and an event sent then would be lost. The renderer calls
 * `takePendingRoute` once it has subscribed, which marks it ready; a page load marks it not
 * ready again. Only the latest route is kept, because only one screen can be shown.
 */
export class NavigationQueue {
  private pending: string | null = null;
  private rendererReady = false;

  /**
   * Requests `route`. Returns the route to send as a `navigate` event now, or null when the
   * renderer is not listening yet and the route was kept for {@link take}.
   */
  request(route: string): string | null {
    if (this.rendererReady) {
      this.pending = null;
      return route;
    }
    this.pending = route;
    return null;
  }

  /** Marks the renderer as listening and returns the kept route, once. */
  take(): string | null {
    this.rendererReady = true;
    const route = this.pending;
    this.pending = null;
    return route;
  }

  /** Marks the renderer as not listening, for example when the page reloads or its process is gone. */
  rendererReset(): void {
    this.rendererReady = false;
  }

  get pendingRoute(): string | null {
    return this.pending;
  }
}
