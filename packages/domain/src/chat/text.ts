import { INVISIBLE_CHARACTERS } from './fold.js';

/** Maximum length of a chat message in Unicode code points, counted after {@link normaliseChatText}. */
export const MAX_CHAT_MESSAGE_LENGTH = 2000;

/** Result of {@link validateChatText}: the normalised text to store, or why it cannot be sent. */
export type ChatTextValidation =
  | { ok: true; text: string }
  | { ok: false; reason: 'empty' | 'too_long'; message: string };


/**
 * Converts chat text to the form that is stored and displayed: Unicode NFC without leading
 * or trailing whitespace. It does not shorten the text, so check the length with
 * {@link validateChatText}.
 */
export function normaliseChatText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Counts Unicode code points, so an emoji made of several code points counts as several. */
function countCodePoints(text: string): number {
  let count = 0;
  for (const _codePoint of text) count++;
  return count;
}

/**
 * Normalises chat text with {@link normaliseChatText} and checks that it can be sent. Text
 * that is empty or contains only whitespace and invisible characters is `empty`. Text
 * longer than {@link MAX_CHAT_MESSAGE_LENGTH} Unicode code points is `too_long`.
 *
 * The limit counts code points, not user-perceived characters (grapheme clusters), because
 * one grapheme cluster can hold any number of combining marks, and because grapheme rules
 * change between Unicode versions while the server and the browsers must agree on the count.
 */
export function validateChatText(text: string): ChatTextValidation {
  const normalised = normaliseChatText(text);

  if (normalised.replace(INVISIBLE_CHARACTERS, '').trim() === '') {
    return { ok: false, reason: 'empty', message: 'The message is empty: type some text before sending it.' };
  }

  const length = countCodePoints(normalised);
  if (length > MAX_CHAT_MESSAGE_LENGTH) {
    return {
      ok: false,
      reason: 'too_long',
      message: `The message has ${length} characters, more than the maximum of ${MAX_CHAT_MESSAGE_LENGTH}: shorten it or split it into several messages.`,
    };
  }

  return { ok: true, text: normalised };
}
