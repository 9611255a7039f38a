// What the AGID design criteria share: finding their pages, markers, per-page verdicts and "worst page wins".
import { evidence, fail, okPages, partial, pass, unknown } from '../../src/check/define.js';
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

/** The crawled page a link leads to, when the crawl fetched it (by URL, final URL or another address of the page). */
export function crawledTarget(site: SiteFacts, href: string): AnalysedPage | null {
  return site.pages.find((page) => page.url === href || page.finalUrl === href || page.aliases?.includes(href)) ?? null;
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

/** A marker's own href as the official checker accepts it: present, and neither "#" nor "". */
export function usableHref(element: DataElementFact): string | null {
  const raw = element.rawHref;
  return raw === undefined || raw === '#' || raw === '' ? null : element.href;
}

/** A footer link read the official way: `$("footer").find('[data-element=…]')`, the first one's href, all their text. */
export interface FooterLink {
  home: AnalysedPage;
  element: DataElementFact;
  /** Text of every matching marker in the footer, joined, trimmed and lower-cased (cheerio's .text()). */
  label: string;
  href: string;
  /** "label → href", the evidence snippet. */
  shown: string;
}

/**
 * The shared first steps of the home-footer link criteria (C.SI.2.3, 2.4, 3.2, 3.3, 3.4), as the official checker
 * takes them: the marker must be inside the footer, carry its own href other than "#" or "", and lead to a page that
 * answers; otherwise the criterion fails (score 0), with a note naming the marker and what was wrong. `what` is the
 * link in the user's words ("link alle FAQ").
 */
export function footerLink(site: SiteFacts, dataElement: string, what: Localised): FooterLink | RuleOutcome {
  const home = homePage(site);
  if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
  const selector = `footer [data-element="${dataElement}"]`;
  const found = home.dataElements.filter((element) => element.name === dataElement && element.region === 'footer');
  if (!found.length) {
    const elsewhere = home.dataElements.find((element) => element.name === dataElement);
    const note = elsewhere
      ? { it: `${what.it}: il marcatore data-element="${dataElement}" c'è ma fuori dal footer`, en: `${what.en}: the data-element="${dataElement}" marker is there but outside the footer` }
      : { it: `${what.it}: nessun elemento con data-element="${dataElement}" nel footer della homepage`, en: `${what.en}: no element with data-element="${dataElement}" in the home page footer` };
    return fail([evidence(home.url, selector, elsewhere ? `${elsewhere.text} → ${elsewhere.href ?? ''}` : '', note)], {
      it: `Manca nel footer il ${what.it} marcato data-element="${dataElement}"`,
      en: `No ${what.en} marked data-element="${dataElement}" in the footer`,
    });
  }
  const [element] = found;
  const label = found.map((item) => item.text).join('').trim().toLowerCase();
  const href = usableHref(element);
  const shown = `${element.text} → ${element.rawHref ?? ''}`;
  if (!href) {
    const why =
      element.rawHref === undefined
        ? { it: `l'elemento ${element.tag} marcato non ha un proprio href`, en: `the marked ${element.tag} element has no href of its own` }
        : { it: `href="${element.rawHref}" non porta a nessuna pagina`, en: `href="${element.rawHref}" leads nowhere` };
    return fail([evidence(home.url, selector, shown, why)], {
      it: `Il ${what.it} (data-element="${dataElement}") non porta a una pagina`,
      en: `The ${what.en} (data-element="${dataElement}") leads to no page`,
    }, { href: element.rawHref ?? null });
  }
  const broken = targetIsBroken(site, href);
  if (broken) {
    return fail([evidence(home.url, selector, `${element.text} → ${href}`, brokenTargetNote(broken))], {
      it: `Il ${what.it} porta a una pagina in errore`,
      en: `The ${what.en} leads to a broken page`,
    }, { href });
  }
  return { home, element, label, href, shown: `${element.text} → ${href}` };
}

export function isOutcome(value: FooterLink | RuleOutcome): value is RuleOutcome {
  return 'status' in value;
}

/** A page the official checker reached through a marker's link and that answered an error. */
export interface FailedTarget {
  page: AnalysedPage;
  /** The page whose marker links there. */
  from: string;
  marker: string;
}

/**
 * Targets of `names` markers (usable href) on `listings` that failed to load. The official checker follows those
 * links and audits the error page it gets, which lacks every marker: each scores 0 where a marker is looked for.
 */
export function failedTargets(site: SiteFacts, listings: readonly AnalysedPage[], names: readonly string[]): FailedTarget[] {
  const failedByUrl = new Map<string, AnalysedPage>();
  for (const page of site.pages) {
    if (page.error || page.status >= 400) {
      failedByUrl.set(page.url, page);
      failedByUrl.set(page.finalUrl, page);
    }
  }
  const found = new Map<AnalysedPage, FailedTarget>();
  if (!failedByUrl.size) return [];
  for (const listing of listings) {
    for (const element of listing.dataElements) {
      const target = names.includes(element.name) && usableHref(element) ? failedByUrl.get(element.href ?? '') : undefined;
      if (target && !found.has(target)) found.set(target, { page: target, from: listing.url, marker: element.name });
    }
  }
  return [...found.values()];
}

/**
 * Service pages as the official checker gathers them: the crawled pages typed service, and the targets of
 * service-link markers that failed to load (each scores 0), each with the listing page whose link led there.
 */
export function servicePages(site: SiteFacts): { pages: AnalysedPage[]; failed: FailedTarget[] } {
  return { pages: pagesOfType(site, 'service'), failed: failedTargets(site, okPages(site), ['service-link']) };
}

/** What a failed target was to the official checker, and what it made of it. */
export interface TargetRole {
  page: Localised;
  consequence: Localised;
}

const SERVICE_PAGE: TargetRole = {
  page: { it: 'la scheda servizio', en: 'the service page' },
  consequence: { it: 'il validatore ufficiale la conta come scheda non conforme', en: 'the official checker counts it as a failing service page' },
};

/** The verdict on a marker's target that failed to load: 0, naming the answer and the page that links to it. */
export function failedTargetVerdict({ page, from, marker }: FailedTarget, role: TargetRole = SERVICE_PAGE): PageVerdict {
  const answer = page.error && page.error.code !== 'http' ? page.error.code : String(page.status);
  return {
    page,
    score: 0,
    evidence: [
      evidence(page.url, 'http:status', answer, {
        it: `${role.page.it} linkata (${marker}) da ${from} ha risposto ${answer}: ${role.consequence.it}`,
        en: `${role.page.en} linked (${marker}) from ${from} answered ${answer}: ${role.consequence.en}`,
      }),
    ],
  };
}

/** Service-page criteria: a failed service link's verdict. */
export const failedServiceVerdict = (target: FailedTarget): PageVerdict => failedTargetVerdict(target);
