// Governance — GDPR basics a website shows: a privacy-policy link (AgID C.SI.3.3, over https), the data protection
// officer's contact, and no third-party tracker that runs before consent — a tracker script that runs as the page
// loads, or a tracker cookie the server sets in its own response. Trackers a consent manager holds back
// (type="text/plain") are fine. Fail: no privacy link, or running trackers with no consent manager at all.
// Partial: running trackers next to a consent manager (it may block them at run time: a browser run can tell),
// a privacy link over http, or no DPO contact. Pass: none of these.
import { defineRule, evidence, fail, hostOf, joinLocalised, nameNote, okPages, partial, pass } from '../src/check/define.js';
import type { AnalysedPage, Evidence, Localised } from '../src/types.js';
import { capEvidence, findLinks, findTrackers, hostIn, linkEvidence, linkWording, mentions, notFound, type TrackerHit } from './find.js';
import { CONSENT_MANAGERS, DPO_TEXT, PRIVACY_LINK_TEXT, TRACKERS } from './signals.js';

/** Tracker cookies in the pages' own set-cookie headers: set before the visitor could consent. */
function trackerCookies(pages: readonly AnalysedPage[]): TrackerHit[] {
  const hits: TrackerHit[] = [];
  for (const tracker of TRACKERS) {
    if (!tracker.cookies) continue;
    for (const page of pages) {
      const cookie = page.cookies.find((c) => tracker.cookies!.test(c.name));
      if (cookie) {
        hits.push({ tracker, evidence: evidence(page.url, 'header:set-cookie', `${cookie.name}${cookie.domain ? `; Domain=${cookie.domain}` : ''}`, nameNote(tracker.name)) });
        break;
      }
    }
  }
  return hits;
}

function findConsentManager(pages: readonly AnalysedPage[]): { name: string; evidence: Evidence } | null {
  for (const page of pages) {
    for (const manager of CONSENT_MANAGERS) {
      const note = { it: `gestore del consenso ${manager.name}`, en: `${manager.name} consent manager` };
      const src = [...page.scripts, ...page.stylesheets].find(
        (url) => hostIn(hostOf(url), manager.domains) || (manager.path !== null && manager.path.test(url)),
      );
      if (src) return { name: manager.name, evidence: evidence(page.url, 'script[src]', src, note) };
      if (manager.classToken && page.classTokens.includes(manager.classToken)) {
        return { name: manager.name, evidence: evidence(page.url, `.${manager.classToken}`, `class="${manager.classToken}"`, note) };
      }
    }
  }
  return null;
}

export default defineRule(
  {
    id: 'privacy',
    point: 'privacy',
    title: { it: 'Privacy e cookie conformi al GDPR', en: 'GDPR-compliant privacy and cookies' },
    failureTitle: { it: 'Problemi di privacy o cookie', en: 'Privacy or cookie problems' },
    law: 'Reg. UE 2016/679 (GDPR) artt. 13 e 37–39; D.lgs. 196/2003 art. 122; Linee guida Garante cookie 10/6/2021; AgID C.SI.3.1, C.SI.3.3',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    // The model marks the footer link with data-element="privacy-policy-link"; other sites by its wording. Footer first.
    const privacyLinks = findLinks(pages, (link) => link.dataElement === 'privacy-policy-link' || PRIVACY_LINK_TEXT.test(linkWording(link))).sort(
      (a, b) => Number(b.link.region === 'footer') - Number(a.link.region === 'footer'),
    );
    const privacyLink = privacyLinks.find((hit) => hit.link.href.startsWith('https:')) ?? privacyLinks[0];
    const dpoMail = findLinks(pages, (link) => /^mailto:[^@]*\b(?:dpo|rpd)\b/i.test(link.href))[0];
    const dpoText = mentions(pages, DPO_TEXT, { includeBoilerplate: true }).affirmed[0];
    const dpo = dpoMail
      ? linkEvidence(dpoMail, { it: 'contatto del RPD/DPO', en: 'DPO contact' })
      : dpoText
        ? { ...dpoText, note: { it: 'RPD/DPO indicato nel testo', en: 'DPO named in the text' } }
        : null;
    const running = findTrackers(pages);
    const cookieHits = trackerCookies(pages).filter((hit) => !running.some((r) => r.tracker === hit.tracker));
    const trackers = [...running, ...cookieHits];
    const held = findTrackers(pages, TRACKERS, true).filter((hit) => !trackers.some((t) => t.tracker === hit.tracker));
    const consent = findConsentManager(pages);
    const cookies = [...new Set(pages.flatMap((page) => page.cookies.map((c) => (c.domain ? `${c.name} (${c.domain})` : c.name))))].sort();
    const details = {
      privacyPolicyLink: privacyLink?.link.href ?? null,
      dpoContact: dpo !== null,
      trackers: trackers.map((hit) => hit.tracker.name),
      trackersHeldForConsent: held.map((hit) => hit.tracker.name),
      consentManager: consent?.name ?? null,
      cookies,
    };
    const trackerEvidence = trackers.map((hit) => hit.evidence);
    const found = [...(privacyLink ? [linkEvidence(privacyLink, { it: 'informativa privacy', en: 'privacy policy' })] : []), ...(dpo ? [dpo] : [])];
    const names = details.trackers.join(', ');

    if (!privacyLink) {
      return notFound(
        site,
        capEvidence(trackerEvidence),
        { it: 'Nessun link all’informativa privacy.', en: 'No link to the privacy policy.' },
        details,
      );
    }
    if (trackers.length && !consent) {
      return fail(
        capEvidence([...trackerEvidence, ...found]),
        {
          it: `Tracciatori di terze parti caricati senza alcun gestore del consenso: ${names}.`,
          en: `Third-party trackers loaded with no consent manager: ${names}.`,
        },
        details,
      );
    }
    const problems: Localised[] = [];
    if (trackers.length) {
      problems.push({ it: `tracciatori (${names}) da verificare con il gestore del consenso ${consent!.name}`, en: `trackers (${names}) to check against the ${consent!.name} consent manager` });
    }
    if (!privacyLink.link.href.startsWith('https:')) problems.push({ it: 'informativa privacy non in https', en: 'privacy policy not over https' });
    if (!dpo) problems.push({ it: 'nessun contatto del responsabile della protezione dei dati (RPD/DPO)', en: 'no contact of the data protection officer (DPO)' });
    if (problems.length) {
      const toFix = joinLocalised(problems);
      return partial(
        capEvidence([...trackerEvidence, ...(consent ? [consent.evidence] : []), ...found]),
        {
          it: `Informativa privacy presente; da sistemare: ${toFix.it}.`,
          en: `Privacy policy present; to fix: ${toFix.en}.`,
        },
        details,
      );
    }
    return pass(
      capEvidence([...found, ...held.map((hit) => ({ ...hit.evidence, note: { it: `${hit.tracker.name}: bloccato fino al consenso`, en: `${hit.tracker.name}: held until consent` } }))]),
      {
        it: 'Informativa privacy in https, contatto del RPD e nessun tracciatore di terze parti nel codice delle pagine.',
        en: 'Privacy policy over https, DPO contact and no third-party tracker in the pages’ code.',
      },
      details,
    );
  },
);
