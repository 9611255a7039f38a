// The classify stage of an audit gets all pages of the site at once: what repeats on many of them (a sidebar of
// headlines, a menu the parser could not tell from the article) is learned from the crawl itself and does not vote.
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../../src/classify/index.js';
import { assembleSiteFacts } from '../../src/facts/site.js';
import { extractPageFacts } from '../../src/facts/page.js';
import type { PageFacts } from '../../src/types.js';
import { emptyCrawl, fetchedPage } from '../helpers/site.js';
import { SIDEBAR_SITE_CATEGORIES, SIDEBAR_SITE_PAGES, sidebarSitePage } from './sidebar-site.js';

const classifier = loadClassifier();
const SITE = 'https://www.comune.example.it/';

const pages = SIDEBAR_SITE_PAGES.map(([path, title, text]) => extractPageFacts(fetchedPage({ url: `${SITE}${path}.html`, html: sidebarSitePage(title, text) })));

describe('classifySite', () => {
  it('the box repeated on every page is in their main text, and page by page it outvotes a short page', () => {
    expect(pages.every((page) => page.mainText.includes('Piattaforma ecologica'))).toBe(true);
    expect(pages.map((page) => classifier.classifyPage(page).category).filter((category) => category === 'ambiente').length).toBeGreaterThanOrEqual(2);
  });

  it('learned from the site, the box does not vote: each page gets its own subject', () => {
    expect(classifier.classifySite(pages).map((result) => result.category)).toEqual(SIDEBAR_SITE_CATEGORIES);
  });

  it('is what an audit runs: assembling the site classifies its readable pages together', () => {
    const fetched = SIDEBAR_SITE_PAGES.map(([path, title, text]) => fetchedPage({ url: `${SITE}${path}.html`, html: sidebarSitePage(title, text) }));
    const broken: PageFacts = { ...pages[0], url: `${SITE}rotta.html`, error: { code: 'http', status: 500, message: { it: 'HTTP 500', en: 'HTTP 500' } } };
    const site = assembleSiteFacts({ ...emptyCrawl(SITE), pages: fetched }, [...pages, broken], { classify: classifier.classifySite });
    expect(site.pages.map((page) => page.classification?.category ?? null)).toEqual([...SIDEBAR_SITE_CATEGORIES, null]);
  });

  it('a single page (a single-page audit) has no site to learn from and is classified as it is', () => {
    expect(classifier.classifySite([pages[0]])).toEqual([classifier.classifyPage(pages[0])]);
  });
});
