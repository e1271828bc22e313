import { resolveConfusablesTransformer } from 'obscenity';

/** Format characters and default-ignorable code points: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD and the like. */
export const INVISIBLE_CHARACTERS = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

const COMBINING_MARKS = /\p{M}/gu;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Cyrillic letters that look like Latin ones. obscenity's confusables table maps them too, and
 * this table keeps the mapping if a later version of that table changes.
 */
const CYRILLIC_LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['х', 'x'],
  ['у', 'y'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
]);

const resolveConfusable = resolveConfusablesTransformer().transform;

function foldCharacter(character: string): string {
  const lookAlike = CYRILLIC_LOOK_ALIKES.get(character);
  if (lookAlike !== undefined) return lookAlike;

  const codePoint = character.codePointAt(0)!;
  if (codePoint < 0x80) return character;

  const resolved = resolveConfusable(codePoint);
  if (resolved !== undefined && resolved < 0x80) return String.fromCodePoint(resolved).toLowerCase();

  // A letter that has no ASCII look-alike still belongs to its word. The underscore is a word
  // character for the `\b` of obscenity's word boundaries and matches no blocked pattern.
  return LETTER_OR_NUMBER.test(character) ? '_' : character;
}

/**
 * Folds text to lowercase ASCII letters and digits, keeping spaces and punctuation, so that
 * look-alike spellings compare equal. It removes invisible characters, applies NFKC (which maps
 * fullwidth and mathematical letters and digits to ASCII), lowercases, removes accents and other
 * combining marks, and maps look-alike letters with obscenity's confusables table. Letters and
 * digits with no ASCII look-alike become `_`. The result is for matching only and is never shown.
 */
export function foldForMatching(text: string): string {
  const decomposed = text
    .replace(INVISIBLE_CHARACTERS, '')
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');

  let folded = '';
  for (const character of decomposed) folded += foldCharacter(character);
  return folded;
}
