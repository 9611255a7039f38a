// What the AGID design criteria share: finding their pages, markers, per-page verdicts and "worst page wins".
import { evidence, fail, joinLocalised, okPages, partial, pass, unknown } from '../../src/check/define.js';
import type { AnalysedPage, DataElementFact, Evidence, Localised, PageType, RuleMeta, RuleOutcome, SiteFacts } from '../../src/types.js';
import { compareCodeUnits } from '../../src/util/compare.js';

type DesignMeta = Omit<RuleMeta, 'point' | 'law' | 'failureTitle'> & { failureTitle?: Localised };

/** Metadata of an AGID criterion: point 'design', the AGID id as rule id and the official reference as law. */
export function agidMeta(meta: DesignMeta): RuleMeta {
  const title = { it: criterionName(meta.title.it), en: criterionName(meta.title.en) };
  return {
    ...meta,
    title,
    point: 'design',
    failureTitle: meta.failureTitle ?? title,
    law: 'AGID, criteri di conformità dei siti dei comuni (PNRR misura 1.4.1)',
  };
}

/**
 * The official title reads "C.SI.3.2 - DICHIARAZIONE DI ACCESSIBILITÀ - Il sito comunale deve…": reports show the
 * criterion's name ("Dichiarazione di accessibilità"), the id stands beside it and the requirement stays in the source.
 */
function criterionName(official: string): string {
  const [, name = official] = official.split(' - ');
  const trimmed = name.trim();
  const shouted = trimmed.replace(/\(.*?\)/g, '');
  if (shouted !== shouted.toUpperCase()) return trimmed;
  const sentence = trimmed.charAt(0) + trimmed.slice(1).toLowerCase();
  return sentence.replace(/\b(cms|faq|https)\b/g, (acronym) => acronym.toUpperCase());
}

export function pagesOfType(site: SiteFacts, ...types: PageType[]): AnalysedPage[] {
  return okPages(site).filter((page) => types.includes(page.pageType.type));
}

/** The home page: the page typed home, preferring the site URL itself. */
export function homePage(site: SiteFacts): AnalysedPage | null {
  const homes = pagesOfType(site, 'home');
  return homes.find((page) => page.url === site.siteUrl || page.finalUrl === site.siteUrl) ?? homes[0] ?? null;
}

/** The outcome of a criterion whose page the crawl did not find. */
export function pageNotFound(what: Localised, site: SiteFacts): RuleOutcome {
  const url = site.siteUrl;
  const crawled = okPages(site).length;
  const note = { it: `${what.it}: nessuna tra le ${crawled} pagine analizzate`, en: `${what.en}: none of ${crawled} crawled pages` };
  return fail([evidence(url, 'page-type', '', note)], {
    it: `Pagina non trovata: ${what.it}`,
    en: `Page not found: ${what.en}`,
  });
}

/** Site-level criteria cannot be judged from one page. */
export function singlePageUnknown(site: SiteFacts): RuleOutcome {
  return unknown([evidence(site.siteUrl, 'site', '', { it: 'audit di una sola pagina', en: 'single-page audit' })], {
    it: 'Criterio a livello di sito: non valutabile in un audit di una sola pagina',
    en: 'Site-level criterion: cannot be judged in a single-page audit',
  });
}

export function markers(page: AnalysedPage, name: string): DataElementFact[] {
  return page.dataElements.filter((element) => element.name === name);
}

export function hasMarker(page: AnalysedPage, name: string): boolean {
  return page.dataElements.some((element) => element.name === name);
}

/** Markers inside the marker at `ancestor` (by the parent chain of DataElementFact). */
export function markersWithin(page: AnalysedPage, ancestor: number, name?: string): DataElementFact[] {
  const inside: DataElementFact[] = [];
  page.dataElements.forEach((element, index) => {
    let parent = page.dataElements[index].parent;
    while (parent !== null && parent !== ancestor) parent = page.dataElements[parent].parent;
    if (parent === ancestor && (!name || element.name === name)) inside.push(element);
  });
  return inside;
}

/** One page's verdict for a multi-page criterion. */
export interface PageVerdict {
  page: AnalysedPage;
  score: 0 | 0.5 | 1;
  evidence: Evidence[];
}

const STATUS_BY_SCORE = { 1: pass, 0.5: partial, 0: fail } as const;
const OUTCOME_BY_SCORE = { 1: 'pass', 0.5: 'partial', 0: 'fail' } as const;

/**
 * Worst page wins: the criterion's status is that of its worst page. Evidence lists the failing pages first
 * (capped), then passing ones, each marked with its own outcome, so a reader sees what to fix.
 */
