import { formatBRL } from '@lastro/domain';
import { PIX_KEY_TYPES, type PixKeyType } from '@lastro/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../lib/errors';
import { parseAmountText } from '../lib/operations';
import { normalisePixKey } from '../lib/pix-key';
import { useLiveStore } from '../state/live-store';
import { sendPixOut } from '../state/operations';

interface FormMessage {
  key: string;
  values?: Record<string, string>;
}

function isPixKeyType(value: string): value is PixKeyType {
  return PIX_KEY_TYPES.some((type) => type === value);
}

/**
 * Modal that queues a PIX transfer to one of the investor's own keys. The key's format and the
 * amount are checked here. Only the server can check that the key belongs to the investor, so
 * a foreign key comes back as a rejected operation.
 */
export function PixOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const balances = useLiveStore((state) => state.balances);
  const wallet = useLiveStore((state) => state.wallet);
  const [keyType, setKeyType] = useState<PixKeyType>('email');
  const [keyText, setKeyText] = useState('');
  const [amountText, setAmountText] = useState('');
  const [error, setError] = useState<FormMessage | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [queued, setQueued] = useState<{ id: string; amount: number } | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
    }
  }, []);

  const projected = balances?.projectedAvailable ?? wallet?.available ?? null;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const key = normalisePixKey(keyType, keyText);
    if (!key.ok) {
      setError({ key: key.errorKey });
      return;
    }
    const amount = parseAmountText(amountText);
    if (!amount.ok) {
      setError({ key: amount.errorKey, values: amount.values });
      return;
    }
    if (projected !== null && amount.centavos > projected) {
      setError({ key: 'operations.errors.insufficientBalance', values: { balance: formatBRL(Math.max(0, projected)) } });
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      const id = await sendPixOut({ key: key.key, keyType, amount: amount.centavos });
      setQueued({ id, amount: amount.centavos });
    } catch (failure) {
      setError({ key: operationErrorKey(failure) });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="pix-out-title" data-testid="pix-out-dialog" onClose={onClose}>
      <div className="dialog__header">
        <h2 id="pix-out-title">{t('pixOut.title')}</h2>
        <button type="button" className="button button--ghost" onClick={() => dialogRef.current?.close()}>
          {t('pixOut.close')}
        </button>
      </div>
      {queued !== null ? (
        <div className="dialog__body">
          <p role="status" data-testid="pix-out-queued" data-command-id={queued.id}>
            {t('pixOut.queued', { amount: formatBRL(queued.amount) })}
          </p>
        </div>
      ) : (
        <form className="dialog__body" onSubmit={(event) => void submit(event)} noValidate>
          <label className="field">
            <span>{t('pixOut.keyType')}</span>
            <select
              data-testid="pix-out-key-type"
              value={keyType}
              onChange={(event) => {
                if (isPixKeyType(event.target.value)) {
                  setKeyType(event.target.value);
                }
              }}
            >
              {PIX_KEY_TYPES.map((type) => (
                <option key={type} value={type}>{t(`pixOut.keyTypes.${type}`)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('pixOut.key')}</span>
            <input data-testid="pix-out-key" autoFocus value={keyText} onChange={(event) => setKeyText(event.target.value)} />
            <small className="muted">{t('pixOut.keyHint')}</small>
          </label>
          <label className="field">
            <span>{t('pixOut.amount')}</span>
            <input
              inputMode="decimal"
              placeholder={t('pixOut.amountPlaceholder')}
              data-testid="pix-out-amount"
              value={amountText}
              onChange={(event) => setAmountText(event.target.value)}
            />
            {projected !== null && <small className="muted">{t('pixOut.available', { balance: formatBRL(projected) })}</small>}
          </label>
          {error !== null && (
            <p className="form-error" role="alert" data-testid="pix-out-error">
              {t(error.key, error.values ?? {})}
            </p>
          )}
          <button type="submit" className="button button--primary" data-testid="pix-out-submit" disabled={submitting}>
            {t('pixOut.submit')}
          </button>
        </form>
      )}
    </dialog>
  );
}
