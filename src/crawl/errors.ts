// Turns network and HTTP failures into the short code + one-line message a person can act on.
import type { FetchError, FetchErrorCode } from '../types.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_PHASES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connecting',
  UND_ERR_HEADERS_TIMEOUT: 'waiting for the response headers',
  UND_ERR_BODY_TIMEOUT: 'receiving the body',
  ETIMEDOUT: 'connecting',
};
const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|HOSTNAME_MISMATCH|EPROTO|ERR_OSSL)/;

export function fetchError(code: FetchErrorCode, message: string): FetchError {
  return { code, message };
}

function errorCode(error: unknown): string {
  const err = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = err?.code ?? err?.cause?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError' || errorCode(error) === 'UND_ERR_ABORTED';
}

/** Whether a failed request is worth retrying: a dropped connection, not a refusal or a timeout. */
export function isTransientError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED';
}

export interface ClassifyContext {
  host: string;
  /** True when the whole crawl was stopped (time budget or caller's signal), not just this request. */
  crawlStopped: boolean;
  /** Overall per-request limit, named in timeout messages. */
  requestLimitMs: number;
}

/** Classifies an exception thrown while requesting or reading a URL. */
export function classifyError(error: unknown, context: ClassifyContext): FetchError {
  const code = errorCode(error);
  const { host } = context;
  if (isAbortError(error)) {
    return context.crawlStopped
      ? fetchError('aborted', `Request to ${host} stopped: the crawl's time budget ran out or it was cancelled`)
      : fetchError('timeout', `${host} did not finish answering within ${context.requestLimitMs} ms`);
  }
  if (DNS_CODES.has(code)) return fetchError('dns', `DNS lookup failed for ${host}: check the address`);
  if (code === 'ECONNREFUSED') {
    return fetchError('connect', `Connection refused by ${host}: the server is down or the port is wrong`);
  }
  if (CONNECT_CODES.has(code)) return fetchError('connect', `Connection to ${host} failed (${code}): try again later`);
  if (TIMEOUT_PHASES[code]) return fetchError('timeout', `${host} timed out while ${TIMEOUT_PHASES[code]}`);
  if (TLS_CODE.test(code)) {
    return fetchError('tls', `TLS/certificate error with ${host}: ${errorMessage(error)} (${code})`);
  }
  return fetchError('other', `Request to ${host} failed: ${errorMessage(error)}${code ? ` (${code})` : ''}`);
}

export function httpStatusError(status: number, url: string): FetchError {
  return fetchError('http', `HTTP ${status} for ${url}`);
}
