import { formatDateTimeSaoPaulo } from '@lastro/domain';
import type { ChatMessageDoc } from '@lastro/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeOwnMessageStatus } from '../../lib/chat-status';
import { useLiveStore } from '../../state/live-store';

/** Server time once the server stored the message, the device time before. */
function messageTime(message: ChatMessageDoc): string {
  return message.createdAt ?? message.sentAt;
}

function OwnStatus({ message }: { message: ChatMessageDoc }) {
  const { t, i18n } = useTranslation();
  const online = useLiveStore((state) => state.connection.status === 'online');
  const status = describeOwnMessageStatus(message, online, i18n.language, (key) => t(key));
  return (
    <span className={`chat-message__status chat-message__status--${status.state}`} data-testid="chat-message-status" data-state={status.state}>
      {t(status.text.key, status.text.values)}
    </span>
  );
}

/** Lists the messages of one conversation, oldest first: the user's own on the right, the other party's on the left. */
export function ChatMessageList({ messages, userId }: { messages: readonly ChatMessageDoc[]; userId: string }) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const lastId = messages[messages.length - 1]?.id;

  // Keeps the newest message in view when one arrives or is sent.
  useEffect(() => {
    const list = listRef.current;
    if (list !== null) list.scrollTop = list.scrollHeight;
  }, [lastId]);

  if (messages.length === 0) {
    return <p className="muted chat-panel__empty" data-testid="chat-empty">{t('chat.panel.empty')}</p>;
  }
  return (
    <ol className="chat-messages" ref={listRef} data-testid="chat-messages">
      {messages.map((message) => {
        const own = message.senderId === userId;
        return (
          <li
            key={message.id}
            className={`chat-message ${own ? 'chat-message--own' : 'chat-message--theirs'}`}
            data-testid="chat-message"
            data-message-id={message.id}
            data-own={own ? 'true' : 'false'}
            data-status={message.status}
          >
            <div className="chat-message__meta">
              <span className="chat-message__sender" data-testid="chat-message-sender">
                {own ? t('chat.panel.you') : (message.senderName ?? t('chat.toast.unknownSender'))}
              </span>
              <time className="chat-message__time" dateTime={messageTime(message)}>
                {formatDateTimeSaoPaulo(messageTime(message), i18n.language)}
              </time>
            </div>
            <p className="chat-message__text" data-testid="chat-message-text">{message.text}</p>
            {own && <OwnStatus message={message} />}
          </li>
        );
      })}
    </ol>
  );
}
