import { formatBRL } from '@lastro/domain';
import type { LoanDoc } from '@lastro/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownLoansErrorKey } from '../../lib/chat-errors';
import type { ChatRoomView, ChatUser } from '../../lib/chat-rooms';
import { useLiveStore } from '../../state/live-store';
import { requireActiveClient, useSessionStore } from '../../state/session';
import { useChatRooms, useUnreadCounts } from '../chat/hooks';
import { RoomRow } from '../chat/RoomRow';
import { FundingBar } from '../LoanBook';
import '../chat/chat.css';

type OwnLoans = { state: 'loading' } | { state: 'failed'; errorKey: string } | { state: 'loaded'; loanIds: string[] };

/** Fetches the ids of the borrower's loan requests from the server; `reload` fetches them again. */
function useOwnLoanIds(): { ownLoans: OwnLoans; reload: () => void } {
  const [ownLoans, setOwnLoans] = useState<OwnLoans>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setOwnLoans({ state: 'loading' });
    requireActiveClient('listing your loan requests')
      .listOwnLoanIds()
      .then((loanIds) => {
        if (!cancelled) setOwnLoans({ state: 'loaded', loanIds });
      })
      .catch((error: unknown) => {
        if (!cancelled) setOwnLoans({ state: 'failed', errorKey: ownLoansErrorKey(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ownLoans, reload };
}

/**
 * Orders the requests so that those with conversations come first, the latest message first,
 * followed by the others in the server's order (newest request first).
 */
function requestsWithConversationsFirst(loanIds: readonly string[], rooms: readonly ChatRoomView[]): string[] {
  const own = new Set(loanIds);
  const withConversations: string[] = [];
  for (const room of rooms) {
    if (own.has(room.loanId) && !withConversations.includes(room.loanId)) withConversations.push(room.loanId);
  }
  return [...withConversations, ...loanIds.filter((loanId) => !withConversations.includes(loanId))];
}

function LoanRequest({
  loanId,
  loan,
  rooms,
  user,
  unreadByRoom,
}: {
  loanId: string;
  loan: LoanDoc | undefined;
  rooms: ChatRoomView[];
  user: ChatUser;
  unreadByRoom: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  return (
    <li className="panel loan-request" data-testid="loan-request" data-loan-id={loanId}>
      <header className="loan-request__header">
        <h2 className="loan-request__title">{loan === undefined ? loanId : loan.purpose}</h2>
        {loan !== undefined && (
          <span className={`status status--${loan.status}`} data-testid="loan-request-status">
            {t(`loans.statuses.${loan.status}`)}
          </span>
        )}
      </header>
      {loan === undefined ? (
        <p className="muted">{t('chat.requests.loanLoading')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('chat.requests.amount')}</dt>
          <dd data-testid="loan-request-amount">{formatBRL(loan.amount)}</dd>
          <dt>{t('chat.requests.funded')}</dt>
          <dd data-testid="loan-request-funded">{formatBRL(loan.funded)}</dd>
          <dt>{t('chat.requests.progress')}</dt>
          <dd><FundingBar loan={loan} /></dd>
          <dt>{t('chat.requests.id')}</dt>
          <dd className="mono">{loanId}</dd>
        </dl>
      )}
      {rooms.length === 0 ? (
        <p className="muted loan-request__no-chats" data-testid="loan-request-no-chats">{t('chat.requests.noConversations')}</p>
      ) : (
        <ul className="chat-rooms" aria-label={t('chat.requests.conversations', { count: rooms.length })}>
          {rooms.map((room) => (
            <RoomRow key={room.id} room={room} user={user} loan={loan} unread={unreadByRoom.get(room.id) ?? 0} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Shows the borrower's home ("Meus pedidos"): their loan requests with status, amount and funding
 * from the live loan book, each with the conversations investors opened on it.
 */
export function BorrowerRequestsScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const loans = useLiveStore((state) => state.loans);
  const rooms = useChatRooms();
  const unread = useUnreadCounts();
  const { ownLoans, reload } = useOwnLoanIds();
  const loansById = useMemo(() => new Map(loans.map((loan) => [loan.id, loan])), [loans]);
  const orderedLoanIds = useMemo(
    () => (ownLoans.state === 'loaded' ? requestsWithConversationsFirst(ownLoans.loanIds, rooms) : []),
    [ownLoans, rooms],
  );

  if (user === null) return null;
  return (
    <main className="chat-screen borrower-requests" data-testid="borrower-requests">
      <h1 className="borrower-requests__title">{t('chat.requests.title')}</h1>
      {ownLoans.state === 'loading' && (
        <p className="muted" role="status" aria-busy="true" data-testid="borrower-requests-loading">{t('chat.requests.loading')}</p>
      )}
      {ownLoans.state === 'failed' && (
        <p className="form-error" role="alert" data-testid="borrower-requests-error">
          {t(ownLoans.errorKey)}{' '}
          <button type="button" className="button button--small" onClick={reload}>{t('chat.requests.retry')}</button>
        </p>
      )}
      {ownLoans.state === 'loaded' && ownLoans.loanIds.length === 0 && (
        <p className="muted" data-testid="borrower-requests-empty">{t('chat.requests.empty')}</p>
      )}
      {ownLoans.state === 'loaded' && ownLoans.loanIds.length > 0 && (
        <ul className="loan-requests">
          {orderedLoanIds.map((loanId) => (
            <LoanRequest
              key={loanId}
              loanId={loanId}
              loan={loansById.get(loanId)}
              rooms={rooms.filter((room) => room.loanId === loanId)}
              user={user}
              unreadByRoom={unread.byRoom}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
