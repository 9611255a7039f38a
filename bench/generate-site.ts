// A generated comune-like site for the benchmark: N pages in Bootstrap Italia markup, a 20-way link tree,
// served from memory on 127.0.0.1 so the network costs almost nothing and parsing dominates, as in real crawls.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BRANCHING = 20;
/** First-level sections with the model's markers, each with a mega-menu of second-level links. */
const SECTIONS = [
  { path: 'amministrazione', marker: 'management', label: 'Amministrazione', items: ['Organi di governo', 'Aree amministrative', 'Uffici', 'Enti e fondazioni', 'Politici', 'Personale amministrativo', 'Documenti e dati'] },
  { path: 'novita', marker: 'news', label: 'Novità', items: ['Notizie', 'Comunicati', 'Avvisi'] },
  { path: 'servizi', marker: 'all-services', label: 'Servizi', items: ['Anagrafe e stato civile', 'Tributi, finanze e contravvenzioni', 'Educazione e formazione', 'Mobilità e trasporti', 'Ambiente', 'Imprese e commercio', 'Autorizzazioni', 'Cultura e tempo libero'] },
  { path: 'vivere', marker: 'live', label: 'Vivere il Comune', items: ['Luoghi', 'Eventi'] },
];
/** Sentences a comune page is made of; each page takes a different handful, so not every page names SPID or pagoPA. */
const SENTENCES = [
  'Il servizio è rivolto ai cittadini residenti e ai domiciliati nel territorio comunale.',
  'La domanda si presenta online dall’area personale, con accesso tramite SPID o CIE.',
  'Il pagamento della tariffa avviene con pagoPA, anche dall’app IO.',
  'I certificati anagrafici si scaricano gratuitamente da ANPR, l’Anagrafe nazionale.',
  'Gli uffici ricevono su appuntamento dal lunedì al venerdì, dalle 9 alle 12.',
  'Per la carta d’identità elettronica è necessario prenotare un appuntamento.',
  'La raccolta differenziata porta a porta segue il calendario pubblicato ogni anno.',
  'Le iscrizioni alla mensa scolastica si aprono a luglio per l’anno scolastico successivo.',
  'Il permesso per la zona a traffico limitato vale per un solo veicolo.',
  'La segnalazione certificata di inizio attività si invia allo sportello unico SUAP.',
  'Il contributo per l’affitto è riservato ai nuclei con ISEE sotto la soglia del bando.',
  'La biblioteca civica propone letture per bambini ogni sabato mattina.',
  'Il consiglio comunale si riunisce in seduta pubblica nella sala consiliare.',
  'Gli atti di gara sono pubblicati nella sezione Amministrazione trasparente.',
  'L’imposta municipale propria si versa in due rate, a giugno e a dicembre.',
  'Le sanzioni del codice della strada si possono pagare entro cinque giorni con lo sconto.',
  'Il rilascio del contrassegno per persone con disabilità richiede il certificato medico.',
  'Il matrimonio civile si celebra nella sala del municipio o in altri luoghi autorizzati.',
  'Il piano regolatore e le sue varianti sono consultabili presso l’ufficio tecnico.',
  'La pro loco organizza la festa patronale con mercatini e concerti in piazza.',
  'L’assistenza domiciliare agli anziani è gestita dai servizi sociali del Comune.',
  'L’occupazione di suolo pubblico per dehors si autorizza con domanda all’ufficio commercio.',
  'Il nuovo sportello polifunzionale riunisce anagrafe, tributi e protocollo.',
  'Gli orti urbani sono assegnati con bando ai residenti che ne fanno richiesta.',
];
const FOOTER_LINKS = [
  ['Leggi le FAQ', '/faq.html', 'faq'], ['Segnalazione disservizio', '/disservizio.html', 'report-inefficiency'],
  ['Informativa privacy', '/privacy.html', 'privacy-policy-link'], ['Note legali', '/note-legali.html', 'legal-notes'],
  ['Dichiarazione di accessibilità', 'https://form.agid.gov.it/view/0000', 'accessibility-link'],
  ['Amministrazione trasparente', '/amministrazione-trasparente.html', ''], ['Albo pretorio', '/albo.html', ''],
  ['Prenotazione appuntamento', '/prenota.html', 'appointment-booking'], ['Contatti', '/contatti.html', 'contacts'],
  ['Mappa del sito', '/mappa.html', ''], ['Media policy', '/media-policy.html', ''], ['Statistiche del sito', '/statistiche.html', ''],
];

