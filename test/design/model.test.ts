// The real model pages (fixtures/modello-comuni, design-comuni-pagine-statiche v2.4.0) pass what they pass by
// construction; an old-CMS site with no markers gets fails that say what is missing, never a crash or a silent pass.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run.js';
import { designRules, rulesForPageType } from '../../rules/design/index.js';
import { assignLinkedPageTypes } from '../../src/facts/page-type.js';
import type { CheckResult } from '../../src/types.js';
import { readFixture, siteFromHtml } from '../helpers/site.js';
import { MODEL_ASSETS } from './fixtures.js';

const MODEL_HOST = 'https://www.comune.bergamo.it/sito/';
const MODEL_FILES = ['homepage', 'amministrazione', 'novita', 'servizi', 'eventi', 'servizi-categoria', 'servizio-dettaglio', 'argomenti', 'argomento', 'appuntamento-01-ufficio'];

function modelSite() {
  const pages = MODEL_FILES.map((file) => ({ url: `${MODEL_HOST}${file}.html`, html: readFixture('modello-comuni', 'site', 'sito', `${file}.html`) }));
  const site = siteFromHtml(pages, { assets: MODEL_ASSETS });
  assignLinkedPageTypes(site.pages, site.siteUrl);
  return site;
}

const byId = (results: CheckResult[]) => Object.fromEntries(results.map((result) => [result.id, result]));

describe('the real model pages', () => {
  const site = modelSite();
  const results = byId(runRules(designRules, site));

  it('are typed from their markers', () => {
    const types = Object.fromEntries(site.pages.map((page) => [page.url.slice(MODEL_HOST.length), page.pageType.type]));
    expect(types).toEqual({
      'homepage.html': 'home',
      'amministrazione.html': 'first-level',
      'novita.html': 'first-level',
      'servizi.html': 'services-index',
      'eventi.html': 'first-level',
      'servizi-categoria.html': 'second-level',
      'servizio-dettaglio.html': 'service',
      'argomenti.html': 'topics',
      'argomento.html': 'topic',
      'appuntamento-01-ufficio.html': 'booking',
    });
  });

  it('pass the criteria the model meets by construction', () => {
    for (const id of ['C.SI.1.5', 'C.SI.1.6', 'C.SI.2.2', 'C.SI.2.6']) {
      expect({ id, status: results[id].status }).toEqual({ id, status: 'pass' });
    }
    expect(results['C.SI.1.5'].details?.topics).toBe(18);
  });

  it('fail, as the official checker does, the criteria auditing pages the static set cannot lead to, though each page passes', () => {
    // Amministrazione's category links are href="#" and the services page has no booking link: the official checker
    // finds no second-level or booking page to audit and scores every criterion that audits them 0.
    for (const id of ['C.SI.1.1', 'C.SI.1.2', 'C.SI.2.5', 'C.SI.3.1', 'C.SI.5.2']) {
      expect({ id, status: results[id].status, message: results[id].message.en.split(':')[0] }).toEqual({ id, status: 'fail', message: 'The official checker cannot reach' });
      expect(results[id].message.en).toContain('second-level pages');
    }
    expect(results['C.SI.2.5'].evidence[0]).toMatchObject({ url: `${MODEL_HOST}amministrazione.html`, selector: 'data-element' });
    expect(results['C.SI.2.5'].evidence[0].note?.en).toBe(
      `no data-element="management-category-link" with a usable link on ${MODEL_HOST}amministrazione.html: the official checker finds no pages to audit and scores the criterion 0`,
    );
    // The rating widget itself is right on all six pages.
    expect(results['C.SI.2.5'].details?.pagesChecked).toBe(6);
    expect(results['C.SI.2.5'].details?.pagesPassing).toBe(6);
    expect(results['C.SI.1.2'].message.en).toBe('The official checker cannot reach: appointment booking page, second-level pages');
  });

  it('carry the metatag JSON-LD on the service page (needs the parser to record data-element on <script>)', () => {
    expect(results['R.SI.1.1'].status).toBe('pass');
  });

  it('fail, as the official checker does, where the static model leaves href="#"', () => {
    // The official checker rejects a marker whose own href is "#": the footer links, the booking link and the
    // Amministrazione page's category links of the static set lead nowhere.
    for (const id of ['C.SI.2.3', 'C.SI.2.4', 'C.SI.3.2', 'C.SI.3.3', 'C.SI.3.4']) {
      expect({ id, status: results[id].status, note: results[id].evidence[0].note?.en }).toEqual({ id, status: 'fail', note: 'href="#" leads nowhere' });
    }
    expect(results['C.SI.2.1'].status).toBe('fail');
    expect(results['C.SI.2.1'].evidence[0].note?.en).toBe('element marked appointment-booking present, but without a usable href (href="#")');
    expect(results['C.SI.1.7'].status).toBe('fail');
    expect(results['C.SI.1.7'].message.en).toBe('No marked second-level title on Amministrazione');
    // Five service-link anchors on the services page (href="#" still names a link for the official counter).
    expect(results['C.SI.1.3'].status).toBe('fail');
    expect(results['C.SI.1.3'].details?.servicesFound).toBe(5);
    expect(results['C.SI.1.3'].evidence.find((item) => item.url.endsWith('servizio-dettaglio.html'))?.note?.en).toBe('all mandatory items present; order ok');
    expect(results['C.SI.4.1'].status).toBe('unknown');
  });

  it('run in single-page mode on one service template, without the site-wide count', () => {
    const page = modelSite().pages.find((candidate) => candidate.url.endsWith('servizio-dettaglio.html'))!;
    const single = { ...modelSite(), pages: [page], singlePage: true };
    const singleResults = byId(runRules(rulesForPageType(page.pageType.type), single));
    expect(Object.keys(singleResults)).toContain('C.SI.2.6');
    expect(singleResults['C.SI.1.3'].status).toBe('pass');
    expect(singleResults['C.SI.1.3'].details?.servicesFound).toBeUndefined();
    expect(singleResults['C.SI.2.2'].status).toBe('pass');
  });
});

