// The crawler's HTTP client: undici `request` over one keep-alive Agent (faster than fetch),
// per-host politeness gates, bounded retries with backoff, and manual redirects with the chain recorded.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { FetchError, RedirectHop } from '../types.js';
import { readBody, UnsupportedEncodingError } from './body.js';
import { brokenOffError, classifyError, fetchError, isConnectionDrop } from './errors.js';
import { HostGates, sleep } from './gate.js';
import { deadline } from './deadline.js';
import { displayProxy, proxyFor, type ProxySettings } from './proxy.js';

const MAX_REDIRECTS = 10;
/** Longest we wait on a Retry-After before giving up on that URL. */
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_BACKOFF_MS = 8_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * connect, headers and body (idle between chunks) bound each phase; totalMs, when given, bounds a whole request, body
 * included (else the three phases added up do).
 */
export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  totalMs?: number;
}

export interface HttpClientOptions {
  userAgent: string;
  timeouts: Timeouts;
  concurrency: number;
  minDelayMs: number;
  retries: number;
  /** First retry waits about this long; each next one doubles (with jitter). */
  retryBaseMs: number;
  allowInsecureTls: boolean;
  /** Host name → IP address, like curl --resolve (staging sites, tests); not used for proxied requests. */
  resolve: Record<string, string>;
  /** The office proxy, if any (empty: every request goes direct). */
  proxy: ProxySettings;
  /** Aborts every request: the crawl's time budget and the caller's signal. */
  signal: AbortSignal;
  /** Epoch ms after which no retry wait is started. */
  deadline: number;
}

/** What happened to one URL, after redirects and retries. */
export interface FetchOutcome {
  url: string;
  finalUrl: string;
  /** 0 when no response arrived. */
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: Buffer;
  truncated: boolean;
  redirects: RedirectHop[];
  /** Set when a redirect pointed to a URL the policy refused (another site, robots.txt). */
  stoppedRedirect?: RedirectHop;
  error?: FetchError;
  fetchMs: number;
}

export type RedirectDecision = 'follow' | 'offsite' | 'robots';

export interface GetOptions {
  maxBytes: number;
  /** Whether the final response's body is worth reading, by its media type; default yes. */
  wantBody?: (mediaType: string) => boolean;
  /** Decides on each redirect target; default follow anywhere. */
  redirectPolicy?: (url: string) => RedirectDecision | Promise<RedirectDecision>;
  /** Skip retries (probes whose failure is itself the answer). */
  noRetry?: boolean;
}

interface SingleResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  error?: FetchError;
  /** A transient failure (dropped connection) that may succeed on retry. */
  transient?: boolean;
}

/** Media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Headers with one value: when a server repeats them, the first counts (two Location lines glued make a URL it never sent). */
const SINGLE_VALUE_HEADERS = new Set([
  'location', 'content-type', 'content-length', 'content-encoding', 'strict-transport-security', 'retry-after',
  'last-modified', 'x-frame-options', 'x-content-type-options', 'referrer-policy',
]);

/**
 * One string per header: repeated Set-Cookie lines one per line, repeated single-value headers their first value,
 * and repeated list headers (Via, X-Cache, Content-Security-Policy…) joined with ", " as HTTP defines.
 */
function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (!Array.isArray(value)) headers[key] = value;
    else if (key === 'set-cookie') headers[key] = value.join('\n');
    else headers[key] = SINGLE_VALUE_HEADERS.has(key) ? (value[0] ?? '') : value.join(', ');
  }
  return headers;
}