/** Where page `id` is served: the home at /, the others under /pagina/. */
export function pagePath(id: number): string {
  return id === 0 ? '/' : `/pagina/${id}.html`;
}

const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const icon = (name: string) => `<svg class="icon icon-sm icon-primary" aria-hidden="true"><use href="/svg/sprites.svg#it-${name}"></use></svg>`;

/** The model's header: slim bar, brand, search, personal-area login and a mega-menu for each section. */
function header(): string {
  const megaMenus = SECTIONS.map((section) => {
    const items = section.items
      .map((item) => `<li><a class="list-item dropdown-item" href="/${section.path}/${slug(item)}.html" data-element="${section.marker === 'all-services' ? 'service-category-link' : `${section.marker}-category-link`}"><span>${item}</span></a></li>`)
      .join('');
    return `<li class="nav-item dropdown megamenu"><a class="nav-link dropdown-toggle" href="/${section.path}.html" data-element="${section.marker}" aria-expanded="false"><span>${section.label}</span>${icon('expand')}</a>
<div class="dropdown-menu"><div class="megamenu pb-5 pt-3 py-lg-0"><div class="row"><div class="col-12 col-lg-8"><div class="link-list-wrapper"><ul class="link-list">${items}</ul></div></div>
<div class="col-12 col-lg-4"><div class="it-more text-end"><a class="list-item medium" href="/${section.path}.html"><span>Vedi tutto</span>${icon('arrow-right')}</a></div></div></div></div></div></li>`;
  }).join('\n');
  return `<header class="it-header-wrapper" data-bs-target="#header-nav-wrapper"><div class="it-header-slim-wrapper"><div class="container"><div class="row"><div class="col-12"><div class="it-header-slim-wrapper-content">
<a class="d-lg-block navbar-brand" href="https://www.regione.example.it" target="_blank">Regione di esempio</a>
<div class="it-header-slim-right-zone"><div class="nav-item dropdown"><button class="nav-link dropdown-toggle" type="button" aria-expanded="false"><span class="visually-hidden">Lingua attiva:</span><span>ITA</span>${icon('expand')}</button>
<div class="dropdown-menu"><div class="link-list-wrapper"><ul class="link-list"><li><a class="dropdown-item list-item" href="#"><span>ITA</span></a></li><li><a class="dropdown-item list-item" href="#"><span>ENG</span></a></li></ul></div></div></div>
<a class="btn btn-primary btn-icon btn-full" href="/area-personale.html" data-element="personal-area-login"><span class="rounded-icon" aria-hidden="true">${icon('user')}</span><span class="d-none d-lg-block">Accedi all'area personale</span></a></div></div></div></div></div></div>
<div class="it-nav-wrapper"><div class="it-header-center-wrapper"><div class="container"><div class="row"><div class="col-12"><div class="it-header-center-content-wrapper">
<div class="it-brand-wrapper ps-4 ps-lg-0"><a href="/">${icon('pa')}<div class="it-brand-text"><div class="it-brand-title">Comune di Benchmark</div></div></a></div>
<div class="it-right-zone"><div class="it-socials d-none d-lg-flex"><span>Seguici su</span><ul><li><a href="https://twitter.com/" aria-label="Twitter" target="_blank">${icon('twitter')}</a></li><li><a href="https://www.facebook.com/" aria-label="Facebook" target="_blank">${icon('facebook')}</a></li><li><a href="https://www.youtube.com/" aria-label="YouTube" target="_blank">${icon('youtube')}</a></li></ul></div>
<div class="it-search-wrapper"><span class="d-none d-md-block">Cerca</span><button class="search-link rounded-icon" type="button" aria-label="Cerca nel sito">${icon('search')}</button></div></div></div></div></div></div></div>
<div class="it-header-navbar-wrapper" id="header-nav-wrapper"><div class="container"><div class="row"><div class="col-12"><nav class="navbar navbar-expand-lg has-megamenu" aria-label="Navigazione principale">
<button class="custom-navbar-toggler" type="button" aria-controls="nav4" aria-expanded="false" aria-label="Mostra/Nascondi la navigazione">${icon('burger')}</button>
<div class="navbar-collapsable" id="nav4"><div class="overlay"></div><div class="menu-wrapper"><ul class="navbar-nav" data-element="main-navigation">${megaMenus}</ul>
<ul class="navbar-nav navbar-secondary"><li class="nav-item"><a class="nav-link" href="/argomenti/istruzione.html"><span>Iscrizioni</span></a></li><li class="nav-item"><a class="nav-link" href="/argomenti/ztl.html"><span>ZTL</span></a></li><li class="nav-item"><a class="nav-link" href="/argomenti.html" data-element="all-topics"><span class="fw-bold">Tutti gli argomenti...</span></a></li></ul></div></div></nav></div></div></div></div></div></header>`;
}

