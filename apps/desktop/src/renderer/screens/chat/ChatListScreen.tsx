import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../../state/live-store';
import { useSessionStore } from '../../state/session';
import { useChatRooms, useUnreadCounts } from './hooks';
import { RoomRow } from './RoomRow';
import './chat.css';

/** Lists every conversation of the user (`#/chats`), the one with the latest message first. */
export function ChatListScreen() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const loans = useLiveStore((state) => state.loans);
  const rooms = useChatRooms();
  const unread = useUnreadCounts();

  if (user === null) return null;
  return (
    <main className="chat-screen">
      <section className="panel chat-list" aria-labelledby="chat-list-title" data-testid="chat-list">
        <h1 id="chat-list-title" className="panel__title">{t('chat.list.title')}</h1>
        {rooms.length === 0 ? (
          <p className="muted" data-testid="chat-list-empty">
            {user.role === 'borrower' ? t('chat.list.emptyBorrower') : t('chat.list.emptyInvestor')}
          </p>
        ) : (
          <ul className="chat-rooms">
            {rooms.map((room) => (
              <RoomRow
                key={room.id}
                room={room}
                user={user}
                loan={loans.find((loan) => loan.id === room.loanId)}
                unread={unread.byRoom.get(room.id) ?? 0}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
