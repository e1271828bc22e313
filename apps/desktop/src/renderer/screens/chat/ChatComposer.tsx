import { MAX_CHAT_MESSAGE_LENGTH, normaliseChatText } from '@lastro/domain';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chatSendErrorKey } from '../../lib/chat-errors';
import { describeChatQuota, estimateServerNow } from '../../lib/chat-quota';
import { chatQuota } from '../../lib/chat-rooms';
import type { TypingPresence } from '../../lib/collab/use-typing-presence';
import { useLiveStore } from '../../state/live-store';
import { requireActiveClient, useSessionStore } from '../../state/session';
import { useNow } from './hooks';

/** How often the composer re-renders, so a message leaving the 60-minute window frees a slot on screen. */
const QUOTA_REFRESH_MS = 10_000;

function codePointCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) count++;
  return count;
}

/**
 * Composer of a conversation. Enter sends and Shift+Enter starts a new line. The engine
 * normalises and checks the text, queues it in the outbox (online or offline), and the
 * message shows in the list at once as pending. Keystrokes mark the user as typing for the
 * other member; sending or leaving the field clears the mark.
 */
export function ChatComposer({
  loanId,
  investorId,
  typing,
}: {
  loanId: string;
  investorId: string;
  typing?: Pick<TypingPresence, 'keystroke' | 'stop'>;
}) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const messages = useLiveStore((state) => state.chatMessages);
  useNow(QUOTA_REFRESH_MS);
  const [text, setText] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (user === null) return null;
  const quota = chatQuota(messages, user.id, estimateServerNow(messages, Date.now()));
  const quotaText = describeChatQuota(quota, i18n.language);
  const exhausted = quota.remaining === 0;
  const length = codePointCount(normaliseChatText(text));
  const tooLong = length > MAX_CHAT_MESSAGE_LENGTH;

  async function send(): Promise<void> {
    if (user === null || exhausted || sending) return;
    typing?.stop();
    setSending(true);
    try {
      const client = requireActiveClient('sending a chat message');
      // An investor writes in their own room; a borrower names the investor they reply to.
      await client.sendChatMessage(user.role === 'borrower' ? { loanId, investorId, text } : { loanId, text });
      setText('');
      setErrorKey(null);
    } catch (error) {
      setErrorKey(chatSendErrorKey(error, text));
    } finally {
      setSending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Enter while an input method composes a word confirms the word, not the message.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form className="chat-composer" onSubmit={onSubmit} noValidate data-testid="chat-composer">
      <label className="chat-composer__label" htmlFor={`chat-input-${loanId}-${investorId}`}>
        {t('chat.composer.label')}
      </label>
      <textarea
        id={`chat-input-${loanId}-${investorId}`}
        className="chat-composer__input"
        data-testid="chat-input"
        rows={3}
        value={text}
        placeholder={t('chat.composer.placeholder')}
        disabled={exhausted}
        aria-describedby={`chat-quota-${loanId}-${investorId}`}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '') typing?.stop();
          else typing?.keystroke();
          if (errorKey !== null) setErrorKey(null);
        }}
        onBlur={() => typing?.stop()}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer__footer">
        <span className="chat-composer__quota-line">
          <span
            id={`chat-quota-${loanId}-${investorId}`}
            className={`chat-composer__quota${exhausted ? ' chat-composer__quota--exhausted' : ''}`}
            data-testid="chat-quota"
            data-remaining={quota.remaining}
          >
            {t(quotaText.key, quotaText.values)}
          </span>
          <span
            className="chat-composer__quota-info"
            role="img"
            title={t('chat.quota.hint')}
            aria-label={t('chat.quota.hint')}
            data-testid="chat-quota-hint"
          >
            i
          </span>
        </span>
        <span
          className={`chat-composer__counter${tooLong ? ' chat-composer__counter--over' : ''}`}
          data-testid="chat-counter"
        >
          {t('chat.composer.counter', { length, max: MAX_CHAT_MESSAGE_LENGTH })}
        </span>
        <button type="submit" className="button button--primary" data-testid="chat-send" disabled={exhausted || sending || tooLong}>
          {t('chat.composer.send')}
        </button>
      </div>
      {tooLong && (
        <p className="form-error" data-testid="chat-too-long">{t('chat.errors.tooLong')}</p>
      )}
      {errorKey !== null && (
        <p className="form-error" role="alert" data-testid="chat-error">{t(errorKey)}</p>
      )}
    </form>
  );
}