function footer(): string {
  const sections = SECTIONS.map((section) => `<div class="col-md-3 footer-items-wrapper"><h3 class="footer-heading-title">${section.label}</h3><ul class="footer-list">${section.items.map((item) => `<li><a href="/${section.path}/${slug(item)}.html">${item}</a></li>`).join('')}</ul></div>`).join('');
  const links = FOOTER_LINKS.map(([text, href, marker]) => `<li><a href="${href}"${marker ? ` data-element="${marker}"` : ''}>${text}</a></li>`).join('');
  return `<footer class="it-footer" id="footer"><div class="it-footer-main"><div class="container"><div class="row"><div class="col-12 footer-items-wrapper logo-wrapper"><div class="it-brand-wrapper"><a href="/">${icon('pa')}<div class="it-brand-text"><h2 class="no_toc">Comune di Benchmark</h2></div></a></div></div></div>
<div class="row">${sections}</div><div class="row"><div class="col-md-9 mt-md-4 footer-items-wrapper"><h3 class="footer-heading-title">Contatti</h3><div class="row"><div class="col-md-4"><p class="footer-info">Comune di Benchmark<br>Piazza del Municipio 1 - 00100 Benchmark<br>Codice fiscale / P. IVA: 000000000000<br><br><a href="/uffici.html">Ufficio Relazioni con il Pubblico</a><br>PEC: protocollo@pec.comune.benchmark.it</p></div>
<div class="col-md-4"><ul class="footer-list">${links}</ul></div></div></div></div></div></div>
<div class="it-footer-small-prints clearfix"><div class="container"><ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row"><li class="list-inline-item"><a href="/note-legali.html">Note legali</a></li><li class="list-inline-item"><a href="/privacy.html">Informativa privacy</a></li></ul></div></div></footer>`;
}

