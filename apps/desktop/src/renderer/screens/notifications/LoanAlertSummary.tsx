import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../../lib/errors';
import { formatMonthlyRate } from '../../lib/loans';
import { useLiveStore } from '../../state/live-store';
import { updatePreferences } from '../../state/operations';

/** Shows the saved loan book alert in words, with the action that removes it, or nothing when none is saved. */
export function LoanAlertSummary() {
  const { t, i18n } = useTranslation();
  const alert = useLiveStore((state) => state.preferences?.loanAlert);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  if (alert === undefined) return null;

  const parts = [
    alert.grades.length === 0 ? t('notifications.loanAlert.anyGrade') : t('notifications.loanAlert.grades', { grades: alert.grades.join(', ') }),
    alert.minRateMonthlyBps === 0 ? t('notifications.loanAlert.anyRate') : t('notifications.loanAlert.minRate', { rate: formatMonthlyRate(alert.minRateMonthlyBps, i18n.language) }),
    alert.maxTermMonths === 0 ? t('notifications.loanAlert.anyTerm') : t('notifications.loanAlert.maxTerm', { count: alert.maxTermMonths }),
  ];
  return (
    <div className="loan-alert-summary" data-testid="loan-alert-summary">
      <span>{t('notifications.loanAlert.saved', { filter: parts.join(' · ') })}</span>{' '}
      <button
        type="button"
        className="button button--small button--ghost"
        data-testid="loan-alert-remove"
        onClick={() => {
          setErrorKey(null);
          updatePreferences({ loanAlert: null }).catch((failure: unknown) => setErrorKey(operationErrorKey(failure)));
        }}
      >
        {t('notifications.loanAlert.remove')}
      </button>
      {errorKey !== null && <span className="form-error" role="alert">{t(errorKey)}</span>}
    </div>
  );
}
