import { ALWAYS_CRITICAL_TYPES } from '@lastro/domain';
import { NOTIFICATION_TYPES, type NotificationType, type PreferencesDoc } from '@lastro/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../../lib/errors';
import { routeHash } from '../../lib/routes';
import { useLiveStore } from '../../state/live-store';
import { updatePreferences } from '../../state/operations';
import { LoanAlertSummary } from './LoanAlertSummary';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

interface Draft {
  quietEnabled: boolean;
  startHour: number;
  endHour: number;
  muted: NotificationType[];
}

function draftOf(preferences: PreferencesDoc | null): Draft {
  const start = preferences?.quietHoursStart;
  const end = preferences?.quietHoursEnd;
  const quietEnabled = start !== undefined && end !== undefined && start !== end;
  return {
    quietEnabled,
    startHour: quietEnabled ? start : 22,
    endHour: quietEnabled ? end : 7,
    muted: [...(preferences?.mutedNotificationTypes ?? [])],
  };
}

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Quiet hours and the notification types the user wants, synced across devices. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const preferences = useLiveStore((state) => state.preferences);
  const overruled = useLiveStore((state) => state.overruled.some((change) => change.collection === 'preferences'));
  const [draft, setDraft] = useState<Draft>(() => draftOf(preferences));
  const [edited, setEdited] = useState(false);
  const [message, setMessage] = useState<{ key: string; error: boolean } | null>(null);

  // Another device, or the server overruling this one, may change the values. Show them unless the user is editing.
  useEffect(() => {
    if (!edited) setDraft(draftOf(preferences));
  }, [preferences, edited]);

  function change(patch: Partial<Draft>): void {
    setMessage(null);
    setEdited(true);
    setDraft((current) => ({ ...current, ...patch }));
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (draft.quietEnabled && draft.startHour === draft.endHour) {
      setMessage({ key: 'notifications.preferences.quietSameHour', error: true });
      return;
    }
    try {
      await updatePreferences({
        quietHours: draft.quietEnabled ? { startHour: draft.startHour, endHour: draft.endHour } : null,
        mutedNotificationTypes: draft.muted.filter((type) => !ALWAYS_CRITICAL_TYPES.includes(type)),
      });
      setEdited(false);
      setMessage({ key: 'notifications.preferences.saved', error: false });
    } catch (failure) {
      setMessage({ key: operationErrorKey(failure), error: true });
    }
  }

  return (
    <section className="panel notification-preferences" aria-labelledby="notification-preferences-title" data-testid="notification-preferences">
      <h2 id="notification-preferences-title" className="panel__title">{t('notifications.preferences.title')}</h2>
      {overruled && (
        <p className="overruled-notice" role="status" data-testid="notification-preferences-overruled">
          {t('notifications.preferences.overruled')} <a href={routeHash({ name: 'dashboard' })}>{t('notifications.preferences.showOverruled')}</a>
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="notification-preferences__quiet">
          <legend>{t('notifications.preferences.quietHours')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="quiet-hours-enabled"
              checked={draft.quietEnabled}
              onChange={(event) => change({ quietEnabled: event.target.checked })}
            />
            {t('notifications.preferences.quietEnabled')}
          </label>
          <label className="inline-field">
            <span>{t('notifications.preferences.quietFrom')}</span>
            <select
              data-testid="quiet-hours-start"
              disabled={!draft.quietEnabled}
              value={draft.startHour}
              onChange={(event) => change({ startHour: Number(event.target.value) })}
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>{hourLabel(hour)}</option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('notifications.preferences.quietTo')}</span>
            <select
              data-testid="quiet-hours-end"
              disabled={!draft.quietEnabled}
              value={draft.endHour}
              onChange={(event) => change({ endHour: Number(event.target.value) })}
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>{hourLabel(hour)}</option>
              ))}
            </select>
          </label>
          <small className="muted">{t('notifications.preferences.quietHint')}</small>
        </fieldset>
        <fieldset className="notification-preferences__types">
          <legend>{t('notifications.preferences.types')}</legend>
          {NOTIFICATION_TYPES.map((type) => {
            const critical = ALWAYS_CRITICAL_TYPES.includes(type);
            return (
              <label key={type} className="checkbox" data-testid="notification-type-toggle" data-type={type}>
                <input
                  type="checkbox"
                  checked={critical || !draft.muted.includes(type)}
                  disabled={critical}
                  onChange={(event) =>
                    change({ muted: event.target.checked ? draft.muted.filter((muted) => muted !== type) : [...draft.muted, type] })
                  }
                />
                {t(`notifications.types.${type}`)}
                {critical && <small className="muted"> — {t('notifications.preferences.alwaysSent')}</small>}
              </label>
            );
          })}
        </fieldset>
        <button type="submit" className="button" data-testid="notification-preferences-save">{t('notifications.preferences.save')}</button>
      </form>
      {message !== null && (
        <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="notification-preferences-message">
          {t(message.key)}
        </p>
      )}
      <LoanAlertSummary />
    </section>
  );
}
