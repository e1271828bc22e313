import { LOAN_GRADES } from '@lastro/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../lib/errors';
import { parseRatePercent, parseTermMonths, ratePercentText, type LoanFilter } from '../lib/loan-filter';
import { updatePreferences } from '../state/operations';
import { LoanAlertSummary } from './notifications/LoanAlertSummary';
import './notifications/notifications.css';

/**
 * Shows the loan book's grade, minimum rate and maximum term filter, with "Salvar filtro como
 * alerta": a new loan that matches a saved filter raises a `loan_match` notification.
 */
export function LoanAlertFilter({ filter, onChange }: { filter: LoanFilter; onChange: (filter: LoanFilter) => void }) {
  const { t } = useTranslation();
  const [rateText, setRateText] = useState(() => ratePercentText(filter.minRateMonthlyBps));
  const [termText, setTermText] = useState(() => (filter.maxTermMonths === 0 ? '' : String(filter.maxTermMonths)));
  const [message, setMessage] = useState<{ key: string; error: boolean } | null>(null);

  function applyRate(text: string): void {
    setRateText(text);
    const rate = parseRatePercent(text);
    setMessage(rate.ok ? null : { key: rate.errorKey, error: true });
    if (rate.ok) onChange({ ...filter, minRateMonthlyBps: rate.value });
  }

  function applyTerm(text: string): void {
    setTermText(text);
    const term = parseTermMonths(text);
    setMessage(term.ok ? null : { key: term.errorKey, error: true });
    if (term.ok) onChange({ ...filter, maxTermMonths: term.value });
  }

  async function save(): Promise<void> {
    const rate = parseRatePercent(rateText);
    const term = parseTermMonths(termText);
    if (!rate.ok || !term.ok) {
      setMessage({ key: !rate.ok ? rate.errorKey : term.ok ? '' : term.errorKey, error: true });
      return;
    }
    try {
      await updatePreferences({ loanAlert: { grades: filter.grades, minRateMonthlyBps: rate.value, maxTermMonths: term.value } });
      setMessage({ key: 'notifications.loanAlert.savedMessage', error: false });
    } catch (failure) {
      setMessage({ key: operationErrorKey(failure), error: true });
    }
  }

  return (
    <div className="loan-alert-filter" data-testid="loan-alert-filter">
      <fieldset className="loan-alert-filter__grades">
        <legend>{t('notifications.loanAlert.gradeLabel')}</legend>
        {LOAN_GRADES.map((grade) => (
          <label key={grade} className="checkbox">
            <input
              type="checkbox"
              data-testid="loan-filter-grade"
              value={grade}
              checked={filter.grades.includes(grade)}
              onChange={(event) =>
                onChange({
                  ...filter,
                  grades: event.target.checked ? [...filter.grades, grade] : filter.grades.filter((selected) => selected !== grade),
                })
              }
            />
            {grade}
          </label>
        ))}
      </fieldset>
      <label className="inline-field">
        <span>{t('notifications.loanAlert.minRateLabel')}</span>
        <input inputMode="decimal" size={5} placeholder="1,50" data-testid="loan-filter-min-rate" value={rateText} onChange={(event) => applyRate(event.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('notifications.loanAlert.maxTermLabel')}</span>
        <input inputMode="numeric" size={4} placeholder="36" data-testid="loan-filter-max-term" value={termText} onChange={(event) => applyTerm(event.target.value)} />
      </label>
      <button type="button" className="button button--small" data-testid="loan-alert-save" onClick={() => void save()}>
        {t('notifications.loanAlert.save')}
      </button>
      {message !== null && (
        <span className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="loan-alert-message">
          {t(message.key)}
        </span>
      )}
      <LoanAlertSummary />
    </div>
  );
}
