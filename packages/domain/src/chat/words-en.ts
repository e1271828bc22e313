import { DataSet, englishDataset, pattern } from 'obscenity';
import type { BlockedWordMetadata } from './offensive.js';

/**
 * Phrases of obscenity's English dataset (obscenity 0.4.6, `englishDataset`) that collide with
 * Portuguese and are left out. "negro" is the neutral Portuguese word for black, "sex" is the
 * pt-BR abbreviation of "sexta-feira", and "retard" matches the verb "retardar" (to delay), so
 * `words-pt.ts` lists "retardado" and the English forms with word boundaries instead.
 */
const PHRASES_REMOVED = new Set(['negro', 'sex', 'retard']);

/**
 * Beginnings of Portuguese words, names and places that contain a pattern of the English
 * dataset, such as "análise" (`|anal`), "planalto" (`lanal`), "cumprir" (`|cum`), "semente"
 * (`|semen`), "assédio" (`|ass`), "desbastardes" (`bastard`) and "Fagundes" (`|fag`). They were
 * found by screening every word of the Debian package wbrazilian. The English dataset
 * already allows words such as "assessment".
 */
const PORTUGUESE_WORDS_ALLOWED = [
  'analis',
  'analit',
  'analf',
  'analg',
  'analic',
  'analand',
  'artesanal',
  'pantanal',
  'planalt',
  'cump',
  'cume',
  'cuma',
  'sement',
  'assad',
  'assea',
  'assec',
  'assed',
  'assee',
  'asseg',
  'assei',
  'assej',
  'asseo',
  'assep',
  'assex',
  'asso',
  'ass.:',
  'ass:',
  'desbastard',
  'fagoc',
  'fagul',
  'fagund',
  'rapei',
  'rapel',
  'rapem',
];

/**
 * obscenity's English dataset without the phrases that collide with Portuguese. The removed
 * "sex" phrase also matched "sexy", which stays blocked.
 */
export const englishWords = new DataSet<BlockedWordMetadata>()
  .addAll(englishDataset)
  .removePhrasesIf((phrase) => PHRASES_REMOVED.has(phrase.metadata?.originalWord ?? ''))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'sexy' }).addPattern(pattern`|s[s]e[e]xy|`))
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'idiot' })
      .addPattern(pattern`|idiot|`)
      .addPattern(pattern`|idiots|`)
      .addPattern(pattern`|idiotic|`),
  )
  // Whole words only, because Moroni is the capital of the Comoros.
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'moron' }).addPattern(pattern`|moron|`).addPattern(pattern`|morons|`))
  .addPhrase((phrase) => {
    for (const term of PORTUGUESE_WORDS_ALLOWED) phrase.addWhitelistedTerm(term);
    return phrase;
  });
