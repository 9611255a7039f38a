// A bounded cache for pure functions of a string: the same menu labels, class values, script hosts and words
// recur on every page of a site. When it is full it starts over, which keeps memory flat on long crawls. Keys are
// kept detached: a key cut from a page's HTML would keep that page alive as long as the entry.
import { detach } from './detach.js';

export function memoizeBounded<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      const own = detach(key);
      value = compute(own);
      if (cache.size >= limit) cache.clear();
      cache.set(own, value);
    }
    return value;
  };
}
