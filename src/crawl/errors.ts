// Turns network and HTTP failures into the short code + one-line message a person can act on.
import type { FetchError, FetchErrorCode, Localised } from '../types.js';

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
const CONNECTING: Localised = { it: 'durante la connessione', en: 'while connecting' };
const TIMEOUT_PHASES: Record<string, Localised> = {
  UND_ERR_CONNECT_TIMEOUT: CONNECTING,
  UND_ERR_HEADERS_TIMEOUT: { it: 'in attesa delle intestazioni della risposta', en: 'while waiting for the response headers' },
  UND_ERR_BODY_TIMEOUT: { it: 'durante la ricezione del contenuto', en: 'while receiving the body' },
  ETIMEDOUT: CONNECTING,
};
const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|HOSTNAME_MISMATCH|EPROTO|ERR_OSSL)/;
/** The server's answer is not valid HTTP, or its compressed body does not decompress. */
const MALFORMED_CODE = /^(HPE_|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$|UND_ERR_INFO$|Z_DATA_ERROR$|Z_BUF_ERROR$|ERR_BROTLI|ERR__ERROR_FORMAT|ERR_INVALID_CHAR$|ERR_INVALID_HTTP_TOKEN$)/;
/** undici's names for the same, when it gives no code. */
const MALFORMED_NAMES = new Set(['HTTPParserError', 'ResponseContentLengthMismatchError']);
const DROP_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function fetchError(code: FetchErrorCode, message: Localised, status?: number): FetchError {
  return status === undefined ? { code, message } : { code, message, status };
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

export interface ClassifyContext {
  host: string;
  /** True when the whole crawl was stopped (time budget or caller's signal), not just this request. */
  crawlStopped: boolean;
  /** Overall per-request limit, named in timeout messages. */
  requestLimitMs: number;
  /** The proxy the request went through (without credentials), or null when it went direct. */
  proxy?: string | null;
}

/** undici's words for a proxy's refusal: a CONNECT answered with another status, or a plain request answered 407. */
const TUNNEL_REFUSED = /Proxy response \((\d+)\) !== 200/;
const PROXY_AUTH = /Proxy Authentication Required/;
/** Failures to reach the proxy itself (behind a proxy, the site's own address is never connected to). */
const PROXY_UNREACHABLE_CODES = new Set([...DNS_CODES, 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The proxy's part in a failure, when it is the cause: it refused, wants credentials, or cannot be reached. */
function proxyFailure(error: unknown, code: string, host: string, proxy: string): FetchError | null {
  const reason = errorMessage(error);
  const status = Number(TUNNEL_REFUSED.exec(reason)?.[1] ?? (PROXY_AUTH.test(reason) ? 407 : 0));
  if (status === 407) {
    return fetchError('proxy', {
      it: `Il proxy ${proxy} chiede l'autenticazione (HTTP 407) per raggiungere ${host}`,
      en: `The proxy ${proxy} asks for authentication (HTTP 407) to reach ${host}`,
    }, 407);
  }
  if (status >= 502 && status <= 504) {
    return fetchError('connect', {
      it: `Il proxy ${proxy} non è riuscito a raggiungere ${host} (HTTP ${status})`,
      en: `The proxy ${proxy} could not reach ${host} (HTTP ${status})`,
    });
  }
  if (status) {
    return fetchError('proxy', { it: `Il proxy ${proxy} ha rifiutato la connessione a ${host} (HTTP ${status})`, en: `The proxy ${proxy} refused the connection to ${host} (HTTP ${status})` }, status);
  }
  if (PROXY_UNREACHABLE_CODES.has(code)) {
    return fetchError('proxy', { it: `Il proxy ${proxy} non è raggiungibile (${code})`, en: `The proxy ${proxy} cannot be reached (${code})` });
  }
  return null;
}

/** Classifies an exception thrown while requesting or reading a URL. */
export function classifyError(error: unknown, context: ClassifyContext): FetchError {
  const code = errorCode(error);
  const { host } = context;
  // Before the abort test: undici reports a refused tunnel as an aborted request.
  const byProxy = context.proxy ? proxyFailure(error, code, host, context.proxy) : null;
  if (byProxy) return byProxy;
  // Once the crawl is stopped, whatever a request then reports (the caller's abort reason as it gave it) is the stop.
  if (isAbortError(error) || context.crawlStopped) {
    return context.crawlStopped
      ? fetchError('aborted', {
          it: `Richiesta a ${host} interrotta: il tempo massimo dell'audit è scaduto o l'audit è stato annullato`,
          en: `Request to ${host} stopped: the crawl's time budget ran out or it was cancelled`,
        })
      : fetchError('timeout', {
          it: `${host} non ha finito di rispondere entro ${context.requestLimitMs} ms`,
          en: `${host} did not finish answering within ${context.requestLimitMs} ms`,
        });
  }
  if (DNS_CODES.has(code)) {
    // The fact and the system's code only: what to do is the reporter's advice, said once.
    return fetchError('dns', { it: `Il nome ${host} non si risolve (DNS, ${code})`, en: `The name ${host} does not resolve (DNS, ${code})` });
  }
  if (code === 'ECONNREFUSED') {
    return fetchError('connect', {
      it: `Connessione rifiutata da ${host}: il server è spento o la porta è sbagliata`,
      en: `Connection refused by ${host}: the server is down or the port is wrong`,
    });
  }
  if (CONNECT_CODES.has(code)) {
    return fetchError('connect', { it: `Connessione a ${host} non riuscita (${code})`, en: `Connection to ${host} failed (${code})` });
  }
  const phase = TIMEOUT_PHASES[code];
  if (phase) return fetchError('timeout', { it: `${host} non ha risposto in tempo ${phase.it}`, en: `${host} timed out ${phase.en}` });
  // The system's own reason is kept as it gave it (English), in both texts.
  const reason = errorMessage(error);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(reason)) {
    // What an http-only server answers to a TLS handshake: https:// is assumed when no scheme is given.
    return fetchError('no-https', {
      it: `${host} non risponde in HTTPS (${code || 'wrong version number'})`,
      en: `${host} does not speak HTTPS (${code || 'wrong version number'})`,
    });
  }
  if (MALFORMED_CODE.test(code) || MALFORMED_NAMES.has((error as { name?: string } | null)?.name ?? '')) {
    return fetchError('bad-response', {
      it: `Risposta non valida da ${host}: ${reason}${code ? ` (${code})` : ''}`,
      en: `Invalid response from ${host}: ${reason}${code ? ` (${code})` : ''}`,
    });
  }
  if (TLS_CODE.test(code)) {
    return fetchError('tls', { it: `Errore TLS/certificato con ${host}: ${reason} (${code})`, en: `TLS/certificate error with ${host}: ${reason} (${code})` });
  }
  const suffix = code ? ` (${code})` : '';
  return fetchError('other', { it: `Richiesta a ${host} non riuscita: ${reason}${suffix}`, en: `Request to ${host} failed: ${reason}${suffix}` });
}

/** A connection closed by the other side or reset: worth retrying, unlike a refusal or a timeout. */
export function isConnectionDrop(error: unknown): boolean {
  return DROP_CODES.has(errorCode(error));
}

/** The server closed the connection in the middle of its response. */
export function brokenOffError(host: string): FetchError {
  return fetchError('bad-response', { it: `${host} ha chiuso la connessione a metà risposta`, en: `${host} closed the connection in the middle of its response` });
}

export function httpStatusError(status: number, url: string): FetchError {
  return fetchError('http', { it: `HTTP ${status} per ${url}`, en: `HTTP ${status} for ${url}` }, status);
}
