// The page's breadcrumb, as its trail of names: from the first breadcrumb element (its list items, or its text split
// on separators), or else from a schema.org BreadcrumbList in the page's JSON-LD.
import type { Attribs, ClassInfo } from './page-regions.js';
import type { Waiting } from './page-walk.js';

/** The first breadcrumb element of a page while it is read: items arrive as its list items close. */
export interface Breadcrumb extends Waiting {
  items: string[];
  text: string;
  open: boolean;
  inItem: boolean;
}

export const BREADCRUMB_SEPARATORS = /^[\s/›»>|·\-–—]+|[\s/›»>|·\-–—]+$/g;

export function isBreadcrumb(attribs: Attribs, classInfo: ClassInfo): boolean {
  if (attribs['data-element'] === 'breadcrumb') return true;
  if ((attribs['aria-label'] ?? '').toLowerCase().includes('breadcrumb')) return true;
  return classInfo.tokens.includes('breadcrumb');
}

export function breadcrumbOf(crumbs: Breadcrumb): string[] {
  if (crumbs.items.length) return crumbs.items;
  // No list items: split the plain text on separators ("Home > Servizi > Anagrafe").
  return crumbs.text
    .split(/\s[/›»>|]\s/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function breadcrumbFromJsonLd(blocks: unknown[]): string[] {
  for (const block of blocks) {
    const candidates = Array.isArray(block) ? block : [block];
    for (const candidate of candidates) {
      const graph = (candidate as { '@graph'?: unknown[] })?.['@graph'];
      for (const node of Array.isArray(graph) ? graph : [candidate]) {
        const item = node as { '@type'?: unknown; itemListElement?: unknown };
        if (item?.['@type'] !== 'BreadcrumbList' || !Array.isArray(item.itemListElement)) continue;
        return item.itemListElement
          .map((entry) => {
            const e = entry as { name?: unknown; item?: { name?: unknown } };
            return String(e.name ?? e.item?.name ?? '').trim();
          })
          .filter(Boolean);
      }
    }
  }
  return [];
}
