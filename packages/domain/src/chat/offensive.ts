import { DataSet, RegExpMatcher, collapseDuplicatesTransformer, englishRecommendedWhitelistMatcherTransformers } from 'obscenity';
import { foldForMatching } from './fold.js';
import { englishWords } from './words-en.js';
import { portugueseWords } from './words-pt.js';

/** Metadata of a blocked phrase: the word that {@link findOffensiveWord} reports. */
export interface BlockedWordMetadata {
  originalWord: string;
}

/** Leetspeak digits and symbols and the letters they stand for. */
const LEETSPEAK: ReadonlyMap<string, string> = new Map([
  ['4', 'a'],
  ['@', 'a'],
  ['3', 'e'],
  ['1', 'i'],
  ['0', 'o'],
  ['5', 's'],
  ['$', 's'],
  ['7', 't'],
]);

/** A word: letters, digits and the leetspeak symbols. */
const WORD = /[\p{L}\p{N}@$]+/gu;

const LETTER = /\p{L}/u;

/**
 * Single characters separated by up to three spaces or punctuation marks, such as "p u t a",
 * "p.u.t.a" or "f-d-p". Each character must be a word of its own, so "e a puta" joins only "e a".
 */
const SPACED_CHARACTERS =
  /(?<![\p{L}\p{N}@$])[\p{L}\p{N}@$](?:[^\p{L}\p{N}@$]{1,3}[\p{L}\p{N}@$](?![\p{L}\p{N}@$]))+/gu;

const SEPARATORS = /[^\p{L}\p{N}@$]/gu;

/** Letters that keep a run of two, because blocked words spell them doubled ("porra", "boob", "ass"). */
const DOUBLE_LETTERS = new Map([
  ['b', 2],
  ['e', 2],
  ['g', 2],
  ['l', 2],
  ['o', 2],
  ['r', 2],
  ['s', 2],
]);

/**
 * Replaces leetspeak only in words that contain a letter, so "p0rr4" becomes "porra" while
 * amounts such as "R$ 455,00" keep their digits. obscenity's `resolveLeetSpeakTransformer`
 * maps every digit and would read "455" as "ass".
 */
function resolveLeetspeak(text: string): string {
  return text.replace(WORD, (word) => {
    if (!LETTER.test(word)) return word;
    let resolved = '';
    for (const character of word) resolved += LEETSPEAK.get(character) ?? character;
    return resolved;
  });
}

/**
 * Prepares text for the matcher: folds it, joins spaced single characters and resolves
 * leetspeak. obscenity's `skipNonAlphabeticTransformer` would also join spaced letters, but
 * it removes every space, so whole-word patterns such as `|cu|` would match inside words.
 */
function prepareForMatching(text: string): string {
  // NOTE: a word split into longer pieces ("pu ta") or with a masked letter ("p*ta") is not joined.
  const joined = foldForMatching(text).replace(SPACED_CHARACTERS, (run) => run.replace(SEPARATORS, ''));
  return resolveLeetspeak(joined);
}

let blockedWords: DataSet<BlockedWordMetadata> | undefined;
let matcher: RegExpMatcher | undefined;

function getMatcher(): { words: DataSet<BlockedWordMetadata>; matcher: RegExpMatcher } {
  if (blockedWords === undefined || matcher === undefined) {
    blockedWords = new DataSet<BlockedWordMetadata>().addAll(portugueseWords).addAll(englishWords);
    matcher = new RegExpMatcher({
      ...blockedWords.build(),
      blacklistMatcherTransformers: [collapseDuplicatesTransformer({ customThresholds: DOUBLE_LETTERS })],
      whitelistMatcherTransformers: englishRecommendedWhitelistMatcherTransformers,
    });
  }
  return { words: blockedWords, matcher };
}

/**
 * Finds the first profanity or slur in the text and returns the blocked word it spells, such
 * as "puta" for "P U T 4", or `undefined` when there is none. Whole-word patterns match
 * after accents are removed, so "cuíca" and "acumulado" pass while "cú" does not.
 */
export function findOffensiveWord(text: string): string | undefined {
  const { words, matcher } = getMatcher();
  const [first] = matcher.getAllMatches(prepareForMatching(text), true);
  if (first === undefined) return undefined;
  return words.getPayloadWithPhraseMetadata(first).phraseMetadata?.originalWord;
}
