import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pendingSecurityAlert } from '../../lib/notifications';
import { routeHash } from '../../lib/routes';
import { desktopNotifications } from '../../platform/notifications';
import { useLiveStore } from '../../state/live-store';
import { confirmSession, ownSessionId, revokeSession } from '../../state/notifications';
import { useSessionStore } from '../../state/session';
import { useSessions } from './use-sessions';
import './security.css';

function showSecurityScreen(): void {
  window.location.hash = routeHash({ name: 'security' });
}

/**
 * Banner on every screen while an unread `suspicious_login` alert concerns another session
 * that is still active. On the desktop it also drives the tray's alert icon and menu.
 */
export function SecurityAlertBanner() {
  const { t } = useTranslation();
  const notifications = useLiveStore((state) => state.notifications);
  const bridge = useSessionStore((state) => state.platform?.bridge);
  const desktop = useMemo(() => desktopNotifications(bridge), [bridge]);
  const { sessions } = useSessions();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const activeIds = useMemo(() => (sessions === null ? null : new Set(sessions.map((session) => session.id))), [sessions]);
  const alert = pendingSecurityAlert(notifications, ownSessionId(), activeIds);
  const sessionId = alert?.sessionId ?? null;
  const deviceName = sessions?.find((session) => session.id === sessionId)?.deviceName ?? '';

  async function revoke(target: string): Promise<void> {
    setBusy(true);
    setFailed(false);
    try {
      await revokeSession(target);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (desktop === null) return;
    void desktop.setSecurityAlert(sessionId === null ? null : { sessionId, deviceName }).catch((error: unknown) => {
      console.warn(`setSecurityAlert for session ${sessionId ?? 'none'} failed`, error);
    });
  }, [desktop, sessionId, deviceName]);

  useEffect(() => {
    return desktop?.onSecurityAction((event) => {
      if (event.action === 'view') showSecurityScreen();
      else void revoke(event.sessionId);
    });
  }, [desktop]);

  if (alert === null || sessionId === null) return null;
  return (
    <div className="security-alert" role="alert" data-testid="security-alert" data-session-id={sessionId}>
      <strong>{t('notifications.securityAlert.title', { device: deviceName === '' ? t('notifications.security.unnamedDevice') : deviceName })}</strong>
      <span className="security-alert__actions">
        <button type="button" className="button button--small" data-testid="security-alert-view" onClick={showSecurityScreen}>
          {t('notifications.securityAlert.view')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="security-alert-revoke"
          disabled={busy}
          onClick={() => void revoke(sessionId)}
        >
          {t('notifications.securityAlert.revoke')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          data-testid="security-alert-ack"
          onClick={() => void confirmSession(sessionId).catch((error: unknown) => console.warn(`confirming session ${sessionId} failed`, error))}
        >
          {t('notifications.securityAlert.itWasMe')}
        </button>
      </span>
      {failed && <span className="form-error">{t('notifications.security.errors.revoke')}</span>}
    </div>
  );
}
