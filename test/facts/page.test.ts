import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../src/facts/page.js';
import { fetchedPage, readFixture, siteFromHtml } from '../helpers/site.js';

const URL_HOME = 'https://www.comune.esempio.it/';

function facts(html: string, url = URL_HOME, headers?: Record<string, string>) {
  return extractPageFacts(fetchedPage({ url, html, headers }));
}

describe('extractPageFacts on a real model service page', () => {
  const page = facts(readFixture('modello-comuni', 'site', 'servizi', 'pagamenti-imu-scheda-servizio.html'), 'https://www.comune.esempio.it/servizi/imu.html');

  it('reads title, lang and the breadcrumb of the model', () => {
    expect(page.lang).toBe('it');
    expect(page.title).toBe('Pagamenti - Nome del Comune');
    expect(page.breadcrumb).toEqual(['Home', 'Servizi', 'Tributi, finanze e contravvenzioni', 'Pagamento IMU']);
  });

  it('records data-element markers with their text and nesting', () => {
    const names = page.dataElements.map((d) => d.name);
    expect(names).toContain('service-title');
    expect(names).toContain('page-index');
    const title = page.dataElements.find((d) => d.name === 'service-title');
    expect(title?.text).toBe('Pagamento IMU');
    const answers = page.dataElements.filter((d) => d.name === 'feedback-rating-answer');
    expect(answers).toHaveLength(10);
    const positive = page.dataElements.findIndex((d) => d.name === 'feedback-rating-positive');
    expect(answers[0].parent).not.toBeNull();
    // the first answer sits inside the positive fieldset (through the question/answer wrapper chain)
    let ancestor = answers[0].parent;
    while (ancestor !== null && ancestor !== positive) ancestor = page.dataElements[ancestor].parent;
    expect(ancestor).toBe(positive);
  });

  it('puts footer links in the footer region with their marker', () => {
    const privacy = page.links.find((l) => l.dataElement === 'privacy-policy-link');
    expect(privacy?.region).toBe('footer');
    expect(privacy?.text).toBe('Informativa privacy');
    expect(privacy?.selector).toBe('[data-element="privacy-policy-link"]');
    const menu = page.links.find((l) => l.dataElement === 'management');
    expect(menu?.region).toBe('header');
    expect(menu?.href).toBe('https://www.comune.esempio.it/sito/amministrazione.html');
  });

  it('keeps header/footer text out of the main text', () => {
    expect(page.mainText).toContain('Pagamento IMU');
    expect(page.mainText).not.toContain('Informativa privacy');
    expect(page.boilerplateText).toContain('Informativa privacy');
  });

  it('counts class tokens', () => {
    expect(page.classTokens).toContain('it-header-wrapper');
    const idx = page.classTokens.indexOf('container');
    expect(page.classTokenCounts[idx]).toBeGreaterThan(1);
    expect(page.classTokenCount).toBe(page.classTokenCounts.reduce((a, b) => a + b, 0));
  });
});

