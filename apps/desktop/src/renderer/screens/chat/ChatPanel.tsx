import { chatRoomIdOf } from '@lastro/protocol';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { counterpartName } from '../../lib/chat-rooms';
import { firstName } from '../../lib/collab/presence';
import { useTypingPresence } from '../../lib/collab/use-typing-presence';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { markConversationRead } from './chat-state';
import { ChatComposer } from './ChatComposer';
import { ChatMessageList } from './ChatMessageList';
import { useChatRooms, useUnreadCounts } from './hooks';
import './chat.css';

/**
 * Shows one conversation, the room of `investorId` on `loanId`, with its messages and the composer.
 * The title names the other party by {@link counterpartName}, the rule the conversation lists
 * and toasts follow too. While the panel is on screen and the window is visible, its messages
 * count as read. While the other member types, a line shows it.
 */
export function ChatPanel({ loanId, investorId }: { loanId: string; investorId: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const loan = useLiveStore((state) => state.loans.find((candidate) => candidate.id === loanId));
  const rooms = useChatRooms();
  const roomId = chatRoomIdOf(loanId, investorId);
  const room = useMemo(() => rooms.find((candidate) => candidate.id === roomId), [rooms, roomId]);
  const unread = useUnreadCounts().byRoom.get(roomId) ?? 0;
  const typing = useTypingPresence(loanId, investorId);

  useEffect(() => {
    const markIfVisible = (): void => {
      if (document.visibilityState === 'visible') markConversationRead({ id: roomId, loanId, investorId });
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [roomId, loanId, investorId, unread]);

  if (user === null) return null;
  const counterpart = counterpartName(user, { loanId, investorId, messages: room?.messages ?? [] }, loan);
  return (
    <section className="panel chat-panel" aria-labelledby="chat-panel-title" data-testid="chat-panel" data-room-id={roomId}>
      <h2 id="chat-panel-title" className="panel__title" data-testid="chat-panel-title">
        {counterpart === null ? t('chat.panel.title') : t('chat.panel.titleWith', { name: counterpart })}
      </h2>
      <p className="muted chat-panel__hint" data-testid="chat-panel-hint">
        {user.role === 'borrower' ? t('chat.panel.hintBorrower') : t('chat.panel.hint')}
      </p>
      <ChatMessageList messages={room?.messages ?? []} userId={user.id} />
      <p className="muted chat-panel__hint" style={{ minHeight: '1.4em' }} aria-live="polite" data-testid="chat-typing">
        {typing.typingPeers[0] === undefined ? '' : t('collab.typing', { name: firstName(typing.typingPeers[0].name) })}
      </p>
      <ChatComposer loanId={loanId} investorId={investorId} typing={typing} />
    </section>
  );
}
