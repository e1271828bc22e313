import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionLabel } from '../lib/connection';
import { useLiveStore } from '../state/live-store';

/** Connection state badge; while reconnecting it counts down to the next attempt every second. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const connection = useLiveStore((state) => state.connection);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (connection.status !== 'reconnecting') {
      return undefined;
    }
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [connection]);

  const label = connectionLabel(connection, now);
  const title = 'lastError' in connection ? connection.lastError : 'message' in connection ? connection.message : undefined;
  return (
    <span
      className={`connection connection--${connection.status}`}
      data-testid="connection-status"
      data-status={connection.status}
      role="status"
      aria-label={`${t('connection.label')}: ${t(label.key, label.values)}`}
      title={title}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(label.key, label.values)}
    </span>
  );
}
