import { MAX_CHAT_MESSAGE_LENGTH, validateChatText } from '@lastro/domain';
import { MAX_ID_LENGTH } from '@lastro/protocol';
import type { Flags } from '../args.js';
import { usageError } from '../output.js';

/** Seconds `lastro chat send` waits for the server's decision when --timeout is not given. */
export const DEFAULT_DECISION_TIMEOUT_SECONDS = 30;
/** Maximum --timeout, in seconds. */
export const MAX_DECISION_TIMEOUT_SECONDS = 600;

/** Checks an id flag against the id rules of the wire format: 1 to 64 characters, no whitespace. */
function idFlag(name: string, value: string, example: string): string {
  if (value === '' || value.length > MAX_ID_LENGTH || /\s/.test(value)) {
    throw usageError(`invalid --${name} ${JSON.stringify(value)}: use an id of 1 to ${MAX_ID_LENGTH} characters without spaces, such as ${example}`);
  }
  return value;
}

/** Returns the required --loan value. */
export function loanFlag(flags: Flags): string {
  if (flags.loan === undefined) {
    throw usageError('missing --loan: pass the id of a loan, such as --loan emp-00008 ("lastro loans list" prints the ids)');
  }
  return idFlag('loan', flags.loan, 'emp-00008');
}

/** Returns the optional --investor value. */
export function investorFlag(flags: Flags): string | undefined {
  return flags.investor === undefined ? undefined : idFlag('investor', flags.investor, 'the investorId printed by "lastro chat list"');
}

/**
 * Returns the required --text value after the same checks the engine and the server apply:
 * not empty once trimmed and at most 2,000 Unicode code points. The text is sent as typed,
 * because the engine normalises it.
 */
export function textFlag(flags: Flags): string {
  if (flags.text === undefined) {
    throw usageError('missing --text: pass the message, such as --text "Olá, qual é o prazo?"');
  }
  const validation = validateChatText(flags.text);
  if (!validation.ok && validation.reason === 'empty') {
    throw usageError(`invalid --text ${JSON.stringify(flags.text)}: the message is empty; pass some text`);
  }
  if (!validation.ok) {
    const length = [...flags.text.normalize('NFC').trim()].length;
    throw usageError(
      `invalid --text: the message has ${length} characters, more than the maximum of ${MAX_CHAT_MESSAGE_LENGTH}; shorten it or split it into several messages`,
    );
  }
  return flags.text;
}

/** Returns --timeout in milliseconds: a positive number of seconds up to {@link MAX_DECISION_TIMEOUT_SECONDS}. */
export function timeoutFlag(flags: Flags): number {
  if (flags.timeout === undefined) return DEFAULT_DECISION_TIMEOUT_SECONDS * 1000;
  const seconds = /^\d+(\.\d+)?$/.test(flags.timeout) ? Number(flags.timeout) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_DECISION_TIMEOUT_SECONDS)) {
    throw usageError(
      `invalid --timeout ${JSON.stringify(flags.timeout)}: use a number of seconds greater than 0 and at most ${MAX_DECISION_TIMEOUT_SECONDS}, such as --timeout 30`,
    );
  }
  return Math.round(seconds * 1000);
}
