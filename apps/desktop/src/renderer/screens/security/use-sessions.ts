import type { SessionSummary } from '@lastro/protocol';
import { useCallback, useEffect, useState } from 'react';
import { errorKind } from '../../lib/errors';
import { useLiveStore } from '../../state/live-store';
import { listSessions } from '../../state/notifications';

export interface SessionsState {
  /** Null until the first list arrives. */
  sessions: SessionSummary[] | null;
  /** Translation key of the last failure to list them. */
  errorKey: string | null;
  reload: () => void;
}

/**
 * Lists the user's active sessions, and lists them again when a `suspicious_login`
 * notification arrives or changes, so a new login shows up without a manual refresh.
 */
export function useSessions(): SessionsState {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const loginAlerts = useLiveStore((state) =>
    state.notifications
      .filter((notification) => notification.type === 'suspicious_login')
      .map((notification) => `${notification.id}:${notification.readAt ?? ''}`)
      .join(','),
  );
  const online = useLiveStore((state) => state.connection.status === 'online');

  useEffect(() => {
    if (!online) return undefined;
    let cancelled = false;
    listSessions().then(
      (list) => {
        if (cancelled) return;
        setSessions(list);
        setErrorKey(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        setErrorKey(errorKind(error) === 'network' ? 'notifications.security.errors.network' : 'notifications.security.errors.list');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [loginAlerts, online, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { sessions, errorKey, reload };
}
