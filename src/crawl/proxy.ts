// The office proxy: which requests go through it (HTTP_PROXY / HTTPS_PROXY / NO_PROXY, read like curl and npm do),
// and a CONNECT tunnel for the TLS probe, which opens its own socket instead of going through undici.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

export interface ProxySettings {
  /** Proxy for http:// addresses. */
  httpProxy?: string;
  /** Proxy for https:// addresses (falls back to httpProxy, as curl and undici do). */
  httpsProxy?: string;
  /** Comma- or space-separated hosts (with optional :port) that go direct; "*" for all; suffixes match subdomains. */
  noProxy?: string;
}

/** The settings the environment asks for; the lower-case names win, as in curl. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  const pick = (name: string): string | undefined => (env[name.toLowerCase()] ?? env[name.toUpperCase()]) || undefined;
  const settings: ProxySettings = {};
  const http = pick('http_proxy');
  const https = pick('https_proxy');
  const noProxy = pick('no_proxy');
  if (http) settings.httpProxy = http;
  if (https) settings.httpsProxy = https;
  if (noProxy) settings.noProxy = noProxy;
  return settings;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * Whether NO_PROXY exempts the host, by undici's EnvHttpProxyAgent rules (curl's too): exact name or a subdomain of
 * an entry, a leading "." or "*." ignored, an entry's :port must match. Loopback is NOT exempt unless listed.
 */
function exempt(noProxy: string, hostname: string, port: number): boolean {
  const value = noProxy.trim();
  if (value === '*') return true;
  for (const raw of value.split(/[,\s]/)) {
    if (!raw) continue;
    const withPort = /^(.+):(\d+)$/.exec(raw);
    const host = (withPort ? withPort[1] : raw).replace(/^\*?\./, '').toLowerCase();
    if (withPort && Number(withPort[2]) !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return true;
  }
  return false;
}

/** The proxy URL a request to `url` goes through, or null for a direct connection. */
export function proxyFor(url: string, settings: ProxySettings): string | null {
  if (!settings.httpProxy && !settings.httpsProxy) return null;
  const target = new URL(url);
  const proxy = target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy;
  if (!proxy) return null;
  const hostname = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(target.port) || DEFAULT_PORTS[target.protocol] || 0;
  return settings.noProxy && exempt(settings.noProxy, hostname, port) ? null : proxy;
}

/** A proxy URL without its user:password, for messages. */
export function displayProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.origin;
  } catch {
    return proxy;
  }
}

/** Why a tunnel could not be opened: the proxy's HTTP status, or 0 when the proxy itself could not be reached. */
export class TunnelError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Opens a CONNECT tunnel to host:port through the proxy; the socket is raw (the caller starts TLS on it). */
export function openTunnel(proxy: string, host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  const proxyUrl = new URL(proxy);
  const headers: Record<string, string> = { host: `${host}:${port}` };
  if (proxyUrl.username) {
    const credentials = `${decodeURIComponent(proxyUrl.username)}:${decodeURIComponent(proxyUrl.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const send = proxyUrl.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({
      host: proxyUrl.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxyUrl.port) || DEFAULT_PORTS[proxyUrl.protocol],
      method: 'CONNECT',
      path: `${host.includes(':') ? `[${host}]` : host}:${port}`,
      headers,
      timeout: timeoutMs,
      signal,
    });
    req.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(new TunnelError(`the proxy ${displayProxy(proxy)} answered HTTP ${response.statusCode} to CONNECT`, response.statusCode ?? 0));
    });
    req.once('timeout', () => req.destroy(new TunnelError(`the proxy ${displayProxy(proxy)} did not answer in time`, 0)));
    req.once('error', (error) => reject(error instanceof TunnelError ? error : new TunnelError(`the proxy ${displayProxy(proxy)} could not be reached: ${error.message}`, 0)));
    req.end();
  });
}
