// Point 5 — open-source software and reuse. Passes on a site theme from the Developers Italia catalogue (Design
// Comuni Italia and kin, by theme header or asset path), a publiccode.yml or a link to developers.italia.it (reuse);
// an open-source CMS outside the catalogue is partial. Nothing recognisable is unknown, not fail: a proprietary or
// unrecognised CMS says nothing about the rest of the comune's software, which the website cannot show.
import { defineRule, evidence, nameNote, okPages, partial, pass, unknown } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, hostIn, linkEvidence } from './find.js';
import { CATALOGUE_THEME_MARKERS, CATALOGUE_THEME_NAME, DEVELOPERS_ITALIA_DOMAINS, OPEN_SOURCE_CMS } from './signals.js';

const PUBLICCODE = /\/publiccode\.ya?ml(?:[?#]|$)/i;

export default defineRule(
  {
    id: 'open-source',
    point: 'open-source',
    title: { it: 'Software open source e riuso', en: 'Open-source software and reuse' },
    failureTitle: { it: 'Software open source non rilevato', en: 'Open-source software not detected' },
    law: 'CAD (D.lgs. 82/2005) artt. 68–69; Linee guida AgID acquisizione e riuso del software',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const catalogue: Evidence[] = [];
    for (const asset of site.assets) {
      if (asset.themeHeader && CATALOGUE_THEME_NAME.test(asset.themeHeader.name)) {
        const version = asset.themeHeader.version ? ` ${asset.themeHeader.version}` : '';
        catalogue.push(evidence(asset.url, 'theme-header', `Theme Name: ${asset.themeHeader.name}${version}`));
      }
    }
    const themePath = (url: string) => CATALOGUE_THEME_MARKERS.some((marker) => url.toLowerCase().includes(marker));
    const themeAsset = pages
      .flatMap((page) => [
        ...page.stylesheets.map((url) => ({ page, url, selector: 'link[rel=stylesheet]' })),
        ...page.scripts.map((url) => ({ page, url, selector: 'script[src]' })),
      ])
      .find(({ url }) => themePath(url));
    if (themeAsset) catalogue.push(evidence(themeAsset.page.url, themeAsset.selector, themeAsset.url, { it: 'percorso di un tema del catalogo', en: 'catalogue theme asset path' }));
    const reuse = findLinks(pages, (link) => PUBLICCODE.test(link.href) || hostIn(link.host, DEVELOPERS_ITALIA_DOMAINS)).map((hit) =>
      linkEvidence(hit, { it: 'riuso / Developers Italia', en: 'reuse / Developers Italia' }),
    );

    const cms: Evidence[] = [];
    const cmsNames: string[] = [];
    for (const { name, generator, path } of OPEN_SOURCE_CMS) {
      const byGenerator = pages.find((page) => page.generator && generator.test(page.generator));
      if (byGenerator) {
        cms.push(evidence(byGenerator.url, 'meta[name=generator]', byGenerator.generator ?? '', nameNote(name)));
        cmsNames.push(name);
        continue;
      }
      const byPath = pages
        .flatMap((page) => [...page.stylesheets, ...page.scripts].map((url) => ({ page, url })))
        .find(({ url }) => path.test(url));
      if (byPath) {
        cms.push(evidence(byPath.page.url, 'asset', byPath.url, nameNote(name)));
        cmsNames.push(name);
      }
    }
    const details = { catalogueTheme: catalogue.length > 0, reuseLinks: reuse.length, openSourceCms: cmsNames };

    if (catalogue.length || reuse.length) {
      return pass(
        capEvidence([...catalogue, ...reuse, ...cms]),
        {
          it: 'Il sito usa software del catalogo Developers Italia o rimanda al riuso.',
          en: 'The site uses software from the Developers Italia catalogue or points to reuse.',
        },
        details,
      );
    }
    if (cms.length) {
      return partial(
        capEvidence(cms),
        {
          it: `Il sito usa un CMS open source (${details.openSourceCms.join(', ')}) ma non un tema del catalogo Developers Italia.`,
          en: `The site runs an open-source CMS (${details.openSourceCms.join(', ')}) but not a theme from the Developers Italia catalogue.`,
        },
        details,
      );
    }
    return unknown(
      [],
      {
        it: 'Nessun software open source riconoscibile dal sito pubblico; il resto del software del comune non è visibile.',
        en: 'No recognisable open-source software on the public site; the rest of the comune’s software is not visible.',
      },
      details,
    );
  },
);
