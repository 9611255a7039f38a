// C.SI.5.2 Institutional domain: comune.<name>.<prov>.it (or www.comune…) with <name>.<prov>.it in the list of
// domains reserved for comuni; the personal-area login page, when found, must be on the same domain.
import { defineRule, evidence, fail, hostMatches, hostOf, pass } from '../../src/check/define.js';
import type { Evidence } from '../../src/types.js';
import { allowedComuneDomains } from './model-data.js';
import { agidMeta, pagesOfType } from './shared.js';
import { officialGathering, ALL_KINDS } from './gathering.js';

/** The reserved name a host uses ("www.comune.x.pv.it" → "x.pv.it"), or null when it is not of the comune.* form. */
export function reservedName(host: string): string | null {
  const bare = host.toLowerCase().replace(/^www\./, '');
  return bare.startsWith('comune.') ? bare.slice('comune.'.length) : null;
}

export default defineRule(
  agidMeta({
    id: 'C.SI.5.2',
    title: {
      it: 'C.SI.5.2 - DOMINIO ISTITUZIONALE - Il sito comunale utilizza un dominio istituzionale secondo le modalità indicate nella documentazione del modello di sito comunale.',
      en: 'C.SI.5.2 - Institutional domain - The comune website uses an institutional domain (comune.<name>.<province>.it) as the model describes.',
    },
    weight: 1,
    group: 'sicurezza',
    pageTypes: 'all',
  }),
  officialGathering(ALL_KINDS, (site) => {
    const host = site.host.toLowerCase();
    const name = reservedName(host);
    const listed = name !== null && allowedComuneDomains().has(name);
    const domainNote =
      name === null
        ? { it: 'non nella forma comune.<nome>.<prov>.it', en: 'not of the form comune.<name>.<prov>.it' }
        : listed
          ? { it: `${name} è un dominio riservato ai comuni`, en: `${name} is a reserved comune domain` }
          : { it: `${name} non è tra i domini riservati ai comuni`, en: `${name} is not in the reserved comune domains` };
    const ev: Evidence[] = [evidence(site.siteUrl, 'url', host, domainNote)];
    const login = pagesOfType(site, 'personal-area-login')[0];
    const loginHost = login ? hostOf(login.finalUrl || login.url) : null;
    const sameHost = loginHost !== null && hostMatches(loginHost, host.replace(/^www\./, ''));
    const loginOk = !loginHost || sameHost || (name !== null && hostMatches(loginHost, `comune.${name}`));
    if (login) {
      const loginNote = sameHost
        ? { it: 'area personale sullo stesso dominio del sito', en: 'personal area on the same domain as the site' }
        : loginOk
          ? { it: 'area personale sul dominio istituzionale', en: 'personal area on the institutional domain' }
          : { it: `area personale su un altro dominio (${loginHost})`, en: `personal area on another domain (${loginHost})` };
      ev.push(evidence(login.url, 'url', loginHost ?? '', loginNote));
    }
    const details = { host, reservedName: name, listed, personalAreaHost: loginHost };
    if (listed && loginOk) return pass(ev, { it: `Dominio istituzionale ${host}`, en: `Institutional domain ${host}` }, details);
    const why = !listed ? (name === null ? `${host} non è nella forma comune.<nome>.<prov>.it` : `${name} non è tra i domini riservati ai comuni`) : `area personale su ${loginHost}`;
    const whyEn = !listed ? (name === null ? `${host} is not of the form comune.<name>.<prov>.it` : `${name} is not a reserved comune domain`) : `personal area on ${loginHost}`;
    return fail(ev, { it: `Dominio non istituzionale: ${why}`, en: `Not an institutional domain: ${whyEn}` }, details);
  }),
);
