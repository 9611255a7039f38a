// Page kinds a page shows by itself, whatever its URL or breadcrumb: a step of an online form (the breadcrumb of
// "Iscrizione alla scuola dell'infanzia – dati personali" reads like the service sheet's), the message that closes
// a flow, the citizen's personal area, and a home page served anywhere (/sito/homepage.html, /home).
import type { Localised, PageFacts, PageType, PageTypeGuess } from '../types.js';

export const say = (it: string, en: string): Localised => ({ it, en });

/** Lower-case, accents folded, punctuation to spaces: "Novità" and "novita" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const found = (type: PageType, reason: string, signals: Localised[]): PageTypeGuess => ({ type, section: null, reason, signals });

const mainHeading = (page: PageFacts): string => page.headings.find((heading) => heading.level === 1)?.text ?? '';

/** "Area personale - Nome del Comune" → ["Area personale", "Nome del Comune"]. */
function titleParts(title: string): string[] {
  return title
    .split(/\s+[-|–—»·:]\s+|\s*::\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------- end of a flow

/** "Richiesta inviata", "Pagamento effettuato", "Appuntamento confermato", "Documento creato". */
const CLOSING_HEADING =
  /^(la tua |la |il tuo |il )?(richiesta|domanda|istanza|pratica|segnalazione|prenotazione|appuntamento|pagamento|documento|iscrizione|modulo)\b(\s+\w+){0,3}\s+(inviat|confermat|effettuat|creat|ricevut|registrat|completat|accolt|trasmess|presentat|salvat)[aoei]$/;

function byClosingMessage(page: PageFacts): PageTypeGuess | null {
  const h1 = mainHeading(page);
  if (!CLOSING_HEADING.test(fold(h1))) return null;
  return found('confirmation', `closing h1 "${h1}"`, [
    say(`il titolo principale "${h1}" chiude una procedura`, `the main heading "${h1}" closes a procedure`),
  ]);
}

// ---------------------------------------------------------------- steps of a form

/** Bootstrap Italia's stepper component and the model's step navigation. */
const STEPPER_CLASS = /^(steppers|steppers-header|steppers-index|cmp-nav-steps)$/;
/** "2/5" alone on a line (the stepper's index), or "Passo 2 di 5". */
const STEP_INDEX = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$|\b(?:passo|step|fase)\s+(\d{1,2})\s+(?:di|of|su)\s+(\d{1,2})\b/im;
const BOOKING_LABEL = /\bprenot\w*( (un|gli|degli))? appuntament/;

function stepIndex(page: PageFacts): [number, number] | null {
  const match = STEP_INDEX.exec(page.mainText);
  if (!match) return null;
  const step = Number(match[1] ?? match[3]);
  const of = Number(match[2] ?? match[4]);
  return step >= 1 && step <= of ? [step, of] : null;
}

function byFormStep(page: PageFacts): PageTypeGuess | null {
  const stepper = page.classTokens.find((token) => STEPPER_CLASS.test(token));
  const h1 = mainHeading(page);
  if (stepper) {
    const index = stepIndex(page);
    const signals = [say(`la pagina usa il componente a passi (class="${stepper}")`, `the page uses the step component (class="${stepper}")`)];
    if (index) signals.push(say(`passo ${index[0]} di ${index[1]}`, `step ${index[0]} of ${index[1]}`));
    // The booking flow's first step is the booking page the home's `appointment-booking` link leads to.
    const labels = [h1, ...page.breadcrumb.slice(-1), ...titleParts(page.title).slice(0, 1)].map(fold);
    if (labels.some((label) => BOOKING_LABEL.test(label)) && (!index || index[0] === 1)) {
      return found('booking', `stepper ${stepper}, booking`, [...signals, say('è il primo passo della prenotazione di un appuntamento', 'it is the first step of booking an appointment')]);
    }
    return found('form-step', `stepper ${stepper}`, signals);
  }
  // The payment step of a flow: a page titled "Pagamento" with the pagoPA button.
  if (fold(h1) === 'pagamento' && /\bpaga(re)? con pagopa\b/i.test(page.mainText)) {
    return found('form-step', 'payment step', [
      say('titolo principale "Pagamento" e il pulsante "paga con pagoPA": un passo di pagamento', 'main heading "Pagamento" and the "paga con pagoPA" button: a payment step'),
    ]);
  }
  return null;
}

// ---------------------------------------------------------------- personal area

const PERSONAL_AREA = /\barea (personale|riservata)\b/;
const LOGIN_HEADING = /^(accedi|accesso|login|entra)\b|\b(accedi|accesso) (all )?area\b|^area (personale|riservata)$/;
const LOGIN_TEXT = /\b(entra|accedi) con (spid|cie)\b/i;

/** The citizen's area after login (desk, messages, practices) as against the page that asks to log in. */
function byPersonalArea(page: PageFacts): PageTypeGuess | null {
  const h1 = mainHeading(page);
  const heading = fold(h1);
  const labels: [Localised, string][] = [
    [say('briciole di pane', 'breadcrumb'), page.breadcrumb[page.breadcrumb.length - 1] ?? ''],
    [say('titolo della pagina', 'page title'), titleParts(page.title)[0] ?? ''],
    [say('titolo principale (h1)', 'main heading (h1)'), h1],
  ];
  const named = labels.find(([, text]) => PERSONAL_AREA.test(fold(text)));
  const welcome = /^bentornat[oa]\b/.test(heading);
  if (!named && !welcome) return null;
  const signal = named
    ? say(`${named[0].it} "${named[1]}": area personale`, `${named[0].en} "${named[1]}": personal area`)
    : say(`titolo principale "${h1}": il saluto a chi ha già fatto l’accesso`, `main heading "${h1}": the greeting after login`);
  if (LOGIN_HEADING.test(heading) || LOGIN_TEXT.test(page.mainText)) {
    return found('personal-area-login', 'personal area login', [signal, say('la pagina chiede di accedere', 'the page asks to log in')]);
  }
  return found('personal-area', 'personal area', [signal, say('la pagina mostra i dati di chi ha già fatto l’accesso', 'the page shows the data of a logged-in person')]);
}

// ---------------------------------------------------------------- home

/** A title part naming the organisation ("Comune di Valfiorita", the model's "Nome del Comune"). */
const ORGANISATION = /\b(comune|citta|municipio|unione dei comuni|unione)\b/;
/** A title part naming the home itself. */
const HOME_WORDS = /^(home( ?page)?|pagina (iniziale|principale)|benvenut[oi]\b.*|sito (ufficiale|istituzionale)\b.*|portale istituzionale\b.*)$/;
const HOME_SEGMENT = /^home( ?page)?$/;

function lastSegment(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return fold((segments[segments.length - 1] ?? '').replace(/\.(html?|php|aspx?|jsp)$/i, ''));
  } catch {
    return '';
  }
}

/**
 * A home page served anywhere: no breadcrumb (the home is where trails start), and either a title that names only
 * the organisation or the home ("Nome del Comune", "Home - Comune di Valfiorita") with a main heading that says
 * no more, or an address that names the home (/home, /sito/homepage.html).
 */
function byHomeContent(page: PageFacts): PageTypeGuess | null {
  const trail = page.breadcrumb.map(fold).filter((item) => item && !/^home( ?page)?$/.test(item));
  if (trail.length) return null;
  const address = page.finalUrl || page.url;
  const noTrail = say('nessuna briciola di pane: le briciole partono dalla home', 'no breadcrumb: trails start at the home');
  const parts = titleParts(page.title).map(fold);
  const h1 = mainHeading(page);
  const heading = fold(h1);
  const titleNamesSite = parts.length > 0 && parts.some((part) => ORGANISATION.test(part)) && parts.every((part) => ORGANISATION.test(part) || HOME_WORDS.test(part));
  // A page with no heading proves little: some CMSs title every page with the comune's name alone.
  const headingAgrees = heading !== '' && (parts.includes(heading) || ORGANISATION.test(heading) || HOME_WORDS.test(heading));
  if (titleNamesSite && headingAgrees) {
    return found('home', 'home by content', [
      noTrail,
      say(`il titolo "${page.title}" nomina solo l’ente o la home`, `the title "${page.title}" names only the organisation or the home`),
      say(`il titolo principale "${h1}" non nomina altro`, `the main heading "${h1}" names nothing else`),
    ]);
  }
  if (HOME_SEGMENT.test(lastSegment(address))) {
    return found('home', 'home by url', [noTrail, say(`l’indirizzo ${address} nomina la home`, `the URL ${address} names the home`)]);
  }
  return null;
}

/** The kinds a page shows by itself, or null to let the breadcrumb, the URL and the headings decide. */
export function byPageContent(page: PageFacts): PageTypeGuess | null {
  return byClosingMessage(page) ?? byFormStep(page) ?? byPersonalArea(page) ?? byHomeContent(page);
}
