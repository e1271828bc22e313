import { formatDateTimeSaoPaulo } from '@lastro/domain';
import type { LoanDoc } from '@lastro/protocol';
import { useTranslation } from 'react-i18next';
import { conversationHash, counterpartName, type ChatRoomView, type ChatUser } from '../../lib/chat-rooms';
import { previewText } from '../../lib/notify';

/** Shows one conversation in a list: the other party, the loan, the last message and the unread count. */
export function RoomRow({ room, user, loan, unread }: { room: ChatRoomView; user: ChatUser; loan: LoanDoc | undefined; unread: number }) {
  const { t, i18n } = useTranslation();
  const name = counterpartName(user, room, loan) ?? t('chat.toast.unknownSender');
  const own = room.last.senderId === user.id;
  const time = room.last.createdAt ?? room.last.sentAt;
  return (
    <li className="chat-room" data-testid="chat-room" data-room-id={room.id} data-loan-id={room.loanId} data-unread={unread}>
      <a className="chat-room__link" href={conversationHash(user, room)}>
        <span className="chat-room__head">
          <span className="chat-room__name" data-testid="chat-room-name">{name}</span>
          {user.role === 'investor' && (
            <span className="chat-room__loan muted">
              {loan === undefined ? room.loanId : `${loan.purpose} · ${room.loanId}`}
            </span>
          )}
          <time className="chat-room__time muted" dateTime={time}>{formatDateTimeSaoPaulo(time, i18n.language)}</time>
          {unread > 0 && (
            <span className="chat-badge" data-testid="chat-room-unread" aria-label={t('chat.unread', { count: unread })}>
              {unread}
            </span>
          )}
        </span>
        <span className="chat-room__preview" data-testid="chat-room-preview">
          {own ? t('chat.list.ownPreview', { text: previewText(room.last.text) }) : previewText(room.last.text)}
        </span>
      </a>
    </li>
  );
}
