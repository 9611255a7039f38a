// Hand-built site facts and check results for report tests.
import { buildReport, type BuildReportInput } from '../../src/report/build.js';
import type { AnalysedPage, CrawlLimits, LinkFact, Localised, Report, SiteFacts } from '../../src/types.js';
import { makeCheck } from '../score/make-check.js';

export const SITE = 'https://www.comune.esempio.it/';

export function makeLink(href: string, documentType: LinkFact['documentType'] = null): LinkFact {
  return { href, text: href, region: 'main', dataElement: null, rel: null, selector: 'main a', documentType, external: false, host: new URL(href).hostname, label: '' };
}

export function makePage(url: string, depth: number, overrides: Partial<AnalysedPage> = {}): AnalysedPage {
  return {
    url,
    finalUrl: url,
    status: 200,
    depth,
    contentType: 'text/html',
    headers: {},
    title: `Pagina ${url}`,
    lang: 'it',
    meta: {},
    canonical: null,
    generator: null,
    headings: [],
    mainText: '',
    boilerplateText: '',
    breadcrumb: [],
    links: [],
    scripts: [],
    inlineScripts: [],
    blockedScripts: [],
    blockedInlineScripts: [],
    cookies: [],
    stylesheets: [],
    inlineStyles: [],
    classTokens: [],
    classTokenCount: 0,
    classTokenCounts: [],
    dataElements: [],
    jsonLd: [],
    forms: [],
    images: [],
    iframes: [],
    pageType: { type: 'other', section: null, reason: 'test', signals: [{ it: 'prova', en: 'test' }] },
    classification: null,
    ...overrides,
  };
}

export const LIMITS: CrawlLimits = {
  maxPages: 300,
  maxDepth: 4,
  timeBudgetMs: 600_000,
  maxBodyBytes: 5_000_000,
  hitMaxPages: false,
  hitTimeBudget: false,
  skippedUrls: 0,
  skippedByDepth: 0,
  truncatedPages: 0,
  crawlDelayMs: null,
};

