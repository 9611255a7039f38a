// C.SI.5.1 HTTPS certificate: https, a certificate Node's CA store accepts (valid dates included),
// TLS 1.2 or 1.3, and a cipher suite from the model's list.
import { defineRule, evidence, fail, joinLocalised, pass, unknown } from '../../src/check/define.js';
import type { Localised } from '../../src/types.js';
import { allowedCiphers } from './model-data.js';
import { agidMeta, singlePageUnknown } from './shared.js';

/** Node reports TLS 1.2 suites by their OpenSSL names; the model lists IANA names. TLS 1.3 names are the same in both. */
const OPENSSL_TO_IANA: Record<string, string> = {
  'ECDHE-ECDSA-AES128-GCM-SHA256': 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384': 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305': 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'ECDHE-RSA-CHACHA20-POLY1305': 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'DHE-RSA-AES128-GCM-SHA256': 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'DHE-RSA-AES256-GCM-SHA384': 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
};

export function ianaCipher(name: string): string {
  return OPENSSL_TO_IANA[name.toUpperCase()] ?? name.toUpperCase();
}

export default defineRule(
  agidMeta({
    id: 'C.SI.5.1',
    title: {
      it: 'C.SI.5.1 - CERTIFICATO HTTPS - Il sito comunale deve avere un certificato https valido e attivo.',
      en: 'C.SI.5.1 - HTTPS certificate - The comune website must have a valid, active https certificate (TLS 1.2 or later, allowed cipher suites).',
    },
    weight: 1,
    group: 'sicurezza',
    pageTypes: 'site',
  }),
  (site) => {
    if (site.singlePage) return singlePageUnknown(site);
    const tls = site.tls;
    if (!tls) {
      return unknown([evidence(site.siteUrl, 'tls', '', { it: 'nessun dato TLS registrato', en: 'no TLS facts recorded' })], { it: 'Dati TLS non disponibili', en: 'TLS facts not available' });
    }
    const problems: Localised[] = [];
    if (!tls.https) problems.push({ it: 'sito non servito in https', en: 'not served over https' });
    if (tls.https && tls.authorized !== true) {
      const reason = tls.authorizationError ? ` (${tls.authorizationError})` : '';
      problems.push({ it: `certificato non valido${reason}`, en: `certificate not valid${reason}` });
    }
    // Dates judged at the crawl's time (site.auditedAt), so the same facts give the same verdict later.
    const now = Date.parse(site.auditedAt);
    if (tls.https && tls.validTo && Date.parse(tls.validTo) < now) problems.push({ it: `certificato scaduto il ${tls.validTo}`, en: `certificate expired on ${tls.validTo}` });
    if (tls.https && tls.validFrom && Date.parse(tls.validFrom) > now) {
      problems.push({ it: `certificato non valido prima del ${tls.validFrom}`, en: `certificate not valid before ${tls.validFrom}` });
    }
    const protocolOk = tls.protocol === 'TLSv1.2' || tls.protocol === 'TLSv1.3';
    if (tls.https && !protocolOk) {
      problems.push({ it: `protocollo ${tls.protocol ?? 'sconosciuto'} inferiore a TLS 1.2`, en: `protocol ${tls.protocol ?? 'unknown'} below TLS 1.2` });
    }
    const cipher = tls.cipher ? ianaCipher(tls.cipher) : null;
    const allowed = allowedCiphers();
    const list = tls.protocol === 'TLSv1.3' ? allowed.tls13 : allowed.tls12;
    if (tls.https && protocolOk && (!cipher || !list.includes(cipher))) {
      problems.push({ it: `cifratura ${tls.cipher ?? 'sconosciuta'} non tra quelle ammesse`, en: `cipher ${tls.cipher ?? 'unknown'} not in the allowed list` });
    }
    // Seen: protocol, cipher, validity and issuer, as far as the handshake reported them (none over plain http).
    const validity = tls.validFrom || tls.validTo ? `${tls.validFrom ?? '?'} – ${tls.validTo ?? '?'}` : null;
    const shown = [tls.protocol, cipher, validity, tls.issuer].filter(Boolean).join(' · ');
    const details = { protocol: tls.protocol, cipher, validTo: tls.validTo, authorized: tls.authorized };
    if (problems.length) {
      const why = joinLocalised(problems);
      return fail([evidence(site.siteUrl, 'tls', shown, why)], { it: `HTTPS non conforme: ${why.it}`, en: `HTTPS not conforming: ${why.en}` }, details);
    }
    return pass([evidence(site.siteUrl, 'tls', shown)], { it: 'Certificato valido, TLS e cifratura ammessi', en: 'Valid certificate, allowed TLS version and cipher' }, details);
  },
);
