// Point 6 — shared infrastructure and cloud. Informative (AgID R.SI.2.1): the only thing a website shows is where
// the site itself is served from. A cloud hosting signature passes; otherwise unknown, never fail — the comune's
// other systems, and whether the site sits behind a CDN on premises, are not visible from outside.
import { defineRule, evidence, nameNote, okPages, pass, unknown } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence } from './find.js';
import { CLOUD_SIGNATURES, CLOUD_VALUE_HEADERS } from './signals.js';

export default defineRule(
  {
    id: 'cloud',
    point: 'cloud',
    title: { it: 'Sito ospitato su infrastruttura cloud', en: 'Site hosted on cloud infrastructure' },
    failureTitle: { it: 'Infrastruttura cloud non determinabile', en: 'Cloud infrastructure not determinable' },
    law: 'CAD (D.lgs. 82/2005) art. 33-septies; Regolamento AgID/ACN cloud per la PA (2021); AgID R.SI.2.1',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const found: { kind: 'hosting' | 'cdn'; name: string; ev: Evidence }[] = [];
    for (const page of okPages(site)) {
      for (const signature of CLOUD_SIGNATURES) {
        if (found.some((f) => f.name === signature.name)) continue;
        const byValue = CLOUD_VALUE_HEADERS.find((name) => signature.value && page.headers[name] && signature.value.test(page.headers[name]));
        const byName = signature.headers.find((name) => page.headers[name] !== undefined);
        const header = byValue ?? byName;
        if (header) {
          found.push({ kind: signature.kind, name: signature.name, ev: evidence(page.url, `header:${header}`, `${header}: ${page.headers[header]}`, nameNote(signature.name)) });
        }
      }
    }
    const hosting = found.filter((f) => f.kind === 'hosting');
    const cdn = found.filter((f) => f.kind === 'cdn');
    const details = { hosting: hosting.map((f) => f.name), cdn: cdn.map((f) => f.name) };

    if (hosting.length) {
      return pass(
        capEvidence(found.map((f) => f.ev)),
        {
          it: `Il sito è servito da infrastruttura cloud (${details.hosting.join(', ')}); dato informativo.`,
          en: `The site is served from cloud infrastructure (${details.hosting.join(', ')}); informative.`,
        },
        details,
      );
    }
    return unknown(
      capEvidence(cdn.map((f) => f.ev)),
      cdn.length
        ? {
            it: `Il sito passa da una CDN (${details.cdn.join(', ')}) che nasconde dove è ospitato.`,
            en: `The site is served through a CDN (${details.cdn.join(', ')}) that hides where it is hosted.`,
          }
        : {
            it: 'Dal sito pubblico non si vede dove sono ospitati i sistemi del comune.',
            en: 'The public site does not show where the comune’s systems are hosted.',
          },
      details,
    );
  },
);
