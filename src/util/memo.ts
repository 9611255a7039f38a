// A bounded cache for pure functions of a string: the same menu labels, class values, script hosts and words
// recur on every page of a site. When it is full it starts over, which keeps memory flat on long crawls.
export function memoizeBounded<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
