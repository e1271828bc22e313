import { chatRoomIdOf } from '@lastro/protocol';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../state/session';
import { markConversationRead } from './chat-state';
import { ChatComposer } from './ChatComposer';
import { ChatMessageList } from './ChatMessageList';
import { useChatRooms } from './hooks';
import './chat.css';

/**
 * Shows one conversation, the room of `investorId` on `loanId`, with its messages and the composer.
 * While it is on screen and the window is visible, its messages count as read.
 */
export function ChatPanel({ loanId, investorId, counterpart }: { loanId: string; investorId: string; counterpart: string | null }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const rooms = useChatRooms();
  const roomId = chatRoomIdOf(loanId, investorId);
  const room = useMemo(() => rooms.find((candidate) => candidate.id === roomId), [rooms, roomId]);

  useEffect(() => {
    if (room === undefined) return;
    const markIfVisible = (): void => {
      if (document.visibilityState === 'visible') markConversationRead(room);
    };
    markIfVisible();
    document.addEventListener('visibilitychange', markIfVisible);
    return () => document.removeEventListener('visibilitychange', markIfVisible);
  }, [room]);

  if (user === null) return null;
  return (
    <section className="panel chat-panel" aria-labelledby="chat-panel-title" data-testid="chat-panel" data-room-id={roomId}>
      <h2 id="chat-panel-title" className="panel__title">
        {counterpart === null ? t('chat.panel.title') : t('chat.panel.titleWith', { name: counterpart })}
      </h2>
      <p className="muted chat-panel__hint">{t('chat.panel.hint')}</p>
      <ChatMessageList messages={room?.messages ?? []} userId={user.id} />
      <ChatComposer loanId={loanId} investorId={investorId} />
    </section>
  );
}
