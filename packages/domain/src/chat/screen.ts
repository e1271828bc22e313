import { findOffPlatformContacts, type OffPlatformContactKind } from './contact.js';
import { findOffensiveWord } from './offensive.js';
import { normaliseChatText } from './text.js';

/**
 * Decision on a chat message. A rejected message contains a profanity or slur and is not
 * posted, and `matched` is the blocked word it spells, not the sender's spelling. A held
 * message contains contact or payment details, listed in `kinds`, and waits for review.
 */
export type ChatScreening =
  | { decision: 'accept' }
  | { decision: 'reject'; reason: 'offensive_language'; matched: string }
  | { decision: 'hold'; reason: 'off_platform_contact'; kinds: OffPlatformContactKind[] };

/**
 * Screens a chat message after {@link normaliseChatText}. Offensive language is checked first
 * and rejects the message. Only an otherwise acceptable message is checked for off-platform
 * contact details, which hold it. Empty and over-long text is accepted here, so call
 * `validateChatText` first.
 */
export function screenChatMessage(text: string): ChatScreening {
  const normalised = normaliseChatText(text);

  const offensiveWord = findOffensiveWord(normalised);
  if (offensiveWord !== undefined) {
    return { decision: 'reject', reason: 'offensive_language', matched: offensiveWord };
  }

  const kinds = findOffPlatformContacts(normalised);
  if (kinds.length > 0) {
    return { decision: 'hold', reason: 'off_platform_contact', kinds };
  }

  return { decision: 'accept' };
}
