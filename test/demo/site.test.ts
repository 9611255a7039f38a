// Guards the demo site's content: links resolve, the sitemap matches the pages, and the deliberate findings
// listed in fixtures/demo-site/README.md are really there (tests and the README rely on them).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { demoSiteDir } from '../../src/demo/server.js';
import { dataPath } from '../../src/util/paths.js';

function htmlFiles(dir = demoSiteDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) return [];
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith('.html') ? [relative(demoSiteDir, file).split(sep).join('/')] : [];
  });
}

const pages = htmlFiles().sort();
const WINDOWS_1252_PAGE = 'vivere/storia-di-valfiorita.html';
const BROKEN_PAGE = 'novita/avviso-lavori-acquedotto.html';

function load(path: string): cheerio.CheerioAPI {
  const bytes = readFileSync(join(demoSiteDir, path));
  return cheerio.load(path === WINDOWS_1252_PAGE ? iconv.decode(bytes, 'windows-1252') : bytes.toString('utf8'));
}

/** Site path a relative or root-relative reference points to, or null for other hosts and schemes. */
function targetOf(fromPage: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#')) return null;
  const url = new URL(ref, `http://demo.invalid/${fromPage}`);
  let path = decodeURIComponent(url.pathname).slice(1);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return posix.normalize(path);
}

const model = (name: string): unknown => JSON.parse(readFileSync(dataPath('modello-comuni', name), 'utf8'));

describe('demo site files', () => {
  it('has between 45 and 70 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(45);
    expect(pages.length).toBeLessThanOrEqual(70);
  });

  it('has every internal link, image, stylesheet and script resolving to a file, except the broken page’s dead link', () => {
    const dead: string[] = [];
    for (const page of pages) {
      const $ = load(page);
      $('a[href], link[href], img[src], script[src]').each((_, el) => {
        const ref = $(el).attr('href') ?? $(el).attr('src') ?? '';
        const target = targetOf(page, ref);
        if (!target) return;
        const file = join(demoSiteDir, target);
        if (!existsSync(file) || !statSync(file).isFile()) dead.push(`${page} -> ${ref}`);
      });
    }
    expect(dead).toEqual([`${BROKEN_PAGE} -> ../documenti/ordinanza-45-2024.pdf`]);
  });

  it('lists every page but the 404 page in the sitemap, under the placeholder origin', () => {
    const xml = readFileSync(join(demoSiteDir, 'sitemap.xml'), 'utf8');
    const listed = [...xml.matchAll(/<loc>http:\/\/127\.0\.0\.1:PORT\/([^<]*)<\/loc>/g)].map((m) => targetOf('index.html', m[1] || './'));
    expect(listed.sort()).toEqual(pages.filter((p) => p !== '404.html'));
  });

  it('keeps pages lean', () => {
    for (const page of pages) expect(statSync(join(demoSiteDir, page)).size, page).toBeLessThan(30_000);
  });
});