describe('extractPageFacts details', () => {
  it('separates block text instead of gluing it', () => {
    const page = facts('<html><body><main><p>Uno</p><p>Due</p><ul><li>Tre</li><li>Quattro</li></ul></main></body></html>');
    expect(page.mainText).toBe('Uno\nDue\nTre\nQuattro');
  });

  it('resolves links against <base>, drops fragments and flags documents and externals', () => {
    const page = facts(`<html><head><base href="https://www.comune.esempio.it/it/"></head><body>
      <a href="bilancio.csv#x">Bilancio (CSV)</a>
      <a href="https://comune.esempio.it/page">twin host</a>
      <a href="https://checkout.pagopa.it/">Paga</a>
      <a href="mailto:urp@comune.esempio.it">Scrivi</a>
      <a href="report.pdf" aria-label="Relazione"><img src="pdf.png" alt="PDF"></a>
    </body></html>`);
    const [csv, twin, pagopa, mail, pdf] = page.links;
    expect(csv).toMatchObject({ href: 'https://www.comune.esempio.it/it/bilancio.csv', documentType: 'csv', external: false });
    expect(twin.external).toBe(false);
    expect(pagopa.external).toBe(true);
    expect([csv.host, twin.host, pagopa.host, mail.host]).toEqual(['www.comune.esempio.it', 'comune.esempio.it', 'checkout.pagopa.it', '']);
    expect(mail.href).toBe('mailto:urp@comune.esempio.it');
    expect(mail.documentType).toBeNull();
    expect(pdf).toMatchObject({ documentType: 'pdf', label: 'Relazione' });
  });

  it('reads head metadata, scripts, styles, JSON-LD (and records a broken block)', () => {
    const page = facts(`<!doctype html><html lang="it-IT"><head>
      <title> Comune  di Esempio </title>
      <meta name="Generator" content="WordPress 6.5"><meta property="og:title" content="Esempio">
      <link rel="canonical" href="/home"><link rel="stylesheet" href="/css/bi.css">
      <script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
      <script>window.dataLayer = [];</script>
      <script type="application/ld+json">{"@type":"GovernmentService","name":"TARI"}</script>
      <script type="application/ld+json">{broken</script>
      <style>body{font-family:"Titillium Web",sans-serif}</style>
    </head><body><h1>Titolo</h1><h3>Sotto</h3><img src="a.png"><img src="b.png" alt=""><iframe src="https://www.youtube.com/embed/x"></iframe>
    <form action="/cerca" method="GET"><input name="q"><select name="cat"></select></form></body></html>`);
    expect(page.title).toBe('Comune di Esempio');
    expect(page.lang).toBe('it-IT');
    expect(page.generator).toBe('WordPress 6.5');
    expect(page.meta['og:title']).toBe('Esempio');
    expect(page.canonical).toBe('https://www.comune.esempio.it/home');
    expect(page.stylesheets).toEqual(['https://www.comune.esempio.it/css/bi.css']);
    expect(page.scripts[0]).toContain('googletagmanager.com');
    expect(page.inlineScripts).toEqual(['window.dataLayer = [];']);
    expect(page.jsonLd[0]).toEqual({ '@type': 'GovernmentService', name: 'TARI' });
    expect(page.jsonLd[1]).toHaveProperty('@parseError');
    expect(page.inlineStyles[0]).toContain('Titillium Web');
    expect(page.headings).toEqual([{ level: 1, text: 'Titolo' }, { level: 3, text: 'Sotto' }]);
    expect(page.images.map((i) => i.alt)).toEqual([null, '']);
    expect(page.iframes).toEqual(['https://www.youtube.com/embed/x']);
    expect(page.forms[0]).toMatchObject({ method: 'get', inputs: [{ name: 'q', type: 'text' }, { name: 'cat', type: 'select' }] });
    expect(page.mainText).not.toContain('dataLayer');
  });

  it('uses class/role regions on old CMS pages without semantic elements', () => {
    const page = facts(`<body><div id="header"><a href="/a">A</a></div><div class="card-header">Card</div>
      <div role="navigation"><a href="/b">B</a></div><div id="footer"><a href="/privacy">Privacy</a></div></body>`);
    expect(page.links.map((l) => l.region)).toEqual(['other', 'nav', 'footer']);
    expect(page.mainText).toContain('Card');
  });

  it('stops reading a hostile page at a nesting depth no real page reaches, keeping what came before', () => {
    const html = `<main><a href="/prima">Prima</a>${'<div>'.repeat(200_000)}<a href="/dopo">Dopo</a>${'</div>'.repeat(200_000)}</main>`;
    const page = facts(html);
    // the link past the cut is not read (without the guard, htmlparser2 would also take tens of seconds here)
    expect(page.links.map((link) => link.href)).toEqual(['https://www.comune.esempio.it/prima']);
    expect(page.truncated).toBe(true);
  });

  it('counts the pages read in part in the site facts, the parser\'s caps included', () => {
    const many = `<main>${Array.from({ length: 2_500 }, (_, i) => `<a href="/atto/${i}">Atto ${i}</a>`).join('')}</main>`;
    const site = siteFromHtml([
      { url: 'https://www.comune.esempio.it/', html: '<main><a href="/albo">Albo</a></main>' },
      { url: 'https://www.comune.esempio.it/albo', html: many, depth: 1 },
    ]);
    expect(site.limits.truncatedPages).toBe(1);
  });

  it('records the first 2,000 links of a page and says the page was read in part', () => {
    const many = facts(`<main>${Array.from({ length: 2_500 }, (_, i) => `<a href="/atto/${i}">Atto ${i}</a>`).join('')}</main>`);
    expect(many.links).toHaveLength(2_000);
    expect(many.links.at(-1)?.href).toBe('https://www.comune.esempio.it/atto/1999');
    expect(many.truncated).toBe(true);
    expect(facts('<main><a href="/uno">Uno</a></main>').truncated).toBeUndefined();
  });

  it('reads a broken template that never closes its divs (2,000 levels) to the end, and does not call it partial', () => {
    const html = `<main>${'<div class="item">voce '.repeat(2_000)}<footer><a href="/privacy">Privacy</a></footer></main>`;
    const page = facts(html);
    expect(page.links.map((link) => link.href)).toEqual(['https://www.comune.esempio.it/privacy']);
    expect(page.truncated).toBeUndefined();
  });

  it('never throws on malformed HTML', () => {
    const page = facts('<html><body><div><p>Aperto <a href="/x">link <b>grassetto</div></span></table><li>voce');
    expect(page.links).toHaveLength(1);
    expect(page.mainText).toContain('Aperto');
  });

  it('keeps only relevant headers and returns empty facts for failed fetches', () => {
    const page = facts('<p>x</p>', URL_HOME, { 'set-cookie': 'a=1; Domain=.esempio.it', 'x-random': 'no' });
    expect(page.headers['set-cookie']).toBe('a=1; Domain=.esempio.it');
    expect(page.headers['x-random']).toBeUndefined();
    const failed = extractPageFacts({ ...fetchedPage({ url: URL_HOME, html: '' }), status: 0, error: { code: 'timeout', message: { it: 'tempo scaduto', en: 'timed out' } } });
    expect(failed.error?.code).toBe('timeout');
    expect(failed.links).toEqual([]);
  });

  it('keeps scripts held back by a consent manager apart from those that run', () => {
    const page = facts(`<head><script type="text/plain" data-src="https://www.googletagmanager.com/gtag/js?id=G-1" class="_iub_cs_activate"></script>
      <script type="text/plain">gtag('config','G-1')</script><script type="module" src="/app.js"></script><script type="text/javascript">var a=1;</script></head>`);
    expect(page.blockedScripts).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-1']);
    expect(page.blockedInlineScripts).toEqual(["gtag('config','G-1')"]);
    expect(page.scripts).toEqual(['https://www.comune.esempio.it/app.js']);
    expect(page.inlineScripts).toEqual(['var a=1;']);
  });

  it('parses cookies from set-cookie headers', () => {
    const page = facts('<p>x</p>', URL_HOME, { 'set-cookie': 'sess=1; Path=/; Secure; HttpOnly\n_ga=GA1; Domain=.Google.com; Path=/' });
    expect(page.cookies).toEqual([
      { name: 'sess', domain: null, path: '/', secure: true },
      { name: '_ga', domain: 'google.com', path: '/', secure: false },
    ]);
  });

  it('is deterministic', () => {
    const html = readFixture('modello-comuni', 'site', 'servizi', 'pagamenti-imu-scheda-servizio.html');
    expect(JSON.stringify(facts(html))).toBe(JSON.stringify(facts(html)));
  });
});

