import { formatBRL, MIN_INVESTMENT_CENTAVOS } from '@lastro/domain';
import type { LoanDoc } from '@lastro/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { operationErrorKey } from '../lib/errors';
import { checkInvestAmount, remainingCentavos } from '../lib/operations';
import { useLiveStore } from '../state/live-store';
import { investInLoan } from '../state/operations';
import { useOperationStateLabel } from './PendingOperations';

interface FormMessage {
  key: string;
  values?: Record<string, string>;
}

/** Text for the amount field: the default invest amount from the preferences, or empty. */
function defaultAmountText(defaultInvestAmount: number | undefined): string {
  return defaultInvestAmount !== undefined && defaultInvestAmount > 0 ? formatBRL(defaultInvestAmount).replace(/^R\$\s/, '') : '';
}

/**
 * Invest form of the loan detail. It checks the amount against the data on this device, then
 * queues the command in the outbox, which works offline. The server decides, and the result
 * shows below the form and in the pending operations panel.
 */
export function InvestForm({ loan }: { loan: LoanDoc }) {
  const { t } = useTranslation();
  const wallet = useLiveStore((state) => state.wallet);
  const balances = useLiveStore((state) => state.balances);
  const position = useLiveStore((state) => state.positions.find((candidate) => candidate.id === loan.id));
  const defaultInvestAmount = useLiveStore((state) => state.preferences?.defaultInvestAmount);
  const operations = useLiveStore((state) => state.pendingOperations);
  const commands = useLiveStore((state) => state.commands);
  const stateLabel = useOperationStateLabel();

  const [amountText, setAmountText] = useState(() => defaultAmountText(defaultInvestAmount));
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [queued, setQueued] = useState<{ id: string; amount: number } | null>(null);

  // Preferences may arrive after the form opened, and they fill the field until the user types.
  useEffect(() => {
    if (!edited) {
      setAmountText(defaultAmountText(defaultInvestAmount));
    }
  }, [defaultInvestAmount, edited]);

  const available = balances?.available ?? wallet?.available ?? null;
  const projected = balances?.projectedAvailable ?? available;
  const remaining = remainingCentavos(loan);
  // Decided operations leave the engine's list after a minute, but the command keeps the result.
  const queuedCommand = queued === null ? undefined : commands.find((command) => command.id === queued.id);
  const queuedOperation =
    queued === null
      ? undefined
      : operations.find((operation) => operation.id === queued.id) ??
        (queuedCommand !== undefined && queuedCommand.status !== 'pending'
          ? { state: queuedCommand.status, reason: queuedCommand.reason }
          : undefined);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const check = checkInvestAmount(amountText, { loan, projectedAvailable: projected }, formatBRL);
    if (!check.ok) {
      setError({ key: check.errorKey, values: check.values });
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      const id = await investInLoan(loan.id, check.centavos);
      setQueued({ id, amount: check.centavos });
      setAmountText(defaultAmountText(defaultInvestAmount));
      setEdited(false);
    } catch (failure) {
      setError({ key: operationErrorKey(failure) });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="panel invest" aria-labelledby="invest-title" data-testid="invest-form">
      <h2 id="invest-title" className="panel__title">{t('invest.title')}</h2>
      <dl className="facts">
        <dt>{t('invest.remaining')}</dt>
        <dd data-testid="invest-remaining">{formatBRL(remaining)}</dd>
        <dt>{t('invest.minimum')}</dt>
        <dd data-testid="invest-minimum">{formatBRL(MIN_INVESTMENT_CENTAVOS)}</dd>
        <dt>{t('invest.position')}</dt>
        <dd data-testid="invest-position">{position === undefined || position.amount === 0 ? t('invest.noPosition') : formatBRL(position.amount)}</dd>
        <dt>{t('invest.available')}</dt>
        <dd data-testid="invest-available">{available === null ? '—' : formatBRL(available)}</dd>
        <dt>{t('invest.projected')}</dt>
        <dd data-testid="invest-projected">{projected === null ? '—' : formatBRL(projected)}</dd>
      </dl>
      {loan.status !== 'open' ? (
        <p className="muted" data-testid="invest-closed">{t('invest.notOpen')}</p>
      ) : (
        <form className="invest__form" onSubmit={(event) => void submit(event)} noValidate>
          <label className="field">
            <span>{t('invest.amount')}</span>
            <input
              inputMode="decimal"
              placeholder={t('invest.amountPlaceholder')}
              data-testid="invest-amount"
              value={amountText}
              onChange={(event) => {
                setEdited(true);
                setAmountText(event.target.value);
              }}
            />
          </label>
          <button type="submit" className="button button--primary" data-testid="invest-confirm" disabled={submitting}>
            {t('invest.confirm')}
          </button>
        </form>
      )}
      {error !== null && (
        <p className="form-error" role="alert" data-testid="invest-error">
          {t(error.key, error.values ?? {})}
        </p>
      )}
      {queued !== null && (
        <p className="invest__queued" role="status" data-testid="invest-queued" data-command-id={queued.id} data-state={queuedOperation?.state}>
          {t('invest.queued', {
            amount: formatBRL(queued.amount),
            state: queuedOperation === undefined ? t('operations.states.waiting_for_connection') : stateLabel(queuedOperation),
          })}
        </p>
      )}
    </section>
  );
}