export function makeSite(pages: AnalysedPage[], overrides: Partial<SiteFacts> = {}): SiteFacts {
  return {
    startUrl: SITE,
    siteUrl: SITE,
    host: 'www.comune.esempio.it',
    pages,
    assets: [],
    robots: null,
    sitemap: { documents: [] },
    tls: null,
    limits: { ...LIMITS },
    singlePage: false,
    auditedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Pages deliberately out of order: buildReport must sort them by depth, then URL. */
export function samplePages(): AnalysedPage[] {
  return [
    makePage(`${SITE}servizi/carta-identita`, 2, {
      title: 'Carta d\'identità, "elettronica"\nrilascio',
      pageType: { type: 'service', section: 'services', reason: 'data-element=service-title', signals: [{ it: 'la pagina ha il marcatore data-element="service-title"', en: 'the page carries data-element="service-title"' }] },
      classification: { category: 'anagrafe-stato-civile', confidence: 0.87, alternatives: [], declaredCategory: 'anagrafe-stato-civile' },
      links: [makeLink(`${SITE}modulo.pdf`, 'pdf'), makeLink(`${SITE}dati.csv`, 'csv'), makeLink(`${SITE}contatti`)],
    }),
    makePage(`${SITE}amministrazione`, 1, { pageType: { type: 'first-level', section: 'management', reason: 'menu', signals: [] } }),
    makePage(`${SITE}`, 0, { pageType: { type: 'home', section: null, reason: 'start', signals: [] }, links: [makeLink(`${SITE}amministrazione`)] }),
    makePage(`${SITE}albo`, 1, {
      status: 0,
      title: '',
      lang: null,
      error: { code: 'timeout', message: { it: 'nessuna risposta in 10 s', en: 'no response in 10 s' } },
    }),
  ];
}

/** The outcomes of C.SI.2.3's seven evidence items, in the order the sample lists them (faq/1 … faq/7). */
export const MIXED_OUTCOMES = ['pass', 'fail', 'partial', 'pass', 'pass', 'fail', 'pass'] as const;

export function sampleChecks() {
  const ev = (path: string, selector: string, snippet: string, note?: Localised) => ({ url: `${SITE}${path}`, selector, snippet, ...(note ? { note } : {}) });
  return [
    makeCheck('anpr', 'pass', { evidence: [ev('servizi/certificati', 'main a[href*=anagrafenazionale]', 'Certificati online')] }),
    makeCheck('pagopa', 'partial', {
      title: { it: 'pagoPA solo citato', en: 'pagoPA only mentioned' },
      message: { it: 'pagoPA è citato ma non c\'è un link al pagamento', en: 'pagoPA is mentioned but no payment link' },
      evidence: [ev('tributi', 'text', 'si paga con pagoPA presso', { it: 'pagoPA citato nel testo', en: 'pagoPA named in the text' })],
    }),
    makeCheck('spid', 'fail', {
      title: { it: 'Nessun accesso con SPID trovato', en: 'No SPID login found' },
      message: { it: 'Nessun pulsante «Entra con SPID» nelle pagine analizzate', en: 'No "Sign in with SPID" button on the audited pages' },
      law: 'CAD art. 64',
      weight: 2,
    }),
    makeCheck('cie', 'pass'),
    makeCheck('open-source', 'pass'),
    makeCheck('cloud', 'unknown'),
    makeCheck('online-services', 'partial'),
    makeCheck('C.SI.1.2', 'fail', {
      point: 'design',
      group: 'cittadino-informato',
      title: { it: 'Bootstrap Italia assente o anteriore alla 2.0', en: 'Bootstrap Italia missing or older than 2.0' },
      message: { it: '=HYPERLINK("http://evil") versione 1.6', en: '=HYPERLINK("http://evil") version 1.6' },
      law: 'AGID criterio C.SI.1.2',
      evidence: [ev('', 'link[rel=stylesheet]', '+bootstrap-italia 1.6.4\u001b[31m')],
    }),
    makeCheck('C.SI.1.6', 'pass', { point: 'design', group: 'cittadino-informato' }),
    makeCheck('C.SI.2.3', 'partial', {
      point: 'design',
      group: 'funzionalita',
      title: { it: 'C.SI.2.3 - Domande frequenti (FAQ)', en: 'C.SI.2.3 - Frequently asked questions (FAQ)' },
      // Pages that fare differently, each with its own outcome, deliberately not failing-first: reports order them.
      evidence: MIXED_OUTCOMES.map((outcome, i) => ({ ...ev(`faq/${i + 1}`, '[data-element="faq-item"]', ''), outcome })),
    }),
    makeCheck('C.SI.3.2', 'pass', { point: 'design', group: 'normativa' }),
    makeCheck('C.SI.4.1', 'unknown', { point: 'design', group: 'prestazioni' }),
    makeCheck('C.SI.5.1', 'pass', { point: 'design', group: 'sicurezza' }),
    makeCheck('R.SI.1.1', 'error', { point: 'design', group: 'raccomandazioni' }),
    makeCheck('io', 'fail'),
    makeCheck('open-data', 'pass', { details: { documents: 3, formats: ['csv', 'pdf'], portal: null } }),
    makeCheck('security', 'pass', { evidence: [{ url: SITE, selector: 'tls', snippet: 'TLSv1.3', note: { it: 'certificato valido', en: 'certificate valid' } }] }),
    makeCheck('privacy', 'fail'),
    makeCheck('accessibility', 'partial'),
    makeCheck('analytics', 'unknown'),
    makeCheck('assistant', 'unknown'),
  ];
}

export function sampleInput(overrides: Partial<BuildReportInput> = {}): BuildReportInput {
  return {
    site: makeSite(samplePages()),
    checks: sampleChecks(),
    startedAt: '2025-03-01T10:00:00.000Z',
    durationMs: 12_345,
    userAgent: 'comune-audit/0.1.0 (+https://example.org/comune-audit)',
    toolVersion: '0.1.0',
    ...overrides,
  };
}

export function sampleReport(overrides: Partial<BuildReportInput> = {}): Report {
  return buildReport(sampleInput(overrides));
}
