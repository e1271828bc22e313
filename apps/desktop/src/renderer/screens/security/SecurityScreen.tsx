import { formatDateTimeSaoPaulo } from '@lastro/domain';
import type { SessionSummary } from '@lastro/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmSession, revokeOtherSessions, revokeSession } from '../../state/notifications';
import { APP_VERSION } from '../../version';
import { useSessions } from './use-sessions';
import './security.css';

/**
 * Runs one change to the sessions: `setBusy` is true while it runs, the list reloads after it
 * succeeds, and `setFailed` says whether it failed.
 */
async function changeSessions(
  change: () => Promise<unknown>,
  setBusy: (busy: boolean) => void,
  setFailed: (failed: boolean) => void,
  onChanged: () => void,
): Promise<void> {
  setBusy(true);
  setFailed(false);
  try {
    await change();
    onChanged();
  } catch {
    setFailed(true);
  } finally {
    setBusy(false);
  }
}

function SessionRow({ session, onChanged }: { session: SessionSummary; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [confirmFailed, setConfirmFailed] = useState(false);

  async function confirmOwn(): Promise<void> {
    await changeSessions(() => confirmSession(session.id), setBusy, setConfirmFailed, onChanged);
  }

  async function revoke(): Promise<void> {
    await changeSessions(() => revokeSession(session.id), setBusy, setFailed, onChanged);
    setConfirming(false);
  }

  return (
    <tr data-testid="session-row" data-session-id={session.id} data-current={session.current} data-suspicious={session.suspicious}>
      <td>
        {session.deviceName === '' ? t('notifications.security.unnamedDevice') : session.deviceName}
        {session.current && <span className="badge badge--current" data-testid="session-current">{t('notifications.security.thisDevice')}</span>}
        {session.suspicious && <span className="badge badge--suspicious" data-testid="session-suspicious">{t('notifications.security.suspicious')}</span>}
      </td>
      <td>{t(`notifications.security.platforms.${session.platform}`)}</td>
      <td className="mono">{session.network ?? '—'}</td>
      <td>{formatDateTimeSaoPaulo(session.lastSeenAt, i18n.language)}</td>
      <td>
        {!session.current &&
          (confirming ? (
            <span className="session-confirm">
              <span>{t('notifications.security.confirmRevoke')}</span>{' '}
              <button type="button" className="button button--small button--danger" data-testid="session-revoke-confirm" disabled={busy} onClick={() => void revoke()}>
                {t('notifications.security.revoke')}
              </button>{' '}
              <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
                {t('notifications.security.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="button button--small" data-testid="session-revoke" onClick={() => setConfirming(true)}>
              {t('notifications.security.revoke')}
            </button>
          ))}
        {session.suspicious && !confirming && (
          <>
            {' '}
            <button type="button" className="button button--small button--ghost" data-testid="session-confirm-own" disabled={busy} onClick={() => void confirmOwn()}>
              {t('notifications.securityAlert.itWasMe')}
            </button>
          </>
        )}
        {failed && <span className="form-error" role="alert">{t('notifications.security.errors.revoke')}</span>}
        {confirmFailed && <span className="form-error" role="alert" data-testid="session-confirm-failed">{t('notifications.security.errors.confirm')}</span>}
      </td>
    </tr>
  );
}

/** Shows "Encerrar as outras sessões", behind a confirmation, when the user has sessions besides this one. */
function RevokeOthers({ count, onChanged }: { count: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function revokeAll(): Promise<void> {
    await changeSessions(revokeOtherSessions, setBusy, setFailed, onChanged);
    setConfirming(false);
  }

  if (count === 0) return null;
  return (
    <div className="sessions-others">
      {confirming ? (
        <span className="session-confirm">
          <span>{t('notifications.security.confirmRevokeOthers', { count })}</span>{' '}
          <button type="button" className="button button--small button--danger" data-testid="sessions-revoke-others-confirm" disabled={busy} onClick={() => void revokeAll()}>
            {t('notifications.security.revokeOthers')}
          </button>{' '}
          <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
            {t('notifications.security.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="button button--small" data-testid="sessions-revoke-others" onClick={() => setConfirming(true)}>
          {t('notifications.security.revokeOthers')}
        </button>
      )}
      {failed && <span className="form-error" role="alert">{t('notifications.security.errors.revoke')}</span>}
    </div>
  );
}

/** Shows the Security screen: every active session of the user, with "Encerrar sessão" for the others. */
export function SecurityScreen() {
  const { t } = useTranslation();
  const { sessions, errorKey, reload } = useSessions();
  return (
    <main className="security-screen">
      <section className="panel" aria-labelledby="security-title" data-testid="security-screen">
        <div className="panel__toolbar">
          <h1 id="security-title" className="panel__title">{t('notifications.security.title')}</h1>
          <button type="button" className="button button--small button--ghost" data-testid="sessions-reload" onClick={reload}>
            {t('notifications.security.reload')}
          </button>
        </div>
        <p className="muted">{t('notifications.security.help')}</p>
        {sessions !== null && <RevokeOthers count={sessions.filter((session) => !session.current).length} onChanged={reload} />}
        {errorKey !== null && <p className="form-error" role="alert">{t(errorKey)}</p>}
        {sessions === null ? (
          errorKey === null && <p className="muted">{t('notifications.security.loading')}</p>
        ) : (
          <table className="table sessions-table" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.security.columns.device')}</th>
                <th scope="col">{t('notifications.security.columns.platform')}</th>
                <th scope="col">{t('notifications.security.columns.network')}</th>
                <th scope="col">{t('notifications.security.columns.lastSeen')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <SessionRow key={session.id} session={session} onChanged={reload} />
              ))}
            </tbody>
          </table>
        )}
        <p className="muted security-screen__version" data-testid="app-version">{t('notifications.security.version', { version: APP_VERSION })}</p>
      </section>
    </main>
  );
}