export function worstPage(verdicts: PageVerdict[], message: (score: 0 | 0.5 | 1, counts: string) => Localised, extra: Evidence[] = [], details: RuleOutcome['details'] = {}): RuleOutcome {
  const worst = verdicts.reduce<0 | 0.5 | 1>((low, verdict) => (verdict.score < low ? verdict.score : low), 1);
  const ordered = [...verdicts].sort((a, b) => a.score - b.score || compareCodeUnits(a.page.url, b.page.url));
  // The worst pages lead, so a report's first evidence line is the page to fix; site-wide figures follow.
  const evidenceList = [
    ...ordered.slice(0, 30).flatMap((verdict) => verdict.evidence.map((item) => ({ ...item, outcome: OUTCOME_BY_SCORE[verdict.score] }))),
    ...extra,
  ];
  const counts = {
    pass: verdicts.filter((v) => v.score === 1).length,
    partial: verdicts.filter((v) => v.score === 0.5).length,
    fail: verdicts.filter((v) => v.score === 0).length,
  };
  const countText = `${counts.pass}/${verdicts.length}`;
  return STATUS_BY_SCORE[worst](evidenceList, message(worst, countText), {
    pagesChecked: verdicts.length,
    pagesPassing: counts.pass,
    pagesPartial: counts.partial,
    pagesFailing: counts.fail,
    ...details,
  });
}

/** The first link on a page carrying a data-element (its own or a close ancestor's), preferring the footer. */
export function markedLink(page: AnalysedPage, dataElement: string) {
  const links = page.links.filter((link) => link.dataElement === dataElement);
  return links.find((link) => link.region === 'footer') ?? links[0] ?? null;
}

/** The crawled page a link leads to, when the crawl fetched it (by URL or final URL). */
export function crawledTarget(site: SiteFacts, href: string): AnalysedPage | null {
  return site.pages.find((page) => page.url === href || page.finalUrl === href) ?? null;
}

/** Note on a link whose crawled target answered with an error. */
export function brokenTargetNote(target: AnalysedPage): Localised {
  const answer = target.status || target.error?.code;
  return { it: `la pagina di destinazione ha risposto ${answer}`, en: `target answered ${answer}` };
}

/** True when a crawled link target answered with an error (the link is broken). */
export function targetIsBroken(site: SiteFacts, href: string): AnalysedPage | null {
  const target = crawledTarget(site, href);
  return target && (target.error || target.status >= 400) ? target : null;
}

/**
 * A home-footer link criterion (FAQ, inefficiency report): the marked link with the expected wording passes;
 * a marked link with other wording, or the wording in the footer without the marker, is partial; a marked link
 * to a page that answered with an error, or no link at all, fails.
 */
export function footerLinkCriterion(
  site: SiteFacts,
  options: { dataElement: string; wording: RegExp; what: Localised },
): RuleOutcome {
  const home = homePage(site);
  if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
  const selector = `[data-element="${options.dataElement}"]`;
  const link = markedLink(home, options.dataElement);
  const details = { href: link?.href ?? null };
  if (link) {
    const shown = `${link.text || link.label} → ${link.href}`;
    const broken = targetIsBroken(site, link.href);
    if (broken) {
      return fail([evidence(home.url, link.selector, shown, brokenTargetNote(broken))], {
        it: `Il link ${options.what.it} porta a una pagina in errore`,
        en: `The ${options.what.en} link leads to a broken page`,
      }, details);
    }
    const inFooter = link.region === 'footer';
    const worded = options.wording.test(`${link.text} ${link.label}`);
    if (inFooter && worded) return pass([evidence(home.url, link.selector, shown)], { it: `Link ${options.what.it} nel footer`, en: `${options.what.en} link in the footer` }, details);
    const reasons = [
      ...(inFooter ? [] : [{ it: 'fuori dal footer', en: 'not in the footer' }]),
      ...(worded ? [] : [{ it: 'testo inatteso', en: 'unexpected wording' }]),
    ];
    return partial([evidence(home.url, link.selector, shown, joinLocalised(reasons))], {
      it: `Link ${options.what.it} marcato ma ${inFooter ? 'con testo inatteso' : 'fuori dal footer'}`,
      en: `${options.what.en} link marked but ${inFooter ? 'with unexpected wording' : 'outside the footer'}`,
    }, details);
  }
  const unmarked = home.links.find((candidate) => candidate.region === 'footer' && options.wording.test(`${candidate.text} ${candidate.label}`));
  if (unmarked) {
    return partial([evidence(home.url, unmarked.selector, `${unmarked.text} → ${unmarked.href}`, { it: `manca il marcatore ${selector}`, en: `no ${selector} marker` })], {
      it: `Link ${options.what.it} nel footer senza data-element="${options.dataElement}"`,
      en: `${options.what.en} link in the footer without data-element="${options.dataElement}"`,
    }, { href: unmarked.href });
  }
  return fail([evidence(home.url, selector, '', { it: `nessun link ${options.what.it} nella homepage`, en: `no ${options.what.en} link in the home page` })], {
    it: `Nessun link ${options.what.it} nella homepage`,
    en: `No ${options.what.en} link on the home page`,
  }, details);
}
