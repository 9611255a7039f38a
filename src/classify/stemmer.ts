// Italian stemmer: the Snowball "italian" algorithm (snowballstem.org/algorithms/italian/stemmer.html),
// written here so the classifier needs no NLP dependency. Input is one lower-cased word.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'à', 'è', 'ì', 'ò', 'ù']);
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.has(ch);

const ACUTE_TO_GRAVE: Record<string, string> = { á: 'à', é: 'è', í: 'ì', ó: 'ò', ú: 'ù' };

const PRONOUNS = [
  'gliela', 'gliele', 'glieli', 'glielo', 'gliene',
  'sene', 'mela', 'mele', 'meli', 'melo', 'mene', 'tela', 'tele', 'teli', 'telo', 'tene',
  'cela', 'cele', 'celi', 'celo', 'cene', 'vela', 'vele', 'veli', 'velo', 'vene',
  'gli', 'ci', 'la', 'le', 'li', 'lo', 'mi', 'ne', 'si', 'ti', 'vi',
];

const STEP1_DELETE_R2 = [
  'atrice', 'atrici', 'abile', 'abili', 'ibile', 'ibili', 'mente', 'iche', 'ichi', 'ismo', 'ismi',
  'ista', 'iste', 'isti', 'istà', 'istè', 'istì', 'anza', 'anze', 'ante', 'anti',
  'ico', 'ici', 'ica', 'ice', 'oso', 'osi', 'osa', 'ose',
];

const STEP2_VERB = [
  'erebbero', 'irebbero', 'assero', 'assimo', 'eranno', 'erebbe', 'eremmo', 'ereste', 'eresti', 'essero',
  'iranno', 'irebbe', 'iremmo', 'ireste', 'iresti', 'iscano', 'iscono', 'issero', 'arono', 'avamo', 'avano',
  'avate', 'eremo', 'erete', 'erono', 'evamo', 'evano', 'evate', 'iremo', 'irete', 'irono', 'ivamo', 'ivano',
  'ivate', 'ammo', 'ando', 'asse', 'assi', 'emmo', 'enda', 'ende', 'endi', 'endo', 'erai', 'erei',
  'iamo', 'immo', 'irai', 'irei', 'isca', 'isce', 'isci', 'isco', 'ano', 'are', 'ata', 'ate', 'ati', 'ato',
  'ava', 'avi', 'avo', 'erà', 'ere', 'erò', 'ete', 'eva', 'evi', 'evo', 'irà', 'ire', 'irò', 'ita', 'ite',
  'iti', 'ito', 'iva', 'ivi', 'ivo', 'ono', 'uta', 'ute', 'uti', 'uto', 'ar', 'ir',
];

/** Longest suffix of `word` among `suffixes`, or null. */
function longestSuffix(word: string, suffixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && (best === null || suffix.length > best.length)) best = suffix;
  }
  return best;
}

