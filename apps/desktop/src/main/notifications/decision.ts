import type { PresentNotificationResult } from './types';

/** State of the app when a notification is due. */
export interface PresentationState {
  /** The id is in the presented-id store, so some window already presented it. */
  alreadyPresented: boolean;
  windowVisible: boolean;
  windowFocused: boolean;
}

/** Decides where a due notification goes: nowhere again, a toast in the focused window, or the OS. */
export function decideChannel(state: PresentationState): 'skipped' | 'in_app' | 'os' {
  if (state.alreadyPresented) {
    return 'skipped';
  }
  if (state.windowVisible && state.windowFocused) {
    return 'in_app';
  }
  return 'os';
}

/** Outcome of one attempt to show an OS notification. */
export type AttemptOutcome = { ok: true } | { ok: false; error: string };

/**
 * Combines the node-notifier attempt and, when it failed, the Electron `Notification` attempt
 * into the result returned to the renderer. A notification is never lost: when both fail, the
 * renderer shows it as a toast.
 */
export function resultAfterOsAttempts(
  nodeNotifier: AttemptOutcome,
  electronFallback: AttemptOutcome | undefined,
): PresentNotificationResult {
  if (nodeNotifier.ok) {
    return { channel: 'os' };
  }
  if (electronFallback === undefined) {
    throw new Error('resultAfterOsAttempts: node-notifier failed, so the Electron fallback outcome is required');
  }
  if (electronFallback.ok) {
    return { channel: 'os' };
  }
  return {
    channel: 'in_app',
    reason: `OS notification failed: node-notifier: ${nodeNotifier.error}; Electron Notification: ${electronFallback.error}`,
  };
}
