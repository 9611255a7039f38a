// Public API of the crawler: crawl a comune site politely and deterministically, plus the URL
// helpers the page-facts parser shares so links and pages get the same keys.
export { crawl } from './crawler.js';
export { DEFAULT_OPTIONS, DEFAULT_USER_AGENT, type CrawlOptions, type DiscoveredLinks } from './options.js';
export { documentTypeOf, normaliseUrl } from './url.js';
