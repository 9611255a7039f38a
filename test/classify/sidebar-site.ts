// A site of an old template whose box of headlines sits in the main text of every page (test/classify/site.test.ts,
// cli.test.ts): five short pages, each with its own subject, the box repeated on all.

/** An old template with no landmarks and the comune's name as every page's title: its "news in evidence" box sits in the main text. */
export const SIDEBAR = [
  'In evidenza',
  'Raccolta differenziata porta a porta: il nuovo calendario della raccolta di umido, carta, plastica e vetro',
  'Piattaforma ecologica aperta il sabato per ingombranti, sfalci e rifiuti elettronici',
  'Tassa rifiuti: la seconda rata scade il 2 dicembre',
];

export const SIDEBAR_SITE_PAGES: [string, string, string][] = [
  ['carta-identita', "Carta d'identità elettronica", "La carta d'identità elettronica si richiede all'anagrafe su appuntamento con una fototessera."],
  ['cambio-residenza', 'Cambio di residenza', "La dichiarazione di residenza si presenta all'ufficio anagrafe entro venti giorni dal trasferimento."],
  ['mensa', 'Iscrizione alla mensa scolastica', 'Le famiglie degli alunni della scuola primaria iscrivono i figli alla refezione scolastica.'],
  ['biblioteca', 'Biblioteca civica', 'La biblioteca presta libri e organizza letture per bambini e incontri con gli autori.'],
  ['permesso-costruire', 'Permesso di costruire', "Il titolo edilizio per le nuove costruzioni si chiede allo sportello unico per l'edilizia."],
];

export const sidebarSitePage = (title: string, text: string): string =>
  `<!doctype html><html lang="it"><head><title>Comune di Esempio</title></head><body><div id="content"><h2>${title}</h2><p>${text}</p>${SIDEBAR.map((line) => `<p>${line}</p>`).join('')}</div></body></html>`;

/** Expected category of each page of SIDEBAR_SITE_PAGES. */
export const SIDEBAR_SITE_CATEGORIES = ['anagrafe-stato-civile', 'anagrafe-stato-civile', 'educazione-formazione', 'cultura-tempo-libero', 'catasto-urbanistica'];