/** The rating widget every model page carries (data-element="feedback"), with its follow-up questions. */
function feedback(): string {
  const stars = [5, 4, 3, 2, 1].map((n) => `<input type="radio" id="star${n}a" name="ratingA" value="${n}"><label class="full rating-star active" for="star${n}a" data-element="feedback-rate-${n}">${icon('star-full')}<span class="visually-hidden">Valuta ${n} stelle su 5</span></label>`).join('');
  const answers = (texts: string[], name: string) => texts.map((text, i) => `<div class="form-check"><div class="radio-body border-bottom border-light cmp-form-radio"><input name="${name}" type="radio" id="${name}-${i}"><label for="${name}-${i}" class="active" data-element="feedback-rating-answer">${text}</label></div></div>`).join('');
  return `<div class="bg-primary"><div class="container"><div class="row d-flex justify-content-center bg-primary"><div class="col-12 col-lg-6 p-lg-0 px-4"><div class="cmp-rating pt-lg-80 pb-lg-80" id="rating">
<div class="card shadow card-wrapper" data-element="feedback"><div class="cmp-rating__card-first"><div class="card-header border-0"><h2 class="title-medium-2-semi-bold mb-0" data-element="feedback-title">Quanto sono chiare le informazioni su questa pagina?</h2></div>
<div class="card-body"><fieldset class="rating"><legend class="visually-hidden">Valuta da 1 a 5 stelle la pagina</legend>${stars}</fieldset></div></div>
<div class="form-rating d-none"><div data-step="1"><div class="cmp-steps-rating"><fieldset class="fieldset-rating-one d-none" data-element="feedback-rating-positive"><div class="iscrizioni-header w-100"><h3 class="step-title d-flex align-items-center justify-content-between drop-shadow"><legend class="d-block"><span class="d-block text-wrap" data-element="feedback-rating-question">Quali sono stati gli aspetti che hai preferito?</span></legend></h3></div>
<div class="cmp-steps-rating__body"><div class="cmp-radio-list"><div class="card card-teaser shadow-rating"><div class="card-body"><div class="form-group m-0">${answers(['Le indicazioni erano chiare', 'Le indicazioni erano complete', 'Capivo sempre che stavo procedendo correttamente', 'Non ho avuto problemi tecnici', 'Altro'], 'rating1')}</div></div></div></div></div></fieldset>
<fieldset class="fieldset-rating-two d-none" data-element="feedback-rating-negative"><div class="iscrizioni-header w-100"><h3 class="step-title d-flex align-items-center justify-content-between drop-shadow"><legend class="d-block"><span class="d-block text-wrap" data-element="feedback-rating-question">Dove hai incontrato le maggiori difficoltà?</span></legend></h3></div>
<div class="cmp-steps-rating__body"><div class="cmp-radio-list"><div class="card card-teaser shadow-rating"><div class="card-body"><div class="form-group m-0">${answers(['A volte le indicazioni non erano chiare', 'A volte le indicazioni non erano complete', 'A volte non capivo se stavo procedendo correttamente', 'Ho avuto problemi tecnici', 'Altro'], 'rating2')}</div></div></div></div></div></fieldset></div></div>
<div class="d-none" data-step="2"><div class="cmp-steps-rating"><fieldset><div class="iscrizioni-header w-100"><h3 class="step-title d-flex align-items-center justify-content-between drop-shadow mb-3"><legend class="d-block"><span class="d-block text-wrap">Vuoi aggiungere altri dettagli?</span></legend></h3></div>
<div class="cmp-steps-rating__body"><div class="form-group"><label for="formGroupExampleInputWithHelp" class="">Dettaglio</label><input type="text" class="form-control" id="formGroupExampleInputWithHelp" maxlength="200" data-element="feedback-input-text"><small class="form-text">Inserire massimo 200 caratteri</small></div></div></fieldset></div></div>
<div class="d-flex flex-nowrap pt-4 w-100 justify-content-center button-shadow"><button class="btn btn-outline-primary fw-bold me-4 btn-back" type="button">Indietro</button><button class="btn btn-primary fw-bold btn-next" type="submit" form="rating">Avanti</button></div></div></div></div></div></div></div></div>`;
}

