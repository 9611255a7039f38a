// Governance — data-driven monitoring. Pass: Web Analytics Italia (AgID's Matomo) and no non-EU analytics.
// Partial: WAI next to a non-EU tracker, or EU analytics that is not WAI (self-hosted Matomo, ShinyStat…).
// Fail: only non-EU analytics (Garante 2022 decisions on Google Analytics). No client-side analytics at all is
// unknown: the comune may measure from server logs, which a website cannot show.
import { defineRule, evidence, fail, hostOf, nameNote, okPages, partial, pass, unknown } from '../src/check/define.js';
import type { AnalysedPage, Evidence, Localised } from '../src/types.js';
import { capEvidence, findTrackers, hostIn, inlineSnippet, pageScripts } from './find.js';
import { MATOMO_INLINE, MATOMO_SCRIPT, TRACKERS, WAI_DOMAINS, WAI_INLINE } from './signals.js';

// Scripts held by a consent manager count: they measure once the visitor accepts.
function findScript(pages: readonly AnalysedPage[], bySource: (url: string) => boolean, byInline: (body: string) => boolean, inlinePattern: RegExp, note: Localised): Evidence | null {
  for (const page of pages) {
    const { sources, inline } = pageScripts(page, true);
    const src = sources.find(bySource);
    if (src) return evidence(page.url, 'script[src]', src, note);
    const body = inline.find(byInline);
    if (body) return evidence(page.url, 'script', inlineSnippet(body, inlinePattern), note);
  }
  return null;
}

const findWai = (pages: readonly AnalysedPage[]) =>
  findScript(pages, (url) => hostIn(hostOf(url), WAI_DOMAINS), (body) => WAI_INLINE.test(body), WAI_INLINE, nameNote('Web Analytics Italia'));

const findOtherMatomo = (pages: readonly AnalysedPage[]) =>
  findScript(
    pages,
    (url) => MATOMO_SCRIPT.test(url) && !hostIn(hostOf(url), WAI_DOMAINS),
    (body) => MATOMO_INLINE.test(body) && !WAI_INLINE.test(body),
    MATOMO_INLINE,
    { it: 'Matomo (non WAI)', en: 'Matomo (not WAI)' },
  );

export default defineRule(
  {
    id: 'analytics',
    point: 'analytics',
    title: { it: 'Statistiche con Web Analytics Italia', en: 'Statistics with Web Analytics Italia' },
    failureTitle: { it: 'Statistiche non conformi o assenti', en: 'Non-compliant or missing statistics' },
    law: 'Linee guida AgID di design dei servizi digitali (Web Analytics Italia); Reg. UE 2016/679 capo V',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const wai = findWai(pages);
    const matomo = wai ? null : findOtherMatomo(pages);
    const trackers = findTrackers(pages, TRACKERS.filter((tracker) => tracker.analytics), true);
    const nonEu = trackers.filter((hit) => hit.tracker.nonEu);
    const eu = trackers.filter((hit) => !hit.tracker.nonEu);
    const details = {
      webAnalyticsItalia: wai !== null,
      otherMatomo: matomo !== null,
      nonEuAnalytics: nonEu.map((hit) => hit.tracker.name),
      euAnalytics: eu.map((hit) => hit.tracker.name),
    };
    const nonEuNames = details.nonEuAnalytics.join(', ');

    if (wai && !nonEu.length) {
      return pass([wai], { it: 'Il sito usa Web Analytics Italia.', en: 'The site uses Web Analytics Italia.' }, details);
    }
    if (wai) {
      return partial(
        capEvidence([wai, ...nonEu.map((hit) => hit.evidence)]),
        { it: `Web Analytics Italia presente, ma anche strumenti extra UE: ${nonEuNames}.`, en: `Web Analytics Italia present, but also non-EU tools: ${nonEuNames}.` },
        details,
      );
    }
    const euTools = [...(matomo ? [matomo] : []), ...eu.map((hit) => hit.evidence)];
    if (euTools.length) {
      return partial(
        capEvidence([...euTools, ...nonEu.map((hit) => hit.evidence)]),
        {
          it: `Statistiche con strumenti diversi da Web Analytics Italia${nonEu.length ? ` (anche extra UE: ${nonEuNames})` : ''}.`,
          en: `Statistics with tools other than Web Analytics Italia${nonEu.length ? ` (non-EU too: ${nonEuNames})` : ''}.`,
        },
        details,
      );
    }
    if (nonEu.length) {
      return fail(
        capEvidence(nonEu.map((hit) => hit.evidence)),
        { it: `Statistiche solo con strumenti extra UE: ${nonEuNames}.`, en: `Statistics only with non-EU tools: ${nonEuNames}.` },
        details,
      );
    }
    return unknown(
      [],
      {
        it: 'Nessuno strumento di statistica nel codice delle pagine; un’analisi dei log del server non è visibile dal sito.',
        en: 'No statistics tool in the pages’ code; server-log analysis is not visible from the site.',
      },
      details,
    );
  },
);
