import type { DepositResponse } from '@lastro/protocol';
import { formatBRL, formatDateTimeSaoPaulo } from '@lastro/domain';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDepositAmount } from '../lib/deposit';
import { depositErrorKey } from '../lib/errors';
import { findChargePayment } from '../lib/ledger';
import { useLiveStore } from '../state/live-store';
import { createDeposit } from '../state/session';

interface CreatedCharge {
  charge: DepositResponse;
  amountCentavos: number | undefined;
  qrDataUrl: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_LABEL_KEYS: Record<CopyState, string> = {
  idle: 'deposit.copy',
  copied: 'deposit.copied',
  failed: 'deposit.copyFailed',
};

/** Modal that creates a PIX charge and shows its QR code, "copia e cola" text, txid and expiry. */
export function DepositDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [amountText, setAmountText] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedCharge | null>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const payment = useLiveStore((state) =>
    created === null ? undefined : findChargePayment(state.ledgerEntries, created.charge.txid),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
    }
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const amount = parseDepositAmount(amountText);
    if (!amount.ok) {
      setErrorKey(amount.errorKey);
      return;
    }
    setErrorKey(null);
    setCreating(true);
    try {
      const charge = await createDeposit(amount.centavos);
      const qrDataUrl = await QRCode.toDataURL(charge.brCode, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
      setCreated({ charge, amountCentavos: amount.centavos, qrDataUrl });
    } catch (error) {
      setErrorKey(depositErrorKey(error));
    } finally {
      setCreating(false);
    }
  }

  async function copyBrCode(brCode: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(brCode);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="deposit-title"
      data-testid="deposit-dialog"
      onClose={onClose}
    >
      <div className="dialog__header">
        <h2 id="deposit-title">{t('deposit.title')}</h2>
        <button type="button" className="button button--ghost" onClick={() => dialogRef.current?.close()}>
          {t('deposit.close')}
        </button>
      </div>

      {created === null ? (
        <form className="dialog__body" onSubmit={(event) => void submit(event)} noValidate>
          <label className="field">
            <span>{t('deposit.amount')}</span>
            <input
              inputMode="decimal"
              autoFocus
              placeholder={t('deposit.amountPlaceholder')}
              data-testid="deposit-amount"
              value={amountText}
              onChange={(event) => setAmountText(event.target.value)}
            />
            <small className="muted">{t('deposit.amountHint')}</small>
          </label>
          {errorKey !== null && (
            <p className="form-error" role="alert" data-testid="deposit-error">
              {t(errorKey)}
            </p>
          )}
          <button type="submit" className="button button--primary" data-testid="deposit-create" disabled={creating}>
            {creating ? t('deposit.creating') : t('deposit.create')}
          </button>
        </form>
      ) : (
        <div className="dialog__body deposit" data-testid="deposit-charge">
          <img className="deposit__qr" src={created.qrDataUrl} alt={t('deposit.qrAlt')} width={220} height={220} />
          <dl className="deposit__facts">
            {created.amountCentavos !== undefined && (
              <>
                <dt>{t('deposit.fixedAmount')}</dt>
                <dd data-testid="deposit-amount-value">{formatBRL(created.amountCentavos)}</dd>
              </>
            )}
            <dt>{t('deposit.txid')}</dt>
            <dd className="mono" data-testid="deposit-txid">{created.charge.txid}</dd>
            <dt>{t('deposit.expiresAt')}</dt>
            <dd data-testid="deposit-expires">{formatDateTimeSaoPaulo(created.charge.expiresAt, i18n.language)}</dd>
          </dl>
          <label className="field">
            <span>{t('deposit.copyPaste')}</span>
            <textarea className="mono" readOnly rows={4} value={created.charge.brCode} data-testid="deposit-brcode" />
          </label>
          <button
            type="button"
            className="button"
            data-testid="deposit-copy"
            onClick={() => void copyBrCode(created.charge.brCode)}
          >
            {t(COPY_LABEL_KEYS[copyState])}
          </button>
          {payment === undefined ? (
            <p className="muted" role="status" data-testid="deposit-status">{t('deposit.waiting')}</p>
          ) : (
            <p className="deposit__received" role="status" data-testid="deposit-status">
              {t('deposit.received', { amount: formatBRL(payment.amount) })}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
