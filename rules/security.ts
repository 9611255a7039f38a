// Governance — HTTPS everywhere (AgID C.SI.5.1 and the HTTPS guidelines). Fail: no HTTPS, a certificate Node
// rejected at crawl time (expired, wrong name, untrusted chain) or TLS below 1.2. Partial: HTTPS that leaves gaps —
// no HTTP→HTTPS redirect, no HSTS, mixed content, a certificate expiring within 30 days. Pass: none of these.
// Certificate dates are compared with site.auditedAt (the crawl's time), never the clock, so the rule stays pure.
import { defineRule, evidence, fail, okPages, partial, pass, unknown } from '../src/check/define.js';
import type { AnalysedPage, Evidence, SiteFacts } from '../src/types.js';
import { capEvidence } from './find.js';

const MODERN_TLS = new Set(['TLSv1.2', 'TLSv1.3']);
/** A certificate this close to expiry is a renewal about to be missed. */
const EXPIRY_WARNING_MS = 30 * 24 * 60 * 60 * 1000;

function startPage(site: SiteFacts, pages: readonly AnalysedPage[]): AnalysedPage | undefined {
  return pages.find((page) => page.url === site.startUrl || page.finalUrl === site.siteUrl) ?? pages[0];
}

/** http:// resources on https pages: scripts, stylesheets and frames are blocked by browsers, images downgrade the page. */
function mixedContent(pages: readonly AnalysedPage[]): Evidence[] {
  const found: Evidence[] = [];
  for (const page of pages) {
    if (!page.finalUrl.startsWith('https:') && !page.url.startsWith('https:')) continue;
    const insecure = [
      ...page.scripts.map((url) => ['script[src]', url] as const),
      ...page.stylesheets.map((url) => ['link[rel=stylesheet]', url] as const),
      ...page.iframes.map((url) => ['iframe[src]', url] as const),
      ...page.images.map((img) => [img.selector, img.src] as const),
    ].find(([, url]) => url.startsWith('http:'));
    if (insecure) found.push(evidence(page.url, insecure[0], insecure[1], { it: 'contenuto misto: risorsa http in una pagina https', en: 'mixed content: an http resource on an https page' }));
  }
  return found;
}

export default defineRule(
  {
    id: 'security',
    point: 'security',
    title: { it: 'HTTPS configurato correttamente', en: 'HTTPS set up correctly' },
    failureTitle: { it: 'HTTPS assente o incompleto', en: 'HTTPS missing or incomplete' },
    law: 'AgID C.SI.5.1; Linee guida AgID siti web (HTTPS); Misure minime di sicurezza ICT per le PA (Circ. AgID 2/2017)',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const tls = site.tls;
    const https = tls ? tls.https : site.siteUrl.startsWith('https:');
    const details: Record<string, string | boolean | null | number> = {
      https,
      protocol: tls?.protocol ?? null,
      certificateValidTo: tls?.validTo ?? null,
      httpRedirectsToHttps: tls?.httpRedirectsToHttps ?? null,
    };
    if (!https) {
      return fail(
        [evidence(site.siteUrl, 'url', site.siteUrl)],
        { it: 'Il sito non è servito in HTTPS.', en: 'The site is not served over HTTPS.' },
        details,
      );
    }

    const blocking: Evidence[] = [];
    if (tls?.authorized === false) {
      blocking.push(
        evidence(site.siteUrl, 'tls', tls.authorizationError ?? '', {
          it: `certificato rifiutato, valido dal ${tls.validFrom} al ${tls.validTo}`,
          en: `certificate rejected, valid ${tls.validFrom} – ${tls.validTo}`,
        }),
      );
    }
    const auditedAt = Date.parse(site.auditedAt);
    const validTo = tls?.validTo ? Date.parse(tls.validTo) : NaN;
    const validFrom = tls?.validFrom ? Date.parse(tls.validFrom) : NaN;
    if (validTo < auditedAt) {
      blocking.push(evidence(site.siteUrl, 'tls', tls!.validTo!, { it: `certificato scaduto (audit del ${site.auditedAt})`, en: `certificate expired (audited at ${site.auditedAt})` }));
    }
    if (validFrom > auditedAt) {
      blocking.push(
        evidence(site.siteUrl, 'tls', tls!.validFrom!, { it: `certificato non ancora valido (audit del ${site.auditedAt})`, en: `certificate not yet valid (audited at ${site.auditedAt})` }),
      );
    }
    if (tls?.protocol && !MODERN_TLS.has(tls.protocol)) {
      blocking.push(evidence(site.siteUrl, 'tls', tls.protocol, { it: 'serve TLS 1.2 o successivo', en: 'TLS 1.2 or later required' }));
    }
    if (blocking.length) {
      return fail(
        blocking,
        { it: 'Certificato non valido o versione TLS obsoleta.', en: 'Invalid certificate or outdated TLS version.' },
        details,
      );
    }

    const gaps: Evidence[] = [];
    if (validTo - auditedAt < EXPIRY_WARNING_MS) {
      gaps.push(
        evidence(site.siteUrl, 'tls', tls!.validTo!, {
          it: `il certificato scade meno di 30 giorni dopo l’audit (${site.auditedAt})`,
          en: `certificate expires less than 30 days after the audit (${site.auditedAt})`,
        }),
      );
    }
    if (tls?.httpRedirectsToHttps === false) {
      gaps.push(evidence(site.siteUrl.replace(/^https:/, 'http:'), 'redirect', '', { it: 'http:// non reindirizza a https://', en: 'http:// does not redirect to https://' }));
    }
    const start = startPage(site, pages);
    const hsts = start?.headers['strict-transport-security'];
    const hstsMaxAge = hsts ? Number(/max-age\s*=\s*"?(\d+)/i.exec(hsts)?.[1] ?? 0) : 0;
    details.hsts = hsts ?? null;
    if (start && hstsMaxAge <= 0) {
      gaps.push(evidence(start.url, 'header:strict-transport-security', hsts ?? '', { it: 'HSTS assente o max-age=0', en: 'HSTS missing or max-age=0' }));
    }
    const mixed = mixedContent(pages);
    details.mixedContentPages = mixed.length;
    gaps.push(...mixed);

    if (gaps.length) {
      return partial(
        capEvidence(gaps),
        {
          it: 'HTTPS attivo ma incompleto: redirect da HTTP, HSTS o contenuti misti da sistemare.',
          en: 'HTTPS is on but incomplete: HTTP redirect, HSTS or mixed content to fix.',
        },
        details,
      );
    }
    if (!tls || tls.authorized !== true) {
      return unknown(
        [],
        { it: 'Dati del certificato non disponibili: HTTPS non verificabile.', en: 'Certificate data not available: HTTPS cannot be verified.' },
        details,
      );
    }
    const certificate = [tls.protocol, `${tls.validFrom} – ${tls.validTo}`, tls.issuer].filter(Boolean).join(' · ');
    return pass(
      [evidence(site.siteUrl, 'tls', certificate, { it: 'certificato valido', en: 'certificate valid' }), ...(hsts && start ? [evidence(start.url, 'header:strict-transport-security', hsts)] : [])],
      { it: 'HTTPS con certificato valido, TLS moderno, redirect da HTTP e HSTS.', en: 'HTTPS with a valid certificate, modern TLS, HTTP redirect and HSTS.' },
      details,
    );
  },
);