/** Start of the region after the first non-vowel following a vowel, from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

function rvStart(word: string): number {
  if (word.length < 2) return word.length;
  if (!isVowel(word[1])) {
    for (let i = 2; i < word.length; i++) if (isVowel(word[i])) return i + 1;
    return word.length;
  }
  if (isVowel(word[0]) && isVowel(word[1])) {
    for (let i = 2; i < word.length; i++) if (!isVowel(word[i])) return i + 1;
    return word.length;
  }
  return 3;
}

function prelude(word: string): string {
  let w = word.replace(/[áéíóú]/g, (ch) => ACUTE_TO_GRAVE[ch] ?? ch).replace(/qu/g, 'qU');
  // i and u between vowels act as consonants: mark them upper-case (restored at the end).
  const chars = [...w];
  for (let i = 1; i < chars.length - 1; i++) {
    if ((chars[i] === 'i' || chars[i] === 'u') && isVowel(chars[i - 1]) && isVowel(chars[i + 1])) {
      chars[i] = chars[i].toUpperCase();
    }
  }
  w = chars.join('');
  return w;
}

export function stemItalian(input: string): string {
  if (input.length < 3) return input;
  let word = prelude(input);
  const rv = rvStart(word);
  const r1 = regionAfter(word, 0);
  const r2 = regionAfter(word, r1);
  const inRegion = (suffixLength: number, start: number): boolean => word.length - suffixLength >= start;

  // Step 0: attached pronouns after a gerund or an infinitive.
  const pronoun = longestSuffix(word, PRONOUNS);
  if (pronoun !== null && inRegion(pronoun.length, rv)) {
    const before = word.slice(0, -pronoun.length);
    if (/(ando|endo)$/.test(before) && before.length - 4 >= rv) word = before;
    else if (/(ar|er|ir)$/.test(before) && before.length - 2 >= rv) word = before + 'e';
  }

  // Step 1: standard suffixes.
  const beforeStep1 = word;
  const s1 = longestSuffix(word, [
    ...STEP1_DELETE_R2, 'azione', 'azioni', 'atore', 'atori', 'logia', 'logie', 'uzione', 'uzioni', 'usione',
    'usioni', 'enza', 'enze', 'amento', 'amenti', 'imento', 'imenti', 'amente', 'ità', 'ivo', 'ivi', 'iva', 'ive',
  ]);
  if (s1 !== null) {
    const base = word.slice(0, -s1.length);
    const dropIfR2 = (suffix: string): void => {
      if (word.endsWith(suffix) && inRegion(suffix.length, r2)) word = word.slice(0, -suffix.length);
    };
    if (STEP1_DELETE_R2.includes(s1)) {
      if (inRegion(s1.length, r2)) word = base;
    } else if (['azione', 'azioni', 'atore', 'atori'].includes(s1)) {
      if (inRegion(s1.length, r2)) {
        word = base;
        dropIfR2('ic');
      }
    } else if (s1 === 'logia' || s1 === 'logie') {
      if (inRegion(s1.length, r2)) word = base + 'log';
    } else if (s1.startsWith('uzion') || s1.startsWith('usion')) {
      if (inRegion(s1.length, r2)) word = base + 'u';
    } else if (s1 === 'enza' || s1 === 'enze') {
      if (inRegion(s1.length, r2)) word = base + 'ente';
    } else if (['amento', 'amenti', 'imento', 'imenti'].includes(s1)) {
      if (inRegion(s1.length, rv)) word = base;
    } else if (s1 === 'amente') {
      if (inRegion(s1.length, r1)) {
        word = base;
        if (word.endsWith('iv') && inRegion(2, r2)) {
          word = word.slice(0, -2);
          dropIfR2('at');
        } else {
          for (const s of ['abil', 'os', 'ic']) {
            if (word.endsWith(s)) {
              dropIfR2(s);
              break;
            }
          }
        }
      }
    } else if (s1 === 'ità') {
      if (inRegion(s1.length, r2)) {
        word = base;
        for (const s of ['abil', 'ic', 'iv']) {
          if (word.endsWith(s)) {
            dropIfR2(s);
            break;
          }
        }
      }
    } else if (inRegion(s1.length, r2)) {
      // ivo ivi iva ive
      word = base;
      if (word.endsWith('at') && inRegion(2, r2)) {
        word = word.slice(0, -2);
        dropIfR2('ic');
      }
    }
  }

  // Step 2: verb suffixes, only when step 1 removed nothing.
  if (word === beforeStep1) {
    const s2 = longestSuffix(word, STEP2_VERB);
    if (s2 !== null && inRegion(s2.length, rv)) word = word.slice(0, -s2.length);
  }

  // Step 3a: a final vowel in RV, and an i before it in RV.
  if (/[aeioàèìò]$/.test(word) && inRegion(1, rv)) {
    word = word.slice(0, -1);
    if (word.endsWith('i') && inRegion(1, rv)) word = word.slice(0, -1);
  }
  // Step 3b: ch → c, gh → g in RV.
  if (/[cg]h$/.test(word) && inRegion(2, rv)) word = word.slice(0, -1);

  return word.replace(/[IU]/g, (ch) => ch.toLowerCase());
}

/**
 * Words whose Snowball stem would join an unrelated word on a comune's site: "lavori" are public or road works
 * ("Lavori all'acquedotto", "lavori pubblici", "fine lavori"), while "lavoro", "lavoratori", "lavorativa" are
 * employment ("lavor"). The verb "(tu) lavori" is rare there.
 */
const OWN_STEMS: ReadonlyMap<string, string> = new Map([['lavori', 'lavori']]);

/** The classifier's stemmer: stemItalian, except for OWN_STEMS. */
export function stemForClassifier(word: string): string {
  return OWN_STEMS.get(word) ?? stemItalian(word);
}
