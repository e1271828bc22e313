import { formatDateTimeSaoPaulo } from '@lastro/domain';
import type { LoanDoc } from '@lastro/protocol';
import { useTranslation } from 'react-i18next';
import { conversationHash, counterpartName, describeRoomLoan, type ChatRoomView, type ChatUser } from '../../lib/chat-rooms';
import { previewText } from '../../lib/notify';

/**
 * Shows one conversation in a list: the other party, the loan it is about, the latest message
 * that is not a rejected attempt, and the unread count.
 */
export function RoomRow({ room, user, loan, unread }: { room: ChatRoomView; user: ChatUser; loan: LoanDoc | undefined; unread: number }) {
  const { t, i18n } = useTranslation();
  const name = counterpartName(user, room, loan) ?? t('chat.toast.unknownSender');
  const preview = room.preview;
  const own = preview.senderId === user.id;
  const time = preview.createdAt ?? preview.sentAt;
  return (
    <li className="chat-room" data-testid="chat-room" data-room-id={room.id} data-loan-id={room.loanId} data-unread={unread}>
      <a className="chat-room__link" href={conversationHash(user, room)}>
        <span className="chat-room__head">
          <span className="chat-room__name" data-testid="chat-room-name">{name}</span>
          <span className="chat-room__loan muted" data-testid="chat-room-loan">{describeRoomLoan(room.loanId, loan)}</span>
          <time className="chat-room__time muted" dateTime={time}>{formatDateTimeSaoPaulo(time, i18n.language)}</time>
          {unread > 0 && (
            <span className="chat-badge" data-testid="chat-room-unread" aria-label={t('chat.unread', { count: unread })}>
              {unread}
            </span>
          )}
        </span>
        <span className="chat-room__preview" data-testid="chat-room-preview">
          {own ? t('chat.list.ownPreview', { text: previewText(preview.text) }) : previewText(preview.text)}
        </span>
      </a>
    </li>
  );
}
