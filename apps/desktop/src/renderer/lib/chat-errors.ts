import { validateChatText } from '@lastro/domain';
import { errorKind } from './errors';

/**
 * Returns the translation key of the message shown next to the composer when the engine did
 * not queue a chat message. For invalid text the key names the rule the text broke.
 */
export function chatSendErrorKey(error: unknown, text: string): string {
  switch (errorKind(error)) {
    case 'invalid_request': {
      const field: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'field') : undefined;
      if (field === 'text') {
        const validation = validateChatText(text);
        return validation.ok ? 'chat.errors.invalidText' : `chat.errors.${validation.reason === 'empty' ? 'empty' : 'tooLong'}`;
      }
      return 'chat.errors.invalidConversation';
    }
    case 'unauthorized':
    case 'session_revoked':
      return 'chat.errors.noSession';
    default:
      return 'chat.errors.unexpected';
  }
}

/** Returns the translation key of the message shown when the borrower's loan requests could not be listed. */
export function ownLoansErrorKey(error: unknown): string {
  switch (errorKind(error)) {
    case 'network':
      return 'chat.requests.errors.unreachable';
    case 'unauthorized':
    case 'session_revoked':
      return 'chat.errors.noSession';
    default:
      return 'chat.requests.errors.unexpected';
  }
}
