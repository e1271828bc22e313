import { formatBRL, formatDateTimeSaoPaulo } from '@lastro/domain';
import { useTranslation } from 'react-i18next';
import { formatMonthlyRate } from '../lib/loans';
import { routeHash } from '../lib/routes';
import { useLiveStore } from '../state/live-store';
import { useSessionStore } from '../state/session';
import { ChatPanel } from './chat/ChatPanel';
import { InvestForm } from './InvestForm';
import { FundingBar } from './LoanBook';
import { LoanTabs } from './notes/LoanTabs';

/** Shows one loan of the book, updated live like the list. */
export function LoanDetailScreen({ loanId }: { loanId: string }) {
  const { t, i18n } = useTranslation();
  const loan = useLiveStore((state) => state.loans.find((candidate) => candidate.id === loanId));
  const synced = useLiveStore((state) => state.sync.initialSyncDone);
  const user = useSessionStore((state) => state.user);
  // Shared notes belong to investors' organisations; support users read them, borrowers never.
  const notesAllowed = user?.role === 'investor' || user?.role === 'support';

  const details = loan === undefined ? null : (
    <>
      <p className="loan-detail__purpose">{loan.purpose}</p>
      <dl className="facts">
        <dt>{t('loans.columns.amount')}</dt>
        <dd>{formatBRL(loan.amount)}</dd>
        <dt>{t('loans.columns.rate')}</dt>
        <dd>{formatMonthlyRate(loan.rateMonthlyBps, i18n.language)}</dd>
        <dt>{t('loans.columns.term')}</dt>
        <dd>{t('loans.term', { count: loan.termMonths })}</dd>
        <dt>{t('loans.columns.grade')}</dt>
        <dd><span className={`grade grade--${loan.grade}`}>{loan.grade}</span></dd>
        <dt>{t('loans.columns.state')}</dt>
        <dd>{loan.state}</dd>
        <dt>{t('loan.funded')}</dt>
        <dd>{formatBRL(loan.funded)}</dd>
        <dt>{t('loan.remaining')}</dt>
        <dd>{formatBRL(Math.max(0, loan.amount - loan.funded))}</dd>
        <dt>{t('loans.columns.progress')}</dt>
        <dd><FundingBar loan={loan} /></dd>
        <dt>{t('loan.createdAt')}</dt>
        <dd>{formatDateTimeSaoPaulo(loan.createdAt, i18n.language)}</dd>
        <dt>{t('loan.updatedAt')}</dt>
        <dd>{formatDateTimeSaoPaulo(loan.updatedAt, i18n.language)}</dd>
        <dt>{t('loan.id')}</dt>
        <dd className="mono">{loan.id}</dd>
      </dl>
    </>
  );

  return (
    <main className="loan-detail">
      <a className="back-link" href={routeHash({ name: 'dashboard' })}>← {t('loan.back')}</a>
      {loan === undefined && !synced && (
        <p className="muted loan-detail__loading" role="status" aria-busy="true" data-testid="loan-detail-loading">
          {t('loan.loading')}
        </p>
      )}
      {loan === undefined && synced && (
        <section className="panel loan-detail__card" data-testid="loan-detail-missing">
          <h1 className="loan-detail__missing-title">{t('loan.notFound')}</h1>
          <p className="muted">{t('loan.notFoundHint', { loanId })}</p>
        </section>
      )}
      {loan !== undefined && (
        <div className={`loan-detail__layout${user?.role === 'investor' ? ' loan-detail__layout--chat' : ''}`}>
        <article className="panel loan-detail__card" data-testid="loan-detail" data-loan-id={loan.id}>
          <header className="loan-detail__header">
            <h1>{loan.borrowerName}</h1>
            <span className={`status status--${loan.status}`} data-testid="loan-detail-status">
              {t(`loans.statuses.${loan.status}`)}
            </span>
          </header>
          {/* Keyed by loan, so the tab and a support user's chosen organisation start fresh on another loan. */}
          {notesAllowed ? <LoanTabs key={loan.id} loanId={loan.id} details={details} /> : details}
        </article>
        {user?.role === 'investor' && <InvestForm loan={loan} />}
        {user?.role === 'investor' && loan.chatAvailable === true && (
          <ChatPanel loanId={loan.id} investorId={user.id} />
        )}
        {user?.role === 'investor' && loan.chatAvailable !== true && (
          <p className="panel muted loan-detail__no-chat" data-testid="chat-unavailable">{t('chat.unavailable')}</p>
        )}
        </div>
      )}
    </main>
  );
}