/** Highlighted content cards with images, as on the model's home and listing pages. */
function highlights(id: number): string {
  return Array.from({ length: 6 }, (_, i) => {
    const n = (id + i) % SENTENCES.length;
    return `<div class="col-12 col-md-6 col-lg-4"><div class="card-wrapper border border-light rounded shadow-sm cmp-list-card-img"><div class="card no-after rounded"><div class="row g-2 g-md-0 flex-md-column"><div class="col-4 order-2 order-md-1"><img src="/img/evidenza-${n}.jpg" title="Evidenza ${n}" alt="Immagine di evidenza ${n}" class="rounded-top img-fluid img-responsive"></div>
<div class="col-8 order-1 order-md-2"><div class="card-body"><div class="category-top cmp-list-card-img__body"><span class="category cmp-list-card-img__body-heading-title underline">Notizie</span><span class="data">${String((id + i) % 28 + 1).padStart(2, '0')}/09/2024</span></div>
<a class="text-decoration-none" href="/novita/notizia-${n}.html"><h3 class="h5 card-title">Notizia numero ${n}</h3></a><p class="card-text d-none d-md-block">${SENTENCES[(n + 5) % SENTENCES.length]}</p>
<a class="read-more ps-3" href="/novita/notizia-${n}.html" aria-label="Leggi di più sulla notizia ${n}"><span class="text">Leggi di più</span>${icon('arrow-right')}</a></div></div></div></div></div></div>`;
  }).join('\n');
}

const HEADER = header();
const FEEDBACK = feedback();
const FOOTER = footer();

export function generatePage(id: number, total: number): string {
  const children: string[] = [];
  for (let child = id * BRANCHING + 1; child <= id * BRANCHING + BRANCHING && child < total; child++) {
    children.push(`<div class="col-12 col-md-6 col-lg-4"><div class="card card-teaser shadow rounded"><div class="card-body">
<h3 class="card-title h5"><a class="text-decoration-none" href="${pagePath(child)}" data-element="service-link">Servizio numero ${child}</a></h3>
<p class="card-text text-secondary">${SENTENCES[child % SENTENCES.length]}</p></div></div></div>`);
  }
  const paragraphs = Array.from({ length: 8 }, (_, i) => `<p class="text-paragraph">${SENTENCES[(id * 7 + i * 5) % SENTENCES.length]} ${SENTENCES[(id * 3 + i) % SENTENCES.length]}</p>`).join('\n');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Pagina ${id} - Comune di Benchmark</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${SENTENCES[id % SENTENCES.length]}">
<link rel="stylesheet" href="/css/bootstrap-italia.min.css"><link rel="stylesheet" href="/css/comuni.css">
<script type="application/ld+json" data-element="metatag">{"@context":"https://schema.org","@type":"GovernmentService","name":"Servizio ${id}","serviceType":"Servizio comunale","areaServed":{"@type":"AdministrativeArea","name":"Comune di Benchmark"}}</script></head>
<body><div class="skiplink"><a class="visually-hidden-focusable" href="#main-container">Vai ai contenuti</a><a class="visually-hidden-focusable" href="#footer">Vai al footer</a></div>
${HEADER}
<main><div class="container" id="main-container"><div class="row justify-content-center"><div class="col-12 col-lg-10"><div class="cmp-breadcrumbs" role="navigation"><nav class="breadcrumb-container" aria-label="breadcrumb"><ol class="breadcrumb p-0" data-element="breadcrumb">
<li class="breadcrumb-item"><a href="/">Home</a><span class="separator">/</span></li><li class="breadcrumb-item"><a href="/servizi.html">Servizi</a><span class="separator">/</span></li><li class="breadcrumb-item active" aria-current="page">Pagina ${id}</li></ol></nav></div>
<div class="cmp-heading pb-3 pb-lg-4"><h1 class="title-xxxlarge" data-element="service-title">Pagina ${id}</h1><p class="subtitle-small mb-3" data-element="service-description">${SENTENCES[(id + 3) % SENTENCES.length]}</p></div></div></div>
<div class="row">${children.join('\n')}</div>
<section class="it-page-section mb-30" id="descrizione"><h2 class="title-xxlarge mb-3">Descrizione</h2>${paragraphs}</section>
<section class="evidence-section"><h2 class="title-xxlarge mb-4">In evidenza</h2><div class="row g-4">${highlights(id)}</div></section></div>
${FEEDBACK}</main>
${FOOTER}
<script src="/js/bootstrap-italia.bundle.min.js"></script></body></html>`;
}

export interface GeneratedSite {
  url: string;
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
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