/** Retry-After in ms (delta-seconds or HTTP date), null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function backoffMs(attempt: number, baseMs: number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  // Jitter spreads retries of parallel requests; it changes timing only, never results.
  return Math.round(exponential * (0.5 + Math.random() / 2));
}

function makeLookup(resolve: Record<string, string>): LookupFunction | undefined {
  if (Object.keys(resolve).length === 0) return undefined;
  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    const address = resolve[hostname.toLowerCase()];
    if (!address) return dnsLookup(hostname, options, callback as never);
    const family = address.includes(':') ? 6 : 4;
    if (options.all) return callback(null, [{ address, family } satisfies LookupAddress]);
    return callback(null, address, family);
  }) as LookupFunction;
}

/** Drops a body we do not read: a short one is drained so the connection is reused, a long one is cut. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.dump({ limit: 64 * 1024 }).catch(() => {});
}

export class HttpClient {
  readonly gates: HostGates;
  private readonly agent: Agent;
  /** One agent per proxy URL (HTTP and HTTPS proxies may differ). */
  private readonly proxyAgents = new Map<string, ProxyAgent>();
  private readonly requestLimitMs: number;

  constructor(private readonly options: HttpClientOptions) {
    const { timeouts } = options;
    this.agent = new Agent({
      connect: {
        timeout: timeouts.connectMs,
        rejectUnauthorized: !options.allowInsecureTls,
        lookup: makeLookup(options.resolve),
      },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      connections: Math.max(1, options.concurrency),
    });
    this.gates = new HostGates(options.concurrency, options.minDelayMs);
    // bodyTimeout is an idle timeout between chunks: this caps a slow drip too.
    this.requestLimitMs = timeouts.totalMs ?? timeouts.connectMs + timeouts.headersMs + timeouts.bodyMs;
  }

  async close(): Promise<void> {
    await Promise.all([this.agent, ...this.proxyAgents.values()].map((agent) => agent.destroy()));
  }

  /** The proxy a request to url goes through, or null (NO_PROXY, or none configured). */
  proxyFor(url: string): string | null {
    return proxyFor(url, this.options.proxy);
  }

  private dispatcherFor(url: string): Dispatcher {
    const proxy = this.proxyFor(url);
    if (!proxy) return this.agent;
    let agent = this.proxyAgents.get(proxy);
    if (!agent) {
      const { timeouts, concurrency, allowInsecureTls } = this.options;
      agent = new ProxyAgent({
        uri: proxy,
        // http:// addresses are forwarded as plain proxy requests (curl's way: many proxies allow CONNECT to 443 only).
        proxyTunnel: false,
        proxyTls: { timeout: timeouts.connectMs },
        requestTls: { rejectUnauthorized: !allowInsecureTls, timeout: timeouts.connectMs },
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        connections: Math.max(1, concurrency),
      });
      this.proxyAgents.set(proxy, agent);
    }
    return agent;
  }

  /** GET with redirects followed by the policy, retries and politeness; never throws. */
  async get(url: string, options: GetOptions): Promise<FetchOutcome> {
    const started = performance.now();
    const redirects: RedirectHop[] = [];
    const seen = new Set<string>([url]);
    let current = url;
    for (;;) {
      const response = await this.getWithRetries(current, options);
      const outcome = (extra: Partial<FetchOutcome> = {}): FetchOutcome => ({
        url,
        finalUrl: current,
        status: response.status,
        headers: response.headers,
        contentType: response.headers['content-type'] ?? '',
        body: response.body,
        truncated: response.truncated,
        redirects,
        error: response.error,
        fetchMs: Math.round(performance.now() - started),
        ...extra,
      });
      const location = response.headers.location;
      if (response.error || !REDIRECT_STATUSES.has(response.status) || !location) return outcome();
      let next: string;
      try {
        next = new URL(location, current).href.replace(/#.*$/, '');
      } catch {
        return outcome({ error: fetchError('bad-response', { it: `Redirect da ${current} verso un indirizzo non valido: ${location}`, en: `Redirect from ${current} to an invalid Location: ${location}` }) });
      }
      if (!/^https?:/i.test(next)) {
        return outcome({
          error: fetchError('bad-response', { it: `Redirect da ${current} verso un indirizzo non http(s): ${location}`, en: `Redirect from ${current} to a non-http(s) address: ${location}` }),
        });
      }
      redirects.push({ url: current, status: response.status });
      if (seen.has(next)) {
        return outcome({ error: fetchError('too-many-redirects', { it: `Ciclo di redirect: ${current} riporta a ${next}`, en: `Redirect loop: ${current} leads back to ${next}` }) });
      }
      if (redirects.length >= MAX_REDIRECTS) {
        return outcome({ error: fetchError('too-many-redirects', { it: `Più di ${MAX_REDIRECTS} redirect a partire da ${url}`, en: `More than ${MAX_REDIRECTS} redirects from ${url}` }) });
      }
      const decision = options.redirectPolicy ? await options.redirectPolicy(next) : 'follow';
      if (decision !== 'follow') {
        const hop = { url: next, status: response.status };
        const message =
          decision === 'offsite'
            ? fetchError('redirect-offsite', { it: `${current} rimanda a un altro sito: ${next}`, en: `${current} redirects to another site: ${next}` })
            : fetchError('robots', { it: `${current} rimanda a ${next}, che robots.txt vieta`, en: `${current} redirects to ${next}, which robots.txt forbids` });
        return outcome({ finalUrl: next, stoppedRedirect: hop, error: message });
      }
      seen.add(next);
      current = next;
    }
  }

  private async getWithRetries(url: string, options: GetOptions): Promise<SingleResponse> {
    const host = new URL(url).host;
    const gate = this.gates.for(host);
    const retries = options.noRetry ? 0 : this.options.retries;
    for (let attempt = 0; ; attempt++) {
      const response = await gate.run(() => this.requestOnce(url, options), this.options.signal);
      const retryable = response.transient || (!response.error && RETRY_STATUSES.has(response.status));
      if (!retryable || attempt >= retries) return response;
      const retryAfter = parseRetryAfter(response.headers['retry-after']);
      if (retryAfter !== null && retryAfter > MAX_RETRY_AFTER_MS) return response;
      const wait = retryAfter ?? backoffMs(attempt, this.options.retryBaseMs);
      if (Date.now() + wait > this.options.deadline) return response;
      if (retryAfter !== null) gate.pause(wait);
      if (!(await sleep(wait, this.options.signal))) return response;
    }
  }

  /** One request, no redirects, within the per-request limit (body included). */
  private async requestOnce(url: string, options: GetOptions): Promise<SingleResponse> {
    const limit = deadline(this.requestLimitMs, this.options.signal);
    try {
      return await this.requestWithin(url, options, limit.signal);
    } finally {
      limit.release();
    }
  }

  /** The body is read only for responses the caller wants. */
  private async requestWithin(url: string, options: GetOptions, signal: AbortSignal): Promise<SingleResponse> {
    const host = new URL(url).host;
    const proxy = this.proxyFor(url);
    const failure = (error: unknown): SingleResponse => ({
      status: 0,
      headers: {},
      body: Buffer.alloc(0),
      truncated: false,
      error: classifyError(error, {
        host,
        crawlStopped: this.options.signal.aborted,
        requestLimitMs: this.requestLimitMs,
        proxy: proxy ? displayProxy(proxy) : null,
      }),
      transient: isConnectionDrop(error),
    });
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher: this.dispatcherFor(url),
        signal,
        headers: {
          'user-agent': this.options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'it-IT,it;q=0.9,en;q=0.5',
        },
      });
    } catch (error) {
      return failure(error);
    }
    const headers = flattenHeaders(response.headers);
    const status = response.statusCode;
    const isRedirect = REDIRECT_STATUSES.has(status) && headers.location !== undefined;
    const wanted = !isRedirect && (options.wantBody?.(mediaTypeOf(headers['content-type'])) ?? true);
    if (!wanted) {
      discard(response.body);
      return { status, headers, body: Buffer.alloc(0), truncated: false };
    }
    try {
      const { bytes, truncated } = await readBody(response.body, headers['content-encoding'] ?? '', options.maxBytes);
      return { status, headers, body: bytes, truncated };
    } catch (error) {
      discard(response.body);
      if (error instanceof UnsupportedEncodingError) {
        return { status, headers, body: Buffer.alloc(0), truncated: false, error: fetchError('other', { it: `${url}: codifica del contenuto non supportata (${error.encoding})`, en: `${url}: ${error.message}` }) };
      }
      // The status and headers came: a failure now is the response breaking off or not decoding.
      const failed = failure(error);
      return { ...failed, status, headers, error: isConnectionDrop(error) ? brokenOffError(host) : failed.error };
    }
  }
}
