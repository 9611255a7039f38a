// A generated comune-like site for the benchmark: N pages in Bootstrap Italia markup, a 20-way link tree,
// served from memory on 127.0.0.1 so the network costs almost nothing and parsing dominates, as in real crawls.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BRANCHING = 20;
const SECTIONS = ['amministrazione', 'novita', 'servizi', 'vivere'];
const PARAGRAPH =
  'Il Comune garantisce ai cittadini l’accesso ai servizi online con SPID e CIE: iscrizione alla mensa scolastica, ' +
  'pagamento della TARI con pagoPA, richiesta di certificati anagrafici tramite ANPR e prenotazione della carta ' +
  'd’identità elettronica. Gli uffici ricevono su appuntamento dal lunedì al venerdì.';

function pagePath(id: number): string {
  return id === 0 ? '/' : `/pagina/${id}.html`;
}

export function generatePage(id: number, total: number): string {
  const children: string[] = [];
  for (let child = id * BRANCHING + 1; child <= id * BRANCHING + BRANCHING && child < total; child++) {
    children.push(`<div class="col-12 col-md-6 col-lg-4"><div class="card card-teaser shadow rounded">
      <div class="card-body"><h3 class="card-title h5"><a class="text-decoration-none" href="${pagePath(child)}" data-element="service-link">Servizio numero ${child}</a></h3>
      <p class="card-text text-secondary">${PARAGRAPH.slice(0, 120)}</p></div></div></div>`);
  }
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<p class="text-paragraph">${PARAGRAPH} (${id}.${i})</p>`).join('\n');
  const menu = SECTIONS.map((s) => `<li class="nav-item"><a class="nav-link" href="/${s}.html" data-element="${s === 'servizi' ? 'all-services' : s === 'novita' ? 'news' : s === 'vivere' ? 'live' : 'management'}">${s}</a></li>`).join('');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Pagina ${id} - Comune di Benchmark</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/css/bootstrap-italia.min.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"GovernmentService","name":"Servizio ${id}"}</script></head>
<body><header class="it-header-wrapper"><div class="it-header-slim-wrapper"><div class="container"><a class="navbar-brand" href="/">Regione</a>
<a class="btn btn-primary btn-icon btn-full" href="/area-personale.html" data-element="personal-area-login"><span class="rounded-icon"></span><span class="d-none d-lg-block">Accedi all'area personale</span></a></div></div>
<div class="it-nav-wrapper"><div class="it-header-navbar-wrapper"><div class="container"><nav class="navbar navbar-expand-lg has-megamenu" aria-label="Navigazione principale">
<ul class="navbar-nav" data-element="main-navigation">${menu}</ul></nav></div></div></div></header>
<main><div class="container" id="main-container"><nav class="breadcrumb-container" aria-label="breadcrumb"><ol class="breadcrumb p-0" data-element="breadcrumb">
<li class="breadcrumb-item"><a href="/">Home</a></li><li class="breadcrumb-item"><a href="/servizi.html">Servizi</a></li><li class="breadcrumb-item active">Pagina ${id}</li></ol></nav>
<h1 class="title-xxxlarge" data-element="service-title">Pagina ${id}</h1><div class="row">${children.join('\n')}</div>
<section class="it-page-section mb-30" id="descrizione"><h2 class="title-xxlarge mb-3">Descrizione</h2>${paragraphs}</section></div></main>
<footer class="it-footer"><div class="it-footer-main"><div class="container"><ul class="footer-list">
<li><a href="/faq.html" data-element="faq">Leggi le FAQ</a></li><li><a href="/disservizio.html" data-element="report-inefficiency">Segnalazione disservizio</a></li>
<li><a href="/privacy.html" data-element="privacy-policy-link">Informativa privacy</a></li><li><a href="/note-legali.html" data-element="legal-notes">Note legali</a></li>
<li><a href="https://form.agid.gov.it/view/0000" data-element="accessibility-link">Dichiarazione di accessibilità</a></li></ul></div></div></footer>
<script src="/js/bootstrap-italia.bundle.min.js"></script></body></html>`;
}

export interface GeneratedSite {
  url: string;
  paths: string[];
  close(): Promise<void>;
}

export async function serveGeneratedSite(total: number): Promise<GeneratedSite> {
  const pages = new Map<string, string>();
  for (let id = 0; id < total; id++) pages.set(pagePath(id), generatePage(id, total));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = pages.get(path);
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    } else if (path.endsWith('.css')) {
      res.writeHead(200, { 'content-type': 'text/css' }).end(':root{--bootstrap-italia-version:"2.8.2"}body{font-family:"Titillium Web",Geneva,sans-serif}');
    } else if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>404</title><p>Pagina non trovata</p>');
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    paths: [...pages.keys()],
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
