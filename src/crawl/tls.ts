// TLS facts of the audited site: one handshake with node:tls (certificate read even when untrusted,
// so the report can say why) and whether the http:// address sends visitors to https://.
import { isIP, type Socket } from 'node:net';
import { connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { RedirectHop, TlsFacts } from '../types.js';
import type { HttpClient } from './fetch.js';
import { openTunnel } from './proxy.js';

export interface TlsProbeOptions {
  timeoutMs: number;
  /** Host name → IP address, as for the HTTP client. */
  resolve: Record<string, string>;
  signal: AbortSignal;
  /** The proxy to tunnel the handshake through (CONNECT), or null to connect directly. */
  proxy?: string | null;
}

type HandshakeFacts = Omit<TlsFacts, 'https' | 'httpRedirectsToHttps'>;

function isoDate(value: string | undefined): string | null {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function issuerOf(certificate: PeerCertificate): string | null {
  const issuer = certificate.issuer as unknown as Record<string, string | string[]> | undefined;
  if (!issuer) return null;
  const parts = Object.entries(issuer).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`);
  return parts.length ? parts.join(', ') : null;
}

function subjectAltNamesOf(certificate: PeerCertificate): string[] {
  return (certificate.subjectaltname ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim())
    .filter(Boolean);
}

function factsFromSocket(socket: TLSSocket): HandshakeFacts {
  const certificate = socket.getPeerCertificate();
  const hasCertificate = certificate && Object.keys(certificate).length > 0;
  const authorizationError = socket.authorizationError as unknown;
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    validFrom: hasCertificate ? isoDate(certificate.valid_from) : null,
    validTo: hasCertificate ? isoDate(certificate.valid_to) : null,
    issuer: hasCertificate ? issuerOf(certificate) : null,
    subjectAltNames: hasCertificate ? subjectAltNamesOf(certificate) : [],
    authorized: socket.authorized,
    authorizationError: authorizationError ? String(authorizationError) : null,
  };
}

function failedHandshake(message: string): HandshakeFacts {
  return {
    protocol: null,
    cipher: null,
    validFrom: null,
    validTo: null,
    issuer: null,
    subjectAltNames: [],
    authorized: null,
    authorizationError: message,
  };
}

/** One TLS handshake with the URL's host (through the proxy's tunnel when there is one); never throws. */
export async function probeTls(url: string, options: TlsProbeOptions): Promise<HandshakeFacts> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  let tunnel: Socket | undefined;
  if (options.proxy) {
    try {
      tunnel = await openTunnel(options.proxy, host, Number(port || 443), options.timeoutMs, options.signal);
    } catch (error) {
      return failedHandshake(`TLS handshake with ${host} failed: ${(error as Error).message}`);
    }
  }
  return new Promise((resolve) => {
    const socket = connect({
      ...(tunnel ? { socket: tunnel } : { host: options.resolve[host] ?? host, port: Number(port || 443) }),
      // SNI must be a host name, never an IP address.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: options.timeoutMs,
    });
    const onAbort = (): void => finish(failedHandshake(`TLS handshake with ${host} stopped: the crawl ended`));
    const finish = (facts: HandshakeFacts): void => {
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      tunnel?.destroy();
      resolve(facts);
    };
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => finish(factsFromSocket(socket)));
    socket.once('timeout', () => finish(failedHandshake(`TLS handshake with ${host} timed out`)));
    socket.once('error', (error) => finish(failedHandshake(`TLS handshake with ${host} failed: ${error.message}`)));
  });
}

/** Whether http://host/ redirects (first hop) to https://; null when it cannot be asked (non-default port). */
async function httpRedirectsToHttps(siteUrl: string, client: HttpClient): Promise<boolean | null> {
  const url = new URL(siteUrl);
  if (url.port) return null;
  const response = await client.get(`http://${url.host}/`, {
    maxBytes: 0,
    noRetry: true,
    wantBody: () => false,
    redirectPolicy: () => 'offsite',
  });
  if (response.error && !response.stoppedRedirect) return null;
  return response.stoppedRedirect ? response.stoppedRedirect.url.startsWith('https://') : false;
}

/**
 * TLS facts for the audited site. For an https site: the handshake and the http:// probe.
 * For a site that stays on http: https=false, no handshake, and httpRedirectsToHttps=false
 * (we asked for http:// and were not sent to https://).
 */
export async function siteTlsFacts(
  startUrl: string,
  siteUrl: string,
  startRedirects: RedirectHop[],
  client: HttpClient,
  options: TlsProbeOptions,
): Promise<TlsFacts> {
  if (!siteUrl.startsWith('https://')) {
    return { https: false, ...failedHandshake(''), authorizationError: null, httpRedirectsToHttps: false };
  }
  const startedOnHttp = startUrl.startsWith('http://') && startRedirects.length > 0;
  const [handshake, redirects] = await Promise.all([
    probeTls(siteUrl, options),
    startedOnHttp ? Promise.resolve(true) : httpRedirectsToHttps(siteUrl, client),
  ]);
  return { https: true, ...handshake, httpRedirectsToHttps: redirects };
}
