import { formatBRL } from '@lastro/domain';
import { chatRoomIdOf } from '@lastro/protocol';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../lib/routes';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { useChatUiStore } from './chat-state';
import { ChatPanel } from './ChatPanel';
import { useChatRooms } from './hooks';
import './chat.css';

/**
 * Shows one conversation on its own screen (`#/loans/LOAN_ID/chat/INVESTOR_ID`), where a borrower
 * replies to an investor. Only the investor can open a room, so a room without messages is
 * shown as not found, except to that investor. The back link leads to the list the
 * conversation was opened from.
 */
export function ChatConversationScreen({ loanId, investorId }: { loanId: string; investorId: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const loan = useLiveStore((state) => state.loans.find((candidate) => candidate.id === loanId));
  const origin = useChatUiStore((state) => state.conversationOrigin);
  const rooms = useChatRooms();
  const room = rooms.find((candidate) => candidate.id === chatRoomIdOf(loanId, investorId));

  if (user === null) return null;
  const backToRequests = user.role === 'borrower' && origin === 'requests';
  const backHash = backToRequests ? routeHash({ name: 'dashboard' }) : routeHash({ name: 'chats' });
  const mayOpen = room !== undefined || (user.role === 'investor' && user.id === investorId);
  return (
    <main className="chat-screen chat-screen--conversation" data-testid="chat-conversation">
      <a className="back-link" href={backHash} data-testid="chat-back">
        ← {backToRequests ? t('chat.requests.back') : t('chat.list.back')}
      </a>
      {!mayOpen ? (
        <section className="panel" data-testid="chat-conversation-missing">
          <h1 className="panel__title">{t('chat.panel.notFound')}</h1>
          <p className="muted">{t('chat.panel.notFoundHint')}</p>
        </section>
      ) : (
        <>
          <p className="chat-screen__loan" data-testid="chat-conversation-loan">
            {loan === undefined
              ? loanId
              : t('chat.panel.loanSummary', { purpose: loan.purpose, amount: formatBRL(loan.amount), status: t(`loans.statuses.${loan.status}`), loanId })}
          </p>
          <ChatPanel loanId={loanId} investorId={investorId} />
        </>
      )}
    </main>
  );
}