describe('an old-CMS site without the model', () => {
  const site = siteFromHtml([{ url: 'http://www.comunediprova.it/', html: readFixture('design', 'old-cms', 'home.html') }]);
  assignLinkedPageTypes(site.pages, site.siteUrl);
  const results = byId(runRules(designRules, site));

  it('never crashes and never passes silently', () => {
    expect(Object.values(results).filter((result) => result.status === 'error')).toEqual([]);
    const passing = Object.values(results).filter((result) => result.status === 'pass').map((result) => result.id);
    expect(passing).toEqual([]);
    // No cookie, but no menu or services link to follow either: the official checker audits nothing and scores 0.
    expect(results['C.SI.3.1'].message.en).toBe('The official checker cannot reach: service pages, appointment booking page, first-level pages, second-level pages');
  });

  it('says which page each criterion could not find', () => {
    expect(results['C.SI.1.3'].message).toEqual({ it: 'Pagina non trovata: scheda servizio', en: 'Page not found: service page' });
    expect(results['C.SI.1.5'].message.en).toBe('The home page does not link the topics page (data-element="all-topics")');
    expect(results['C.SI.3.4'].message.en).toBe('No legal notes link marked data-element="legal-notes" in the footer');
    expect(results['C.SI.3.4'].evidence[0].note?.it).toBe('link alle note legali: nessun elemento con data-element="legal-notes" nel footer della homepage');
    // No first-level menu link on the home: no title counted, so 0% (the official checker scores it 0 too).
    expect(results['C.SI.1.7'].message.en).toBe('Only 0% of second-level titles from the model (more than half needed)');
  });

  it('gives useful fails on what the home shows', () => {
    expect(results['C.SI.1.1']).toMatchObject({ status: 'fail' });
    expect(results['C.SI.1.1'].evidence[0].snippet).toBe('Verdana');
    expect(results['C.SI.1.2'].evidence[0].note?.en).toContain('version not found');
    expect(results['C.SI.1.6'].evidence[0].note?.en).toContain('no menu link marked for: Amministrazione (data-element="management")');
    expect(results['C.SI.3.3'].evidence[0].note?.en).toBe('privacy policy link: no element with data-element="privacy-policy-link" in the home page footer');
    expect(results['C.SI.5.2'].message.en).toBe('Not an institutional domain: www.comunediprova.it is not of the form comune.<name>.<prov>.it');
  });
});
