import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLoanId, routeHash } from '../../lib/routes';

/** "Abrir empréstimo": opens a loan's detail, with its chat rooms and notes, by its id. */
export function LoanLookup() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const loanId = value.trim();
    if (!isLoanId(loanId)) {
      setInvalid(true);
      return;
    }
    window.location.hash = routeHash({ name: 'loan', loanId });
  }

  return (
    <section className="panel support__lookup" aria-labelledby="support-lookup-title">
      <h2 id="support-lookup-title" className="panel__title">{t('supportConsole.loanLookup.title')}</h2>
      <p className="muted">{t('supportConsole.loanLookup.help')}</p>
      <form className="support__lookup-form" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span>{t('supportConsole.loanLookup.label')}</span>
          <input
            className="mono"
            data-testid="loan-lookup-id"
            value={value}
            placeholder="emp-00008"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
            onChange={(event) => {
              setValue(event.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <button type="submit" className="button" data-testid="loan-lookup-open">{t('supportConsole.loanLookup.open')}</button>
      </form>
      {invalid && (
        <p className="form-error" role="alert" data-testid="loan-lookup-invalid">{t('supportConsole.loanLookup.invalid')}</p>
      )}
    </section>
  );
}
