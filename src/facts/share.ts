// Makes identical parts of different pages one shared value as pages are parsed: the header, menus, footer and
// widgets repeat on every page of a site. Shared records keep a crawl's memory near the size of what is distinct,
// and let finders test a repeated link once (see rules/find.ts). Serialised JSON is unchanged.
import type { DataElementFact, HeadingFact, ImageFact, LinkFact, PageFacts } from '../types.js';

/** Pools values by a cheap first key, then compares the candidates field by field (cheaper than building full keys). */
function pool<T>(firstKey: (item: T) => string, same: (a: T, b: T) => boolean): (items: T[]) => T[] {
  const known = new Map<string, T[]>();
  return (items) =>
    items.map((item) => {
      const key = firstKey(item);
      const candidates = known.get(key);
      if (!candidates) {
        known.set(key, [item]);
        return item;
      }
      const shared = candidates.find((candidate) => same(candidate, item));
      if (shared) return shared;
      candidates.push(item);
      return item;
    });
}

const sameLink = (a: LinkFact, b: LinkFact) =>
  a.text === b.text && a.region === b.region && a.dataElement === b.dataElement && a.rel === b.rel &&
  a.selector === b.selector && a.label === b.label && a.documentType === b.documentType;

const sameMarker = (a: DataElementFact, b: DataElementFact) =>
  a.tag === b.tag && a.text === b.text && a.href === b.href && a.parent === b.parent && a.selector === b.selector;

/** A sharer for one site: call it on each page's facts as they are parsed. */
export function createFactsSharer(): (page: PageFacts) => void {
  const links = pool<LinkFact>((l) => l.href, sameLink);
  const markers = pool<DataElementFact>((d) => `${d.name}\u0000${d.text}`, sameMarker);
  const headings = pool<HeadingFact>((h) => h.text, (a, b) => a.level === b.level);
  const images = pool<ImageFact>((i) => i.src, (a, b) => a.alt === b.alt && a.selector === b.selector);
  const texts = pool<string>((text) => text, () => true);
  // A site's pages come from a few templates: most share their whole list of class tokens (~190 strings, ~7 KB a page).
  const tokenLists = pool<string[]>((tokens) => tokens.join(' '), () => true);
  return (page) => {
    [page.classTokens] = tokenLists([page.classTokens]);
    page.links = links(page.links);
    page.dataElements = markers(page.dataElements);
    page.headings = headings(page.headings);
    page.images = images(page.images);
    [page.boilerplateText] = texts([page.boilerplateText]);
  };
}
