import { formatBRL } from '@lastro/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../lib/errors';
import { parseAmountText } from '../lib/operations';
import { useLiveStore } from '../state/live-store';
import { updatePreferences } from '../state/operations';

function amountFieldText(centavos: number | undefined): string {
  return centavos !== undefined && centavos > 0 ? formatBRL(centavos).replace(/^R\$\s/, '') : '';
}

/** Settings synced across the user's devices. The language is set by the switch in the header. */
export function PreferencesPanel() {
  const { t } = useTranslation();
  const defaultInvestAmount = useLiveStore((state) => state.preferences?.defaultInvestAmount);
  const [amountText, setAmountText] = useState(() => amountFieldText(defaultInvestAmount));
  const [edited, setEdited] = useState(false);
  const [message, setMessage] = useState<{ key: string; error: boolean } | null>(null);

  // Another device, or the server overruling this one, may change the value. Show it unless the user is editing.
  useEffect(() => {
    if (!edited) {
      setAmountText(amountFieldText(defaultInvestAmount));
    }
  }, [defaultInvestAmount, edited]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    let centavos = 0;
    if (amountText.trim() !== '') {
      const amount = parseAmountText(amountText);
      if (!amount.ok) {
        setMessage({ key: amount.errorKey, error: true });
        return;
      }
      centavos = amount.centavos;
    }
    try {
      await updatePreferences({ defaultInvestAmount: centavos });
      setEdited(false);
      setMessage({ key: 'preferences.saved', error: false });
    } catch (failure) {
      setMessage({ key: operationErrorKey(failure), error: true });
    }
  }

  return (
    <section className="panel preferences" aria-labelledby="preferences-title" data-testid="preferences-panel">
      <h2 id="preferences-title" className="panel__title">{t('preferences.title')}</h2>
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span>{t('preferences.defaultInvestAmount')}</span>
          <input
            inputMode="decimal"
            placeholder="100,00"
            data-testid="preferences-default-invest"
            value={amountText}
            onChange={(event) => {
              setMessage(null);
              setEdited(true);
              setAmountText(event.target.value);
            }}
          />
          <small className="muted">{t('preferences.defaultInvestHint')}</small>
        </label>
        <button type="submit" className="button" data-testid="preferences-save">{t('preferences.save')}</button>
      </form>
      {message !== null && (
        <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="preferences-message">
          {t(message.key)}
        </p>
      )}
    </section>
  );
}
