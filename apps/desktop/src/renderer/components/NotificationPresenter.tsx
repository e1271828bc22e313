import { decidePresentation, type PresentationChannel } from '@lastro/domain';
import { chatRoomIdOf, type NotificationDoc, type UserSummary } from '@lastro/protocol';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeRoomLoan, roomIdOnScreen } from '../lib/chat-rooms';
import { previewText } from '../lib/notify';
import { loadPresentedIds, notificationHash, notificationTexts, rememberPresentedId } from '../lib/notifications';
import { parseRoute } from '../lib/routes';
import { desktopNotifications, type DesktopNotifications } from '../platform/notifications';
import { showToast } from '../screens/chat/chat-state';
import { useLiveStore } from '../state/live-store';
import { clearNotificationToasts, openNotification, ownSessionId, showNotificationToast, trackNotifications } from '../state/notifications';
import { useSessionStore } from '../state/session';
import { NotificationToasts } from './NotificationToasts';

/** Maximum delay of `setTimeout` (2^31 - 1 ms, about 24.8 days), so a later wait is decided again when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

function webPermission(): 'granted' | 'denied' | 'default' {
  return typeof Notification === 'undefined' ? 'denied' : Notification.permission;
}

/** Shows the in-app toast of a notification: the chat toast, with its loan label, for chat messages. */
function showInAppToast(notification: NotificationDoc, title: string, body: string, hash: string): void {
  if (notification.type === 'chat_message' && notification.loanId !== undefined && notification.investorId !== undefined) {
    const loan = useLiveStore.getState().loans.find((candidate) => candidate.id === notification.loanId);
    showToast({
      messageId: notification.id,
      roomId: chatRoomIdOf(notification.loanId, notification.investorId),
      seq: notification.seq,
      title,
      loan: describeRoomLoan(notification.loanId, loan),
      body: previewText(body),
      hash,
    });
    return;
  }
  showNotificationToast({ id: notification.id, type: notification.type, title, body, hash, critical: notification.priority === 'critical' });
}

/** Shows a Web Notification; returns false when the browser refused it. */
function showWebNotification(notification: NotificationDoc, title: string, body: string, hash: string): boolean {
  try {
    const shown = new Notification(title, { body, tag: notification.id });
    shown.onclick = () => {
      window.focus();
      shown.close();
      openNotification(notification.id, hash);
    };
    return true;
  } catch (error) {
    console.warn(`Web Notification for ${notification.id} failed; showing the toast instead`, error);
    return false;
  }
}

interface PresenterState {
  userId: string;
  /** Ids presented on this browser or device, mirrored in `localStorage`. */
  presented: Set<string>;
  /** Ids whose delivery was already reported in this run. */
  delivered: Set<string>;
  timers: Map<string, number>;
}

/**
 * Presents every notification exactly once on the right channel, following
 * {@link decidePresentation}, and records delivery, presentation and opening on the server.
 * Mount it once while a user is signed in; unmounting clears its timers.
 */
