// Login detection shared by `spid` and `cie`: the official button kits, "Entra con …" links, images and forms,
// and links to the identity providers' authentication endpoints.
import { evidence, hostOf } from '../src/check/define.js';
import type { AnalysedPage, Evidence } from '../src/types.js';
import { classMarker, findLinks, firstLineMatching, hostIn, linkEvidence, linkWording } from './find.js';
import { AUTH_PATH, ITALIA_BUTTON_CLASS, LOGIN_WORDS } from './signals.js';

export interface LoginSpec {
  /** The scheme's name as a pattern without flags, e.g. String.raw`\bspid\b`. */
  word: string;
  buttonClasses: readonly string[];
  /** Identity-provider hosts: a link there counts when its path is an authentication endpoint. */
  providerDomains: readonly string[];
}

export interface LoginFindings {
  /** Login buttons, links, images and forms on the comune's own pages or login endpoints. */
  logins: Evidence[];
  /** "Accedi con SPID" links to another body's site (INPS, Agenzia delle Entrate…): a mention, not the comune's login. */
  thirdParty: Evidence[];
}

/** Longest line read as a button label rather than a sentence. */
const BUTTON_TEXT_MAX = 40;

/** Site host without "www.": own pages and own subdomains (servizi.comune.x.it) end with it. */
function ownHost(host: string, siteHost: string): boolean {
  const bare = siteHost.replace(/^www\./, '');
  return host === bare || host.endsWith(`.${bare}`);
}

/** Wording of a login for the scheme: "Entra con SPID", "Accedi con la CIE", "SPID login". */
function loginWording(word: string): RegExp {
  return new RegExp(`${LOGIN_WORDS}\\b[^.\\n]{0,30}?${word}|${word}[^.\\n]{0,5}\\b(?:login|accesso)\\b`, 'i');
}

/** Login signals on the given pages (callers leave news pages out). */
export function findLogins(pages: readonly AnalysedPage[], siteHost: string, spec: LoginSpec): LoginFindings {
  const word = new RegExp(spec.word, 'i');
  const wording = loginWording(spec.word);
  const logins: Evidence[] = [];

  for (const page of pages) {
    const token = classMarker(page, spec.buttonClasses);
    if (token) logins.push(evidence(page.url, `.${token}`, `class="${token}"`));
    const image = page.images.find((img) => img.alt !== null && wording.test(img.alt));
    if (image) logins.push(evidence(page.url, image.selector, `alt="${image.alt}"`));
    const form = page.forms.find((f) => word.test(f.action) && AUTH_PATH.test(f.action));
    if (form) logins.push(evidence(page.url, form.selector, form.action));
    // A short line of its own is a button or label ("Entra con SPID"), not a sentence in an article. Link texts are
    // left to the link checks below, which tell the comune's login from another body's.
    let linkTexts: Set<string> | null = null;
    for (const [selector, text] of [['text', page.mainText], ['text:boilerplate', page.boilerplateText]] as const) {
      const line = firstLineMatching(text, wording, (l) => {
        linkTexts ??= new Set(page.links.map((link) => link.text));
        return l.length <= BUTTON_TEXT_MAX && !linkTexts.has(l);
      });
      if (!line) continue;
      const italiaButton = page.classTokens.includes(ITALIA_BUTTON_CLASS);
      logins.push(evidence(page.url, italiaButton ? `.${ITALIA_BUTTON_CLASS}` : selector, line, italiaButton ? { it: 'pulsante di accesso Italia', en: 'Italia login button' } : { it: 'testo del pulsante', en: 'button text' }));
      break;
    }
  }

  const ownOrEndpoint = (href: string) => {
    const host = hostOf(href);
    return ownHost(host, siteHost) || AUTH_PATH.test(href) || hostIn(host, spec.providerDomains);
  };
  const worded = findLinks(pages, (link) => wording.test(linkWording(link)));
  const providers = findLinks(pages, (link) => hostIn(link.host, spec.providerDomains) && AUTH_PATH.test(link.href));
  for (const hit of [...worded.filter((h) => ownOrEndpoint(h.link.href)), ...providers]) {
    if (!logins.some((ev) => ev.url === hit.page.url && ev.selector === hit.link.selector)) logins.push(linkEvidence(hit));
  }
  const thirdParty = worded.filter((h) => !ownOrEndpoint(h.link.href)).map((hit) => linkEvidence(hit, { it: 'accesso sul sito di un altro ente', en: 'login on another body’s site' }));
  return { logins, thirdParty };
}
