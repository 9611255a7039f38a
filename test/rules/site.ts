// Fixture pages of fixtures/rules/ served as one comune site, for the point-rule tests.
import { readFixture, siteFromHtml } from '../helpers/site.js';
import type { SiteFacts } from '../../src/types.js';

export const ORIGIN = 'https://www.comune.esempio.it';

export interface RulePage {
  /** Path under fixtures/rules/, e.g. "spid/login-button.html". */
  fixture: string;
  /** Path of the page on the site, e.g. "/servizi/accesso". */
  path: string;
  headers?: Record<string, string>;
}

/** SiteFacts for the pages (the first is the start page), parsed by the real page-facts parser. */
export function fixtureSite(pages: RulePage[], extra: Partial<SiteFacts> = {}): SiteFacts {
  return siteFromHtml(
    pages.map((page, index) => ({
      url: ORIGIN + page.path,
      html: readFixture('rules', ...page.fixture.split('/')),
      headers: page.headers,
      depth: index === 0 ? 0 : 1,
    })),
    extra,
  );
}

/** One fixture page as a one-page site. */
export const onePage = (fixture: string, path = '/', extra: Partial<SiteFacts> = {}) => fixtureSite([{ fixture, path }], extra);

export const url = (path: string) => ORIGIN + path;
