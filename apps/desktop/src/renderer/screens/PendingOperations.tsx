import { formatBRL, formatDateTimeSaoPaulo } from '@lastro/domain';
import type { CommandDoc, LoanDoc } from '@lastro/protocol';
import { useTranslation } from 'react-i18next';
import type { PendingOperation } from '../engine/client';
import { countInFlight, panelOperations, rejectionReasonKey } from '../lib/operations';
import { routeHash } from '../lib/routes';
import { useLiveStore } from '../state/live-store';

/** Text of an operation's state, such as "Aguardando conexão" or "Rejeitada: saldo insuficiente". */
export function useOperationStateLabel(): (operation: Pick<PendingOperation, 'state' | 'reason'>) => string {
  const { t } = useTranslation();
  return (operation) =>
    operation.state === 'rejected'
      ? t('operations.states.rejected', { reason: t(rejectionReasonKey(operation.reason)) })
      : t(`operations.states.${operation.state}`);
}

function OperationTarget({ operation, loan }: { operation: PendingOperation; loan: LoanDoc | undefined }) {
  if (operation.type === 'invest') {
    const loanId = operation.loanId ?? '';
    return <a href={routeHash({ name: 'loan', loanId })}>{loan?.borrowerName ?? loanId}</a>;
  }
  return <span className="mono">{operation.pixKey ?? ''}</span>;
}

/**
 * The outbox on the dashboard: operations waiting for a connection, in flight, and recently
 * decided by the server. `data-count` counts only the queued and in-flight ones.
 */
export function PendingOperations() {
  const { t, i18n } = useTranslation();
  const pendingOperations = useLiveStore((state) => state.pendingOperations);
  const commands = useLiveStore((state) => state.commands);
  const operations = panelOperations(pendingOperations, commands);
  const loans = useLiveStore((state) => state.loans);
  const stateLabel = useOperationStateLabel();
  const inFlight = countInFlight(operations);
  const commandsById = new Map<string, CommandDoc>(commands.map((command) => [command.id, command]));
  const loansById = new Map<string, LoanDoc>(loans.map((loan) => [loan.id, loan]));

  return (
    <section className="panel operations" aria-labelledby="operations-title" data-testid="pending-operations" data-count={inFlight}>
      <h2 id="operations-title" className="panel__title">
        {t('operations.title')}
        {inFlight > 0 && <span className="badge" data-testid="pending-count">{t('operations.count', { count: inFlight })}</span>}
      </h2>
      {operations.length === 0 ? (
        <p className="muted">{t('operations.empty')}</p>
      ) : (
        <ul className="operations__list">
          {operations.map((operation) => {
            const pixOutState = commandsById.get(operation.id)?.pixOutState;
            return (
              <li
                key={operation.id}
                className="operations__row"
                data-testid="pending-operation"
                data-id={operation.id}
                data-type={operation.type}
                data-state={operation.state}
                data-pix-out-state={pixOutState}
              >
                <span className="operations__type">{t(`operations.types.${operation.type}`)}</span>
                <span className="operations__target ellipsis">
                  <OperationTarget operation={operation} loan={loansById.get(operation.loanId ?? '')} />
                </span>
                <span className="operations__amount num">{formatBRL(operation.amount)}</span>
                <span className="operations__time muted nowrap" title={t('operations.columns.issuedAt')}>
                  {formatDateTimeSaoPaulo(operation.issuedAt, i18n.language)}
                </span>
                <span className={`operations__state operation-state--${operation.state}`} data-testid="pending-operation-state">
                  {stateLabel(operation)}
                  {pixOutState !== undefined && (
                    <span className="muted" data-testid="pix-out-state"> · {t(`operations.pixStates.${pixOutState}`)}</span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
