// Governance — accessibility statement and basics. The statement on AgID's form (form.agid.gov.it, C.SI.3.2) is a
// legal duty: without any statement link the check fails. With it, the basics decide pass or partial: every page
// declares its language (WCAG 3.1.1), at least 90% of images carry an alt attribute (1.1.1; alt="" is a valid
// decorative image), and at least 90% of pages have an h1 and no skipped heading level (1.3.1). The 90% margins
// leave room for a stray legacy page without hiding a site-wide habit.
import { defineRule, evidence, joinLocalised, okPages, partial, pass } from '../src/check/define.js';
import type { AnalysedPage, Evidence, Localised } from '../src/types.js';
import { capEvidence, findLinks, hostIn, linkEvidence, linkWording, notFound } from './find.js';
import { ACCESSIBILITY_LINK_TEXT, ACCESSIBILITY_STATEMENT_DOMAINS } from './signals.js';

const MIN_SHARE = 0.9;

/**
 * Why a page's headings are out of order, or null: no h1 (seen: the page's heading levels), or a level skipped
 * going down (seen: "h2 → h4 "title"").
 */
function headingProblem(page: AnalysedPage): { seen: string; note: Localised } | null {
  if (!page.headings.some((h) => h.level === 1)) {
    return { seen: page.headings.map((h) => `h${h.level}`).join(' '), note: { it: 'ordine dei titoli: manca h1', en: 'heading order: no h1' } };
  }
  for (let i = 1; i < page.headings.length; i++) {
    const [before, after] = [page.headings[i - 1], page.headings[i]];
    if (after.level > before.level + 1) {
      return { seen: `h${before.level} → h${after.level} "${after.text}"`, note: { it: 'ordine dei titoli: livello saltato', en: 'heading order: level skipped' } };
    }
  }
  return null;
}

const share = (good: number, total: number) => (total === 0 ? 1 : good / total);
const percent = (value: number) => `${Math.round(value * 100)}%`;

export default defineRule(
  {
    id: 'accessibility',
    point: 'accessibility',
    title: { it: 'Dichiarazione di accessibilità e requisiti di base', en: 'Accessibility statement and basics' },
    failureTitle: { it: 'Accessibilità: dichiarazione o requisiti di base mancanti', en: 'Accessibility: statement or basics missing' },
    law: 'L. 4/2004 art. 3-quater; Linee guida AgID accessibilità (WCAG 2.1 AA, EN 301 549); AgID C.SI.3.2',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const agidForm = findLinks(pages, (link) => hostIn(link.host, ACCESSIBILITY_STATEMENT_DOMAINS)).sort(
      (a, b) => Number(b.link.region === 'footer') - Number(a.link.region === 'footer'),
    );
    const otherStatement = findLinks(
      pages,
      (link) => link.dataElement === 'accessibility-link' || ACCESSIBILITY_LINK_TEXT.test(linkWording(link)),
    );

    const withoutLang = pages.filter((page) => !page.lang);
    const images = pages.flatMap((page) => page.images.map((image) => ({ page, image })));
    const withoutAlt = images.filter(({ image }) => image.alt === null);
    const altShare = share(images.length - withoutAlt.length, images.length);
    const headingIssues = pages.flatMap((page) => {
      const problem = headingProblem(page);
      return problem ? [{ page, problem }] : [];
    });
    const headingShare = share(pages.length - headingIssues.length, pages.length);

    const details = {
      statementOnAgidForm: agidForm.length > 0,
      pagesWithoutLang: withoutLang.length,
      images: images.length,
      imagesWithoutAlt: withoutAlt.length,
      altCoverage: Math.round(altShare * 1000) / 1000,
      pagesWithHeadingIssues: headingIssues.length,
    };
    const issues: Evidence[] = [
      ...withoutLang
        .slice(0, 3)
        .map((page) => evidence(page.url, 'html', '', { it: '<html> senza attributo lang (WCAG 3.1.1)', en: '<html> without a lang attribute (WCAG 3.1.1)' })),
      ...(altShare < MIN_SHARE
        ? withoutAlt.slice(0, 3).map(({ page, image }) => evidence(page.url, image.selector, image.src, { it: 'immagine senza alt', en: 'image without alt' }))
        : []),
      ...(headingShare < MIN_SHARE ? headingIssues.slice(0, 3).map(({ page, problem }) => evidence(page.url, 'h1-h6', problem.seen, problem.note)) : []),
    ];
    const statement = agidForm[0] ?? otherStatement[0];
    const statementEvidence = statement ? [linkEvidence(
          statement,
          agidForm.length
            ? { it: 'dichiarazione su form.agid.gov.it', en: 'statement on form.agid.gov.it' }
            : { it: 'dichiarazione non pubblicata sul modulo AgID', en: 'statement not on the AgID form' },
        )] : [];

    if (!statement) {
      return notFound(
        site,
        capEvidence(issues),
        { it: 'Nessun link alla dichiarazione di accessibilità.', en: 'No link to the accessibility statement.' },
        details,
      );
    }
    const gaps: Localised[] = [];
    if (!agidForm.length) gaps.push({ it: 'dichiarazione non pubblicata su form.agid.gov.it', en: 'statement not published on form.agid.gov.it' });
    if (withoutLang.length) gaps.push({ it: `${withoutLang.length} pagine senza lang`, en: `${withoutLang.length} pages without lang` });
    if (altShare < MIN_SHARE) gaps.push({ it: `alt sul ${percent(altShare)} delle immagini`, en: `alt on ${percent(altShare)} of images` });
    if (headingShare < MIN_SHARE) gaps.push({ it: `titoli in ordine sul ${percent(headingShare)} delle pagine`, en: `headings in order on ${percent(headingShare)} of pages` });

    if (gaps.length) {
      const toFix = joinLocalised(gaps);
      return partial(
        capEvidence([...statementEvidence, ...issues]),
        { it: `Da sistemare: ${toFix.it}.`, en: `To fix: ${toFix.en}.` },
        details,
      );
    }
    return pass(
      statementEvidence,
      {
        it: `Dichiarazione su form.agid.gov.it; lang su tutte le pagine, alt sul ${percent(altShare)} delle immagini, titoli in ordine.`,
        en: `Statement on form.agid.gov.it; lang on every page, alt on ${percent(altShare)} of images, headings in order.`,
      },
      details,
    );
  },
);