describe('deliberate findings of the demo site', () => {
  const servicePages = pages.filter((p) => /^servizi\/[^/]+\.html$/.test(p));

  it('has a home with the four first-level items in order and the footer markers', () => {
    const $ = load('index.html');
    expect($('[data-element="main-navigation"] a').map((_, a) => $(a).text().trim()).get()).toEqual(['Amministrazione', 'Novità', 'Servizi', 'Vivere Valfiorita']);
    for (const marker of ['faq', 'report-inefficiency', 'privacy-policy-link', 'legal-notes', 'personal-area-login', 'appointment-booking', 'all-topics']) {
      expect($(`[data-element="${marker}"]`).length, marker).toBeGreaterThan(0);
    }
    expect($('footer [data-element="accessibility-link"]').attr('href')).toMatch(/^https:\/\/form\.agid\.gov\.it\/view\//);
    expect($('footer [data-element="privacy-policy-link"]').attr('href')).toBe('privacy.html');
    const scripts = $('script').map((_, s) => $(s).attr('src') ?? $(s).text()).get().join('\n');
    expect(scripts).toContain('https://ingestion.webanalytics.italia.it/');
    expect(scripts).toContain('https://www.googletagmanager.com/gtag/js?id=');
    expect($('a[href="https://io.italia.it/"]').length).toBe(1);
  });

  it('has 14 service pages, 12 with every model section and 2 without some', () => {
    const sections = (model('municipality_service_contentTypeItems.json') as { contentTypeItemsIndex: string[] }).contentTypeItemsIndex;
    const incomplete = servicePages.filter((page) => {
      const $ = load(page);
      const index = $('[data-element="page-index"] a').map((_, a) => $(a).text().trim()).get();
      return !sections.every((title) => index.includes(title));
    });
    expect(servicePages).toHaveLength(14);
    expect(incomplete).toEqual(['servizi/bandi-di-gara.html', 'servizi/occupazione-suolo-pubblico.html']);
  });

  it('has JSON-LD service metadata on 11 service pages, a malformed block on 1 and none on 2', () => {
    const outcome = new Map<string, string>();
    for (const page of servicePages) {
      const $ = load(page);
      const block = $('script[data-element="metatag"]');
      if (!block.length) outcome.set(page, 'missing');
      else {
        try {
          const data = JSON.parse(block.text()) as { name?: string; availableChannel?: { serviceLocation?: { address?: { postalCode?: string } } } };
          outcome.set(page, data.name && data.availableChannel?.serviceLocation?.address?.postalCode ? 'valid' : 'incomplete');
        } catch {
          outcome.set(page, 'malformed');
        }
      }
    }
    const of = (kind: string) => [...outcome].filter(([, v]) => v === kind).map(([k]) => k);
    expect(of('valid')).toHaveLength(11);
    expect(of('malformed')).toEqual(['servizi/matrimonio-civile.html']);
    expect(of('missing')).toEqual(['servizi/bandi-di-gara.html', 'servizi/contrassegno-disabili.html']);
  });

  it('gives every service page a breadcrumb Home › Servizi › <category> › <title>, a status and topics', () => {
    const categories = (model('menuItems.json') as { primaryMenuItems: { services: { dictionary: string[] } } }).primaryMenuItems.services.dictionary;
    for (const page of servicePages) {
      const $ = load(page);
      const crumbs = $('[data-element="breadcrumb"] li').map((_, li) => $(li).text().replace('/', '').trim()).get();
      expect(crumbs.slice(0, 2), page).toEqual(['Home', 'Servizi']);
      expect(categories, page).toContain(crumbs[2].toLowerCase());
      expect(crumbs[3], page).toBe($('[data-element="service-title"]').text().trim());
      expect($('[data-element="service-status"]').text().trim(), page).toMatch(/^Servizio (non )?attivo$/);
      expect($('[data-element="service-topic"]').length, page).toBeGreaterThan(0);
    }
    expect(servicePages.filter((p) => !load(p)('[data-element="service-area"]').length)).toEqual(['servizi/occupazione-suolo-pubblico.html']);
  });

  it('splits the 14 services over two index pages joined by a pager (8 + 6)', () => {
    const first = load('servizi.html');
    const second = load('servizi-2.html');
    expect(first('[data-element="service-link"]').length).toBe(8);
    expect(second('[data-element="service-link"]').length).toBe(6);
    expect(first('.pagination a[rel="next"]').attr('href')).toBe('servizi-2.html');
    expect(first('[data-element="appointment-booking"]').length).toBeGreaterThan(0);
  });

  it('lists 9 topics, one of them outside the model vocabulary', () => {
    const vocabulary = model('municipalityModelVocabulary_argomenti.json') as string[];
    const $ = load('argomenti.html');
    const topics = $('[data-element="topic-element"]').map((_, a) => $(a).text().trim()).get();
    expect(topics).toHaveLength(9);
    expect(topics.filter((t) => !vocabulary.includes(t))).toEqual(['Valfiorita in fiore']);
  });

  it('has one custom second-level item under Amministrazione', () => {
    const dictionary = (model('menuItems.json') as { primaryMenuItems: { management: { dictionary: string[] } } }).primaryMenuItems.management.dictionary;
    const $ = load('amministrazione.html');
    const items = $('[data-element="management-category-link"]').map((_, a) => $(a).text().trim()).get();
    expect(items.filter((t) => !dictionary.includes(t.toLowerCase()))).toEqual(['Bilancio partecipato']);
  });

  it('asks the model feedback question everywhere except on novita.html', () => {
    const expected = 'Quanto sono chiare le informazioni su questa pagina?';
    const wrong = pages.filter((page) => {
      const title = load(page)('[data-element="feedback-title"]');
      return title.length > 0 && title.text().trim() !== expected;
    });
    expect(wrong).toEqual(['novita.html']);
  });

  it('carries the model CC-BY 4.0 text in the legal notes', () => {
    const text = (model('legalNotes_license_text.json') as { legalNotes: { body: { text: string } } }).legalNotes.body.text;
    const $ = load('note-legali.html');
    expect($('[data-element="legal-notes-section"] h2').text()).toBe('Licenza dei contenuti');
    expect($('[data-element="legal-notes-body"]').text()).toBe(text);
  });

  it('declares the Design Comuni Italia theme header the validator looks for', () => {
    const { regex, flags } = (model('cmsThemeRx.json') as { cmsThemeRx: { regex: string; flags: string } }).cmsThemeRx;
    const match = new RegExp(regex, flags).exec(readFileSync(join(demoSiteDir, 'assets/css/style.css'), 'utf8'));
    expect(match?.groups).toEqual({ name: 'WordPress', version: '1.2.0' });
  });

  it('mentions SPID and pagoPA only in passing in the launch news (near-miss)', () => {
    const $ = load('novita/nuovo-sito-comunale.html');
    const main = $('main').text();
    expect(main).toMatch(/SPID/);
    expect(main).toMatch(/pagoPA/);
    expect($('main .richtext-wrapper a').map((_, a) => $(a).attr('href')).get()).toEqual(['mailto:urp@comune.valfiorita.vf.it']);
  });

  it('has an image without alt on the event page and a page without lang (the broken one)', () => {
    expect(load('vivere/eventi/festa-della-fioritura.html')('main img:not([alt])').length).toBe(1);
    const withoutLang = pages.filter((page) => !load(page)('html').attr('lang'));
    expect(withoutLang).toEqual([BROKEN_PAGE]);
  });
});