function useNotificationPresenter(user: UserSummary, desktop: DesktopNotifications | null, platform: 'desktop' | 'web'): void {
  const { i18n } = useTranslation();
  const notifications = useLiveStore((state) => state.notifications);
  const preferences = useLiveStore((state) => state.preferences);
  const stateRef = useRef<PresenterState | null>(null);
  const evaluateRef = useRef<() => void>(() => undefined);

  if (stateRef.current?.userId !== user.id) {
    stateRef.current = { userId: user.id, presented: loadPresentedIds(window.localStorage, user.id), delivered: new Set(), timers: new Map() };
  }

  function remember(state: PresenterState, id: string): void {
    state.presented.add(id);
    rememberPresentedId(window.localStorage, state.userId, id);
  }

  function present(state: PresenterState, notification: NotificationDoc, channel: PresentationChannel): void {
    const { title, body } = notificationTexts(notification, i18n.language);
    const hash = notificationHash(notification, user);
    remember(state, notification.id);
    if (channel === 'in_app') {
      showInAppToast(notification, title, body, hash);
      void trackNotifications([notification.id], { shown: 'in_app' });
      return;
    }
    if (desktop !== null) {
      const request = { id: notification.id, title, body, route: hash, critical: notification.priority === 'critical' };
      void desktop.presentNotification(request).then(
        (result) => {
          if (result.channel === 'skipped') return;
          if (result.channel === 'in_app') showInAppToast(notification, title, body, hash);
          void trackNotifications([notification.id], { shown: result.channel });
        },
        (error: unknown) => {
          console.warn(`presentNotification of ${notification.id} failed; showing the toast instead`, error);
          showInAppToast(notification, title, body, hash);
          void trackNotifications([notification.id], { shown: 'in_app' });
        },
      );
      return;
    }
    const shownByBrowser = showWebNotification(notification, title, body, hash);
    if (!shownByBrowser) showInAppToast(notification, title, body, hash);
    void trackNotifications([notification.id], { shown: shownByBrowser ? 'os' : 'in_app' });
  }

  evaluateRef.current = () => {
    const state = stateRef.current;
    if (state === null) return;
    const { notifications: current, preferences: prefs } = useLiveStore.getState();

    const undelivered = current.filter((notification) => notification.deliveredAt === undefined && !state.delivered.has(notification.id));
    for (const notification of undelivered) state.delivered.add(notification.id);
    void trackNotifications(
      undelivered.map((notification) => notification.id),
      { delivered: true },
    );

    // Another tab of the same browser may have presented some since the last evaluation.
    for (const id of loadPresentedIds(window.localStorage, state.userId)) state.presented.add(id);

    const sessionId = ownSessionId();
    if (!useLiveStore.getState().sync.initialSyncDone) return;
    // A new session starts from what is already due: those notifications are history on this
    // device, listed unread in the centre but not announced again. Reloads keep the session.
    if (sessionId !== null && !hasBaseline(window.localStorage, sessionId)) {
      const dueMs = Date.now();
      for (const notification of current) {
        if (Date.parse(notification.deliverAt) <= dueMs && !state.presented.has(notification.id)) remember(state, notification.id);
      }
      markBaseline(window.localStorage, sessionId);
    }
    const quietHours =
      prefs?.quietHoursStart === undefined || prefs.quietHoursEnd === undefined ? null : { startHour: prefs.quietHoursStart, endHour: prefs.quietHoursEnd };
    const documentVisible = document.visibilityState === 'visible';
    const roomOnScreen = documentVisible ? roomIdOnScreen(parseRoute(window.location.hash), user) : null;
    const nowMs = Date.now();

    for (const notification of current) {
      const timer = state.timers.get(notification.id);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        state.timers.delete(notification.id);
      }
      // A chat message of the conversation on screen is seen there; the conversation marks it read.
      if (
        notification.type === 'chat_message' &&
        notification.loanId !== undefined &&
        notification.investorId !== undefined &&
        chatRoomIdOf(notification.loanId, notification.investorId) === roomOnScreen
      ) {
        continue;
      }
      const decision = decidePresentation({
        notification,
        nowMs,
        language: i18n.language,
        ownSessionId: sessionId,
        locallyPresentedIds: state.presented,
        appFocused: document.hasFocus(),
        documentVisible,
        platform,
        webPermission: webPermission(),
        quietHours,
        mutedTypes: prefs?.mutedNotificationTypes ?? [],
      });
      if (decision.action === 'present') {
        present(state, notification, decision.channel);
      } else if (decision.action === 'wait' && decision.untilMs !== 'visible') {
        const delay = Math.min(Math.max(decision.untilMs - nowMs, 0), MAX_TIMER_MS);
        state.timers.set(
          notification.id,
          window.setTimeout(() => evaluateRef.current(), delay),
        );
      }
      // A wait for visibility is resumed by the visibilitychange listener.
    }
  };

  useEffect(() => {
    evaluateRef.current();
  }, [notifications, preferences, i18n.language]);

  useEffect(() => {
    const evaluate = (): void => evaluateRef.current();
    document.addEventListener('visibilitychange', evaluate);
    window.addEventListener('focus', evaluate);
    window.addEventListener('hashchange', evaluate);
    return () => {
      document.removeEventListener('visibilitychange', evaluate);
      window.removeEventListener('focus', evaluate);
      window.removeEventListener('hashchange', evaluate);
    };
  }, []);

  useEffect(() => {
    return desktop?.onNotificationOpened((event) => openNotification(event.id, event.route));
  }, [desktop]);

  useEffect(() => {
    return () => {
      const state = stateRef.current;
      if (state !== null) {
        for (const timer of state.timers.values()) window.clearTimeout(timer);
        state.timers.clear();
      }
      clearNotificationToasts();
    };
  }, []);
}

/** Presents the signed-in user's notifications and shows their toasts; mount it once while signed in. */
const BASELINE_KEY = 'lastro.notifications.baseline';

/** Reports whether this browser already recorded the notifications that were due when the session started. */
function hasBaseline(storage: Storage, sessionId: string): boolean {
  try {
    return storage.getItem(`${BASELINE_KEY}.${sessionId}`) !== null;
  } catch {
    return false;
  }
}

function markBaseline(storage: Storage, sessionId: string): void {
  try {
    storage.setItem(`${BASELINE_KEY}.${sessionId}`, '1');
  } catch {
    // Without storage the next reload records the baseline again, which announces nothing new.
  }
}

export function NotificationPresenter({ user }: { user: UserSummary }) {
  const bridge = useSessionStore((state) => state.platform?.bridge);
  const desktop = useMemo(() => desktopNotifications(bridge), [bridge]);
  // A desktop whose main process lacks the notification bridge presents like the web terminal.
  useNotificationPresenter(user, desktop, desktop === null ? 'web' : 'desktop');
  return <NotificationToasts />;
}
