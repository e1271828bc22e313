import { DataSet, pattern } from 'obscenity';
import type { BlockedWordMetadata } from './offensive.js';

/**
 * Brazilian Portuguese profanities and slurs, with their usual spellings and inflections.
 *
 * The words were chosen from the Portuguese lists of "List of Dirty, Naughty, Obscene, and
 * Otherwise Bad Words" (github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words,
 * file `pt`, and its successor LDNOOBWV2/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words_V2,
 * file `data/pt.txt`). Those lists also contain everyday words ("mesa", "cerveja", "coragem"),
 * so only words whose common meaning in Brazil is offensive were kept. Words with a common
 * innocent meaning are left out, because a rejected message cannot be posted. These are "pau",
 * "pinto", "rola", "pica", "saco", "rabo", "veado", "macaco", "piranha", "vaca", "galinha",
 * "crioulo", "arrombado", "porrada", "rapariga", "biscate" (also an odd job), "burro" ("caro pra
 * burro" means very expensive), "trouxa" (also a bundle) and "vagabundo" (also shoddy). Only the whole word "vadia" is blocked, because the verb "vadiar" (to loaf)
 * starts with it.
 *
 * Patterns use obscenity's syntax (`|` is a word boundary, `[x]` an optional part) and are
 * matched against text folded by `foldForMatching` and the leetspeak step: lowercase ASCII
 * without accents, with runs of a repeated letter collapsed to one letter, or to two for
 * b, e, g, l, o, r and s. Whitelisted terms are innocent words that contain a pattern.
 */
export const portugueseWords = new DataSet<BlockedWordMetadata>()
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'puta' })
      .addPattern(pattern`|puta`)
      .addPattern(pattern`|puto|`)
      .addPattern(pattern`|putos|`)
      .addPattern(pattern`|putinh`)
      .addPattern(pattern`|putona`)
      .addPattern(pattern`|pqp|`)
      .addPattern(pattern`|fdp|`)
      .addPattern(pattern`|fdps|`)
      .addWhitelistedTerm('putativ'),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'caralho' })
      .addPattern(pattern`car[r]alh`)
      .addPattern(pattern`karalh`)
      .addPattern(pattern`|carai|`)
      .addPattern(pattern`|caraio`)
      .addPattern(pattern`|krl|`)
      .addPattern(pattern`|crl|`),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'porra' })
      .addPattern(pattern`|porra|`)
      .addPattern(pattern`|porras|`)
      .addPattern(pattern`|poha|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'merda' }).addPattern(pattern`|merd`))
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'bosta' }).addPattern(pattern`|bosta`).addPattern(pattern`|bostinh`),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'foder' })
      .addPattern(pattern`|foda`)
      .addPattern(pattern`|fode`)
      .addPattern(pattern`|fodi`)
      .addPattern(pattern`|fude`)
      .addPattern(pattern`|fudi`)
      .addPattern(pattern`|vsf|`),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'cu' })
      .addPattern(pattern`|cu|`)
      .addPattern(pattern`|cuzao`)
      .addPattern(pattern`|cuzona`)
      .addPattern(pattern`|cusao`)
      .addPattern(pattern`|cuzinh`)
      .addPattern(pattern`|cuzud`)
      .addPattern(pattern`|tnc|`)
      .addPattern(pattern`|vtnc|`)
      .addPattern(pattern`|vtmnc|`),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'buceta' })
      .addPattern(pattern`bucet`)
      .addPattern(pattern`bocet`)
      .addPattern(pattern`|xoxot`)
      .addPattern(pattern`|xerec`)
      .addPattern(pattern`|xota|`)
      .addPattern(pattern`|xotas|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'piroca' }).addPattern(pattern`|piroc`))
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'cacete' }).addPattern(pattern`|cacet`).addWhitelistedTerm('cacetinho'),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'punheta' }).addPattern(pattern`|punhet`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'siririca' }).addPattern(pattern`|siriric`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'boquete' }).addPattern(pattern`|boquet`))
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'babaca' }).addPattern(pattern`|babaca|`).addPattern(pattern`|babacas|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'otário' }).addPattern(pattern`|otari`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'imbecil' }).addPattern(pattern`|imbecil`))
  // Only the whole words: "idiotismo" is also the linguists' word for an idiom.
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'idiota' }).addPattern(pattern`|idiota|`).addPattern(pattern`|idiotas|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'cretino' }).addPattern(pattern`|cretin`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'canalha' }).addPattern(pattern`|canalh`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'safado' }).addPattern(pattern`|safad`))
  // The feminine only: the masculine "vagabundo" also means shoddy, as in "material vagabundo".
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'vagabunda' }).addPattern(pattern`|vagabunda|`).addPattern(pattern`|vagabundas|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'escroto' }).addPattern(pattern`|escrot`))
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'corno' })
      .addPattern(pattern`|corno`)
      .addPattern(pattern`|corna|`)
      .addPattern(pattern`|cornas|`)
      .addPattern(pattern`|cornud`),
  )
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'vadia' }).addPattern(pattern`|vadia|`).addPattern(pattern`|vadias|`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'quenga' }).addPattern(pattern`|queng`))
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'desgraçado' })
      .addPattern(pattern`|desgracad`)
      .addWhitelistedTerm('desgracadament'),
  )
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'viado' })
      .addPattern(pattern`|viado|`)
      .addPattern(pattern`|viados|`)
      .addPattern(pattern`|viada|`)
      .addPattern(pattern`|viadas|`)
      .addPattern(pattern`|viadinh`)
      .addPattern(pattern`|viadao`)
      .addPattern(pattern`|viadona`)
      .addPattern(pattern`|viadagem`),
  )
  // NOTE: "bicha" is a slur in Brazil but also means "queue" in Portugal and "worm" in
  // some regions, so Portuguese speakers from outside Brazil can be rejected by mistake.
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'bicha' })
      .addPattern(pattern`|bicha|`)
      .addPattern(pattern`|bichas|`)
      .addPattern(pattern`|bichona`)
      .addPattern(pattern`|bixa|`),
  )
  .addPhrase((phrase) =>
    phrase.setMetadata({ originalWord: 'sapatão' }).addPattern(pattern`|sapatao`).addPattern(pattern`|sapatona`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'traveco' }).addPattern(pattern`|travec`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'boiola' }).addPattern(pattern`|boiol`))
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'baitola' }).addPattern(pattern`|baitol`))
  // "Retardado" is also the past participle of "retardar" (to delay), which Brazilian
  // Portuguese seldom uses. "Retardar", "retardo" and "retardatário" do not match.
  .addPhrase((phrase) =>
    phrase
      .setMetadata({ originalWord: 'retardado' })
      .addPattern(pattern`|retardad`)
      .addPattern(pattern`|retard|`)
      .addPattern(pattern`|retards|`)
      .addPattern(pattern`|retarded`),
  )
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: 'mongoloide' }).addPattern(pattern`|mongoloid`));
