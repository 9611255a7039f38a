// Login detection shared by `spid` and `cie`: the official button kits, "Entra con …" links, images and forms,
// and links to the identity providers' authentication endpoints.
import { evidence, hostOf } from '../src/check/define.js';
import type { AnalysedPage, Evidence } from '../src/types.js';
import { classMarker, findLinks, hostIn, linkEvidence, linkWording } from './find.js';
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

/** Site host without "www.": own pages and own subdomains (servizi.comune.x.it) end with it. */
function ownHost(host: string, siteHost: string): boolean {
  const bare = siteHost.replace(/^www\./, '');
  return host === bare || host.endsWith(`.${bare}`);
}

/** Wording of a login for the scheme: "Entra con SPID", "Accedi con la CIE", "SPID login". */
export function loginWording(word: string): RegExp {
  return new RegExp(`${LOGIN_WORDS}\\b[^.\\n]{0,30}?${word}|${word}[^.\\n]{0,5}\\b(?:login|accesso)\\b`, 'i');
}

/** Login signals on the given pages (callers leave news pages out). */
export function findLogins(pages: AnalysedPage[], siteHost: string, spec: LoginSpec): LoginFindings {
  const word = new RegExp(spec.word, 'i');
  const wording = loginWording(spec.word);
  const logins: Evidence[] = [];

  for (const page of pages) {
    const token = classMarker(page, spec.buttonClasses);
    if (token) logins.push(evidence(page.url, `.${token}`, `class="${token}"`));
    else if (page.classTokens.includes(ITALIA_BUTTON_CLASS) && mentionsWord(page, word)) {
      logins.push(evidence(page.url, `.${ITALIA_BUTTON_CLASS}`, `class="${ITALIA_BUTTON_CLASS}"`, 'Italia login button next to the scheme name'));
    }
    const image = page.images.find((img) => img.alt !== null && wording.test(img.alt));
    if (image) logins.push(evidence(page.url, image.selector, `alt="${image.alt}"`));
    const form = page.forms.find((f) => word.test(f.action) && AUTH_PATH.test(f.action));
    if (form) logins.push(evidence(page.url, form.selector, form.action));
    const header = page.boilerplateText.split('\n').find((line) => wording.test(line));
    if (header) logins.push(evidence(page.url, 'text:boilerplate', header));
  }

  const ownOrEndpoint = (href: string) => {
    const host = hostOf(href);
    return ownHost(host, siteHost) || AUTH_PATH.test(href) || hostIn(host, spec.providerDomains);
  };
  const worded = findLinks(pages, (link) => wording.test(linkWording(link)));
  const providers = findLinks(pages, (link) => hostIn(hostOf(link.href), spec.providerDomains) && AUTH_PATH.test(link.href));
  for (const hit of [...worded.filter((h) => ownOrEndpoint(h.link.href)), ...providers]) {
    if (!logins.some((ev) => ev.url === hit.page.url && ev.selector === hit.link.selector)) logins.push(linkEvidence(hit));
  }
  const thirdParty = worded.filter((h) => !ownOrEndpoint(h.link.href)).map((hit) => linkEvidence(hit, 'login on another body’s site'));
  return { logins, thirdParty };
}

function mentionsWord(page: AnalysedPage, word: RegExp): boolean {
  return (
    word.test(page.mainText) ||
    word.test(page.boilerplateText) ||
    page.images.some((img) => img.alt !== null && word.test(img.alt)) ||
    page.links.some((link) => word.test(linkWording(link)))
  );
}
