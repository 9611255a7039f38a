// The page reader's caps that make a page "read in part" (the facts stage applies them, the reports name them), and
// the bound on its caches.

/**
 * Deepest element nesting read. Real pages nest a few dozen levels, broken templates that never close a tag a few
 * thousand; htmlparser2 keeps its open-element stack with unshift, so 10,000 levels cost ~20 ms but 200,000 would
 * take tens of seconds. The page is read up to that point and reported as read in part.
 */
export const MAX_NESTING = 10_000;

/** Links recorded per page (an albo pretorio can list thousands); past it the page is reported as read in part. */
export const LINKS_MAX = 2_000;

/** Entries of each of the page reader's caches; a full cache is cleared, so a long multi-site run stays flat. */
export const CACHE_MAX = 50_000;
