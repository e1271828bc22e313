import type { SupportNotificationStatsResponse } from '@lastro/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOpenRate, formatSecondsToOpen } from '../../lib/notification-stats';
import { supportErrorKey } from '../../lib/support';
import { supportApi } from './support-client';

/** Notification statistics for support: delivery, open rate and median time to open per type and channel. */
export function NotificationStats() {
  const { t, i18n } = useTranslation();
  const [stats, setStats] = useState<SupportNotificationStatsResponse | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(): Promise<void> {
    setBusy(true);
    setErrorKey(null);
    try {
      setStats(await supportApi().notificationStats());
    } catch (failure) {
      setErrorKey(supportErrorKey(failure));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <section className="panel support__notification-stats" aria-labelledby="notification-stats-title" data-testid="notification-stats">
      <div className="panel__toolbar">
        <h2 id="notification-stats-title" className="panel__title">{t('notifications.stats.title')}</h2>
        <button type="button" className="button button--small" data-testid="notification-stats-reload" disabled={busy} onClick={() => void load()}>
          {t('notifications.stats.reload')}
        </button>
      </div>
      {errorKey !== null && <p className="form-error" role="alert">{t(errorKey)}</p>}
      {stats !== null &&
        (stats.rows.length === 0 ? (
          <p className="muted" data-testid="notification-stats-empty">{t('notifications.stats.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.stats.columns.type')}</th>
                <th scope="col">{t('notifications.stats.columns.channel')}</th>
                <th scope="col" className="num">{t('notifications.stats.columns.delivered')}</th>
                <th scope="col" className="num">{t('notifications.stats.columns.openRate')}</th>
                <th scope="col" className="num">{t('notifications.stats.columns.medianToOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.rows.map((row) => (
                <tr key={`${row.type}:${row.channel}`} data-testid="notification-stats-row" data-type={row.type} data-channel={row.channel}>
                  <td>{t(`notifications.types.${row.type}`)}</td>
                  <td>{t(`notifications.stats.channels.${row.channel}`)}</td>
                  <td className="num">{row.delivered}</td>
                  <td className="num">{formatOpenRate(row.openRate, i18n.language)}</td>
                  <td className="num">{formatSecondsToOpen(row.medianSecondsToOpen, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
