// Recognises the Modello Comuni page type of a page. Placeholder until the design-criteria work lands (issue 3).
import type { PageFacts, PageTypeGuess } from '../types.js';

export function detectPageType(page: PageFacts, siteUrl: string): PageTypeGuess {
  const path = new URL(page.finalUrl || page.url).pathname;
  const sitePath = new URL(siteUrl).pathname;
  if (path === sitePath || path === '/' || /\/index\.html?$/.test(path) && path.split('/').length <= 2) {
    return { type: 'home', section: null, reason: 'start URL' };
  }
  return { type: 'other', section: null, reason: 'no marker' };
}
