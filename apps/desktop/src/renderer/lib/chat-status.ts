import type { ChatMessageDoc } from '@lastro/protocol';
import { formatTimeSaoPaulo, type TranslatedText } from './chat-quota';

/** Status of one of the user's own messages, as the sender's message list shows it. */
export type OwnMessageState =
  | 'sending'
  | 'waiting_for_connection'
  | 'delivered'
  | 'released_by_support'
  | 'held'
  | 'rejected'
  | 'rejected_by_support';

export interface OwnMessageStatus {
  state: OwnMessageState;
  text: TranslatedText;
}

/**
 * Describes the status of one of the user's own messages. `online` separates a message being
 * sent from one that waits for the connection. `translate` returns the text of a translation
 * key; the reason and the contact kinds (joined as a list in `locale`) are translated with it.
 */
export function describeOwnMessageStatus(
  message: ChatMessageDoc,
  online: boolean,
  locale: string,
  translate: (key: string) => string,
): OwnMessageStatus {
  switch (message.status) {
    case 'pending':
      return online
        ? { state: 'sending', text: { key: 'chat.status.sending', values: {} } }
        : { state: 'waiting_for_connection', text: { key: 'chat.status.waitingForConnection', values: {} } };
    case 'accepted':
      // A released message keeps the contact kinds that held it.
      return message.contactKinds !== undefined && message.contactKinds.length > 0
        ? { state: 'released_by_support', text: { key: 'chat.status.releasedBySupport', values: {} } }
        : { state: 'delivered', text: { key: 'chat.status.delivered', values: {} } };
    case 'held': {
      const kinds = new Intl.ListFormat(locale, { type: 'conjunction' }).format((message.contactKinds ?? []).map((kind) => translate(`chat.contactKinds.${kind}`)));
      return { state: 'held', text: { key: kinds === '' ? 'chat.status.heldNoKinds' : 'chat.status.held', values: { kinds } } };
    }
    case 'rejected':
      if (message.reason === 'rejected_by_support') {
        return { state: 'rejected_by_support', text: { key: 'chat.status.rejectedBySupport', values: {} } };
      }
      if (message.reason === 'rate_limited' && message.retryAt !== undefined) {
        return {
          state: 'rejected',
          text: { key: 'chat.status.rateLimited', values: { time: formatTimeSaoPaulo(message.retryAt, locale) } },
        };
      }
      return {
        state: 'rejected',
        text: { key: 'chat.status.rejected', values: { reason: translate(`chat.reasons.${message.reason ?? 'unknown'}`) } },
      };
  }
}
