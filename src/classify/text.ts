// Text → terms for the classifier: Unicode tokens, lower-cased, Italian stop words dropped, Snowball stems
// with accents folded. The same function serves training and classification, so both see identical terms.
import { stemForClassifier } from './stemmer.js';
import { TermCounter } from './term-counter.js';

/** Removes diacritics: "città" → "citta", "perché" → "perche". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

// Snowball's Italian stop-word list (articles, prepositions, pronouns, forms of essere/avere/stare),
// kept accent-folded because tokens are compared after folding.
const STOP_WORDS_SOURCE = `
ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla dalle di del dello dei
degli dell degl della delle in nel nello nei negli nell negl nella nelle su sul sullo sui sugli sull sugl sulla
sulle per tra contro io tu lui lei noi voi loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra
nostri nostre vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se perche anche come
dov dove che chi cui non piu quale quanto quanti quanta quante quello quelli quella quelle questo questi questa
queste si tutto tutti a c e i l o ho hai ha abbiamo avete hanno abbia abbiate abbiano avro avrai avra avremo
avrete avranno avrei avresti avrebbe avremmo avreste avrebbero avevo avevi aveva avevamo avevate avevano ebbi
avesti ebbe avemmo aveste ebbero avessi avesse avessimo avessero avendo avuto avuta avuti avute sono sei e siamo
siete sia siate siano saro sarai sara saremo sarete saranno sarei saresti sarebbe saremmo sareste sarebbero ero
eri era eravamo eravate erano fui fosti fu fummo foste furono fossi fosse fossimo fossero essendo faccio fai
facciamo fanno faccia facciate facciano faro farai fara faremo farete faranno farei faresti farebbe faremmo
fareste farebbero facevo facevi faceva facevamo facevate facevano feci facesti fece facemmo faceste fecero
facessi facesse facessimo facessero facendo sto stai sta stiamo stanno stia stiate stiano staro starai stara
staremo starete staranno starei staresti starebbe staremmo stareste starebbero stavo stavi stava stavamo stavate
stavano stetti stesti stette stemmo steste stettero stessi stesse stessimo stessero stando
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORDS_SOURCE.split(/\s+/).filter(Boolean));

/** Longer tokens are hashes, base64 or glued junk: never useful features. */
const MAX_TOKEN_LENGTH = 30;
/** The table of tokens starts over past this size, so junk input cannot grow it without bound. */
const STEM_CACHE_LIMIT = 200_000;

/** Text → how many times each of its terms (stems, accent-folded, stop words removed) occurs, in order of first occurrence. */
export type TermFunction = (text: string) => Map<string, number>;

/**
 * A term function around a stemmer, each token's term computed once (term-counter.ts: tokenising and stemming
 * dominate classification time; a language's vocabulary is small). The stemmer sees the token with its accents.
 */
export function makeTermFunction(stem: (word: string) => string): TermFunction {
  const termOf = (token: string): string => {
    if (token.length > MAX_TOKEN_LENGTH) return '';
    const word = token.normalize('NFC');
    const folded = foldAccents(word);
    // Stop words, single letters and pure numbers carry no topic.
    if (folded.length < 2 || STOP_WORDS.has(folded) || /^\p{N}+$/u.test(folded)) return '';
    return foldAccents(stem(word));
  };
  const counter = new TermCounter(termOf, STEM_CACHE_LIMIT);
  return (text) => counter.count(text.toLowerCase());
}

/** The classifier's terms: Snowball Italian stems, "lavori" (works) kept apart from "lavoro" (employment). */
export const terms: TermFunction = makeTermFunction(stemForClassifier);
