// A FetchedPage for HTML that did not come from a crawl (a file, a JSONL record, a fixture), so it can go through
// the same parser as crawled pages.
import type { FetchedPage } from '../types.js';

export function localPage(url: string, html: string, options: { status?: number; headers?: Record<string, string>; depth?: number } = {}): FetchedPage {
  const headers = { 'content-type': 'text/html; charset=utf-8', ...options.headers };
  return {
    url,
    finalUrl: url,
    status: options.status ?? 200,
    headers,
    contentType: 'text/html',
    charset: 'utf-8',
    redirects: [],
    depth: options.depth ?? 0,
    source: 'link',
    html,
    bytes: Buffer.byteLength(html),
    truncated: false,
    fetchMs: 0,
  };
}