describe('extractPageFacts on malformed and tricky markup', () => {
  it('closes implied and unclosed elements where the HTML parser does', () => {
    const page = facts('<body><footer><ul data-element="legal"><li>Privacy<li>Note legali</ul></footer><p>Uno<p>Due<div data-element="box"><a href="/x">Vai<b>ora</div><a href="/y">fuori</a>');
    expect(page.dataElements.map((d) => [d.name, d.text])).toEqual([['legal', 'Privacy Note legali'], ['box', 'Vaiora']]);
    expect(page.dataElements[1].href).toBe('https://www.comune.esempio.it/x');
    // </div> closed the link too: the next link is outside the box and the footer.
    expect(page.links.map((l) => [l.text, l.region, l.dataElement])).toEqual([['Vaiora', 'other', 'box'], ['fuori', 'other', null]]);
    expect(page.mainText).toBe('Uno\nDue\nVaiora\nfuori');
    expect(page.boilerplateText).toBe('Privacy\nNote legali');
  });

  it('leaves svg and noscript content out of link text and links, but names an icon link by the image inside', () => {
    const page = facts('<main><a href="/doc.pdf"><svg><title>Icona</title><a href="/in-svg">x</a></svg><noscript><img alt=" PDF  file "></noscript>Scarica</a></main>');
    expect(page.links.map((l) => [l.href, l.text, l.label, l.documentType])).toEqual([['https://www.comune.esempio.it/doc.pdf', 'Scarica', 'PDF file', 'pdf']]);
    expect(page.mainText).toBe('Scarica');
  });

  it('joins the pieces of one text (entities, comments between) into readable text', () => {
    expect(facts('<main>Comune &amp; Citt&agrave;&nbsp;di&#32;Esempio <!-- nota -->ok</main>').mainText).toBe('Comune & Città di Esempio ok');
  });

  it('resolves the same relative hrefs against each page and <base> (nothing leaks between pages)', () => {
    const html = '<a href="pagina.html">a</a><a href="/radice.html">b</a><a href="?p=2">c</a>';
    const hrefs = (url: string, markup = html) => facts(markup, url).links.map((l) => l.href);
    expect(hrefs('https://www.comune.esempio.it/servizi/a.html')).toEqual([
      'https://www.comune.esempio.it/servizi/pagina.html',
      'https://www.comune.esempio.it/radice.html',
      'https://www.comune.esempio.it/servizi/a.html?p=2',
    ]);
    expect(hrefs('https://www.comune.esempio.it/eventi/b.html?x=1')).toEqual([
      'https://www.comune.esempio.it/eventi/pagina.html',
      'https://www.comune.esempio.it/radice.html',
      'https://www.comune.esempio.it/eventi/b.html?p=2',
    ]);
    expect(hrefs('http://altro.example.it:8080/servizi/')).toEqual([
      'http://altro.example.it:8080/servizi/pagina.html',
      'http://altro.example.it:8080/radice.html',
      'http://altro.example.it:8080/servizi/?p=2',
    ]);
    expect(hrefs('https://www.comune.esempio.it/servizi/a.html', `<head><base href="https://cdn.example.it/sito/"></head>${html}`)).toEqual([
      'https://cdn.example.it/sito/pagina.html',
      'https://cdn.example.it/radice.html',
      'https://cdn.example.it/sito/?p=2',
    ]);
  });

  it('is not fooled by class or role names that are JavaScript object members', () => {
    const page = facts('<div class="constructor footer"><a href="/p">Privacy</a></div><div role="toString" id="footer"><a href="/q">Q</a></div>');
    expect(page.links.map((l) => l.region)).toEqual(['footer', 'footer']);
  });
});

describe('siteFromHtml', () => {
  it('builds site facts with page types', () => {
    const site = siteFromHtml([{ url: URL_HOME, html: '<html lang="it"><body><a href="/servizi">Servizi</a></body></html>' }]);
    expect(site.host).toBe('www.comune.esempio.it');
    expect(site.pages[0].pageType.type).toBe('home');
  });
});
