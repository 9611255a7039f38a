// Copies of strings cut from a page, so that what is kept does not keep the page. V8 represents a substring of 13 or
// more characters as a view into the string it was cut from: one link text kept from a parsed page would keep that
// page's whole HTML alive as long as the facts (measured: ~60 KB a page, most of a crawl's memory).

/** V8 copies shorter substrings anyway. */
const SHORTEST_VIEW = 13;

/** An equal string that owns its characters: concatenating then slicing makes V8 copy them. */
export function detach(text: string): string {
  return text.length < SHORTEST_VIEW ? text : (' ' + text).slice(1);
}

/** Replaces, in place, every string inside plain objects and arrays with a detached copy; returns the value. */
export function detachStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = detach(item);
      else if (item !== null && typeof item === 'object') detachStrings(item);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = detach(item);
      else if (item !== null && typeof item === 'object') detachStrings(item);
    }
  }
  return value;
}
