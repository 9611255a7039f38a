// Makes identical parts of different pages one shared value as pages are parsed: the header, menus, footer and
// widgets repeat on every page of a site. Shared records keep a crawl's memory near the size of what is distinct,
// and let finders test a repeated link once (see rules/find.ts). Serialised JSON is unchanged.
import type { DataElementFact, HeadingFact, ImageFact, LinkFact, PageFacts } from '../types.js';

const SEP = '\u0000';

function pool<T>(keyOf: (item: T) => string): (items: T[]) => T[] {
  const known = new Map<string, T>();
  return (items) =>
    items.map((item) => {
      const key = keyOf(item);
      const shared = known.get(key);
      if (shared) return shared;
      known.set(key, item);
      return item;
    });
}

/** A sharer for one site: call it on each page's facts as they are parsed. */
export function createFactsSharer(): (page: PageFacts) => void {
  const links = pool<LinkFact>((l) => [l.href, l.text, l.region, l.dataElement, l.rel, l.selector, l.label, l.documentType].join(SEP));
  const markers = pool<DataElementFact>((d) => [d.name, d.tag, d.text, d.href, d.parent, d.selector].join(SEP));
  const headings = pool<HeadingFact>((h) => `${h.level}${SEP}${h.text}`);
  const images = pool<ImageFact>((i) => [i.src, i.alt, i.selector].join(SEP));
  const texts = pool<string>((text) => text);
  return (page) => {
    page.links = links(page.links);
    page.dataElements = markers(page.dataElements);
    page.headings = headings(page.headings);
    page.images = images(page.images);
    [page.boilerplateText] = texts([page.boilerplateText]);
  };
}
