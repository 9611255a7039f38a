// C.SI.1.4 CMS theme: a site built on the model's Design Comuni Italia theme must use version 1.0 or later.
// A site that does not use the theme is outside the criterion; the validator shows it in yellow (partial here).
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import { cmsThemePattern } from './model-data.js';
import { versionAtLeast } from './c-si-1-2.js';
import { agidMeta, homePage, pageNotFound } from './shared.js';

const MIN_VERSION = '1.0.0';

export default defineRule(
  agidMeta({
    id: 'C.SI.1.4',
    title: {
      it: "C.SI.1.4 - UTILIZZO DI TEMI PER CMS - Nel caso in cui il sito utilizzi un tema messo a disposizione nella documentazione del modello di sito comunale, deve utilizzarne la versione più recente disponibile alla data di inizio lavori.",
      en: "C.SI.1.4 - Use of CMS themes - A site built on the model's CMS theme must use its latest version (1.0 or later).",
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['home'],
  }),
  (site) => {
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const pattern = cmsThemePattern();
    for (const asset of site.assets) {
      const header = asset.themeHeader;
      if (!header) continue;
      // The validator's regex first; a header named after the theme but laid out differently still counts.
      const match = pattern.exec(header.raw);
      if (!match && !/design (comuni|scuole) italia/i.test(header.name)) continue;
      const version = (match?.groups?.version ?? header.version ?? '').trim();
      const ev = [evidence(asset.url, 'css:theme-header', `${header.name} ${version}`)];
      const details = { theme: header.name, themeVersion: version };
      if (version && versionAtLeast(version.replace(/^v/i, ''), MIN_VERSION)) {
        return pass(ev, { it: `Tema del modello in versione ${version}`, en: `Model theme, version ${version}` }, details);
      }
      return fail(ev, { it: `Tema del modello in versione precedente alla 1.0 (${version || 'versione assente'})`, en: `Model theme older than 1.0 (${version || 'no version'})` }, details);
    }
    const otherTheme = site.assets.find((asset) => asset.themeHeader)?.themeHeader;
    const cssRead = site.assets.filter((asset) => asset.kind === 'css' && !asset.error).length;
    return partial(
      [
        otherTheme
          ? evidence(home.url, 'css:theme-header', otherTheme.name, { it: 'non è il tema del modello', en: "not the model's theme" })
          : evidence(home.url, 'css:theme-header', '', {
              it: `nessuna intestazione del tema Design Comuni Italia in ${cssRead} file CSS`,
              en: `no Design Comuni Italia theme header in ${cssRead} CSS files`,
            }),
      ],
      { it: 'Il sito non utilizza il tema CMS del modello', en: "The site does not use the model's CMS theme" },
      { theme: otherTheme?.name ?? null },
    );
  },
);
