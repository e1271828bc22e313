import type { SupportChatMessage } from '@lastro/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { formatSupportTime, supportErrorKey } from '../../lib/support';
import { useLiveStore } from '../../state/live-store';
import { supportApi } from './support-client';

export type ReviewAction = 'release' | 'reject';

type History = { state: 'closed' } | { state: 'loading' } | { state: 'failed'; errorKey: string } | { state: 'loaded'; messages: SupportChatMessage[] };

/**
 * Names the room's investor and borrower from the senders of the messages at hand, and the
 * borrower from the loan book when no borrower message is known. Null where no name is known.
 */
function roomParties(
  messages: readonly SupportChatMessage[],
  loanBorrowerName: string | undefined,
): { investor: string | null; borrower: string | null } {
  let investor: string | null = null;
  let borrower: string | null = null;
  for (const message of messages) {
    if (message.sender === undefined) continue;
    if (message.senderId === message.investorId) investor ??= message.sender.name;
    else if (message.sender.role === 'borrower') borrower ??= message.sender.name;
  }
  return { investor, borrower: borrower ?? loanBorrowerName ?? null };
}

/** Earlier attempts of the held message's room, oldest first, with their decisions. */
function RoomHistory({ history, heldId }: { history: History; heldId: string }) {
  const { t, i18n } = useTranslation();
  if (history.state === 'closed') return null;
  if (history.state === 'loading') return <p className="muted" role="status">{t('supportConsole.loading')}</p>;
  if (history.state === 'failed') {
    return <p className="form-error" role="alert" data-testid="held-history-error">{t(history.errorKey)}</p>;
  }
  const earlier = history.messages.filter((message) => message.id !== heldId);
  if (earlier.length === 0) {
    return <p className="muted" data-testid="held-history-empty">{t('supportConsole.held.historyEmpty')}</p>;
  }
  return (
    <ol className="support__history" data-testid="held-history">
      {earlier.map((message) => (
        <li key={message.id} className="support__history-item" data-testid="held-history-message" data-status={message.status}>
          <span className="support__history-meta">
            <time className="nowrap" dateTime={message.createdAt}>{formatSupportTime(message.createdAt, i18n.language)}</time>
            <span>{message.sender?.name ?? message.senderId}</span>
            <span className={`support__decision support__decision--${message.status}`}>{t(`supportConsole.held.statuses.${message.status}`)}</span>
          </span>
          <span className="support__text">{message.text}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * One held message of the queue: when and by whom it was sent, the loan and parties of its
 * room, why it was held, the room's earlier messages on request, and Liberar and Rejeitar
 * behind a confirmation.
 */
export function HeldItem({
  message,
  busy,
  onReview,
}: {
  message: SupportChatMessage;
  busy: boolean;
  onReview: (id: string, action: ReviewAction) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const loan = useLiveStore((state) => state.loans.find((candidate) => candidate.id === message.loanId));
  const [confirming, setConfirming] = useState<ReviewAction | null>(null);
  const [history, setHistory] = useState<History>({ state: 'closed' });
  const parties = roomParties([message, ...(history.state === 'loaded' ? history.messages : [])], loan?.borrowerName);

  async function toggleHistory(): Promise<void> {
    if (history.state === 'loaded' || history.state === 'loading') {
      setHistory({ state: 'closed' });
      return;
    }
    setHistory({ state: 'loading' });
    try {
      setHistory({ state: 'loaded', messages: await supportApi().listRoomMessages(message.roomId) });
    } catch (error) {
      setHistory({ state: 'failed', errorKey: supportErrorKey(error) });
    }
  }

  async function confirm(action: ReviewAction): Promise<void> {
    await onReview(message.id, action);
    setConfirming(null);
  }

  const open = history.state !== 'closed';
  return (
    <li className="support__held-item" data-testid="held-message" data-id={message.id}>
      <div className="support__held-meta">
        <time className="nowrap" dateTime={message.createdAt}>{formatSupportTime(message.createdAt, i18n.language)}</time>
        <span data-testid="held-sender">
          {message.sender === undefined ? message.senderId : `${message.sender.name} · ${message.sender.email}`}
        </span>
      </div>
      <p className="support__held-room muted" data-testid="held-room">
        <a href={routeHash({ name: 'loan', loanId: message.loanId })} data-testid="held-loan-link">
          {t('supportConsole.held.loan', { loanId: message.loanId })}
        </a>
        {loan !== undefined && <span> · {loan.purpose}</span>}
        <span data-testid="held-parties">
          {' · '}
          {t('supportConsole.held.parties', {
            investor: parties.investor ?? t('supportConsole.held.unknownParty'),
            borrower: parties.borrower ?? t('supportConsole.held.unknownParty'),
          })}
        </span>
      </p>
      <p className="support__text" data-testid="held-text">{message.text}</p>
      <p className="support__held-why muted">
        {t('supportConsole.held.why', {
          kinds: message.contactKinds.map((kind) => t(`supportConsole.contactKinds.${kind}`)).join(', ') || t('supportConsole.held.noKinds'),
        })}
        <span className="mono support__room" title={t('supportConsole.held.room')}>{message.roomId}</span>
      </p>
      <button
        type="button"
        className="button button--small button--ghost"
        aria-expanded={open}
        data-testid="held-history-toggle"
        onClick={() => void toggleHistory()}
      >
        {open ? t('supportConsole.held.hideHistory') : t('supportConsole.held.showHistory')}
      </button>
      <RoomHistory history={history} heldId={message.id} />
      {confirming !== null ? (
        <div className="support__confirm" role="group" data-testid="held-confirm">
          <span>{t(confirming === 'release' ? 'supportConsole.held.confirmRelease' : 'supportConsole.held.confirmReject')}</span>
          <button
            type="button"
            className={`button button--small ${confirming === 'release' ? 'button--primary' : 'support__danger'}`}
            data-testid="held-confirm-yes"
            disabled={busy}
            onClick={() => void confirm(confirming)}
          >
            {t('supportConsole.held.confirm')}
          </button>
          <button type="button" className="button button--small button--ghost" data-testid="held-confirm-no" disabled={busy} onClick={() => setConfirming(null)}>
            {t('supportConsole.held.cancel')}
          </button>
        </div>
      ) : (
        <div className="support__actions">
          <button type="button" className="button button--small button--primary" data-testid="held-release" onClick={() => setConfirming('release')}>
            {t('supportConsole.held.release')}
          </button>
          <button type="button" className="button button--small support__danger" data-testid="held-reject" onClick={() => setConfirming('reject')}>
            {t('supportConsole.held.reject')}
          </button>
        </div>
      )}
    </li>
  );
}
