// Point 10 — publish your data. Four signals: the "Amministrazione trasparente" section (D.lgs. 33/2013, a legal
// duty), an open-data portal (dati.gov.it, CKAN, /opendata), files in open machine-readable formats (CSV, JSON,
// XML, ODS, RDF) and the CC-BY 4.0 content licence. Pass = transparency section plus open data (a portal or at
// least one open-format file): publishing data, not only documents. Any single signal is partial — typically a
// transparency section that holds only PDFs. None on a crawled site fails.
import { defineRule, evidence, hostOf, okPages, partial, pass } from '../src/check/define.js';
import type { DocumentType, Evidence, Localised } from '../src/types.js';
import { capEvidence, findLinks, firstLineMatching, hostIn, linkEvidence, linkWording, notFound } from './find.js';
import {
  CC_BY_4,
  NOT_DATA_FILES,
  OPEN_DATA_DOMAINS,
  OPEN_DATA_HOST_LABELS,
  OPEN_DATA_PATH,
  OPEN_FORMATS,
  SPREADSHEET_FORMATS,
  TRANSPARENCY_PATH,
  TRANSPARENCY_TEXT,
} from './signals.js';

const TRANSPARENCY_NOTE: Localised = { it: 'Amministrazione trasparente', en: 'Amministrazione trasparente (transparency section)' };

const isOpenFormat = (type: DocumentType | null, href: string) =>
  type !== null && (OPEN_FORMATS as readonly string[]).includes(type) && !NOT_DATA_FILES.test(href);
const isSpreadsheet = (type: DocumentType | null) => type !== null && (SPREADSHEET_FORMATS as readonly string[]).includes(type);

function isOpenDataPortal(href: string): boolean {
  const host = hostOf(href);
  if (!host) return false;
  if (hostIn(host, OPEN_DATA_DOMAINS)) return true;
  if (OPEN_DATA_HOST_LABELS.includes(host.split('.')[0])) return true;
  try {
    return OPEN_DATA_PATH.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

export default defineRule(
  {
    id: 'open-data',
    point: 'open-data',
    title: { it: 'Trasparenza e dati aperti', en: 'Transparency and open data' },
    failureTitle: { it: 'Dati aperti e trasparenza insufficienti', en: 'Insufficient open data and transparency' },
    law: 'CAD (D.lgs. 82/2005) artt. 50 e 52; D.lgs. 33/2013; D.lgs. 36/2006; Linee guida AgID open data',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const transparency = findLinks(
      pages,
      (link) => TRANSPARENCY_TEXT.test(linkWording(link)) || (link.href.startsWith('http') && TRANSPARENCY_PATH.test(link.href)),
    );
    const transparencyPage = pages.find((page) => TRANSPARENCY_TEXT.test(page.title) || page.headings.some((h) => h.level === 1 && TRANSPARENCY_TEXT.test(h.text)));
    const portals = findLinks(pages, (link) => isOpenDataPortal(link.href));
    const openFiles = findLinks(pages, (link) => isOpenFormat(link.documentType, link.href));
    const spreadsheets = findLinks(pages, (link) => isSpreadsheet(link.documentType));
    const pdfs = findLinks(pages, (link) => link.documentType === 'pdf');
    const licence = pages.flatMap((page) => {
      const match = firstLineMatching(page.mainText, CC_BY_4) ?? firstLineMatching(page.boilerplateText, CC_BY_4);
      return match ? [evidence(page.url, 'text', match)] : [];
    })[0];

    const hasTransparency = transparency.length > 0 || transparencyPage !== undefined;
    const hasOpenData = portals.length > 0 || openFiles.length > 0;
    const formats = [...new Set(openFiles.map((hit) => hit.link.documentType as string))].sort();
    const details = {
      transparencySection: hasTransparency,
      openDataPortalLinks: portals.length,
      openFormatFiles: openFiles.length,
      openFormats: formats,
      spreadsheetFiles: spreadsheets.length,
      pdfFiles: pdfs.length,
      ccBy40: licence !== undefined,
    };
    const ev: Evidence[] = capEvidence([
      ...transparency.slice(0, 2).map((hit) => linkEvidence(hit, TRANSPARENCY_NOTE)),
      ...(transparencyPage && !transparency.length ? [evidence(transparencyPage.url, 'title', transparencyPage.title, TRANSPARENCY_NOTE)] : []),
      ...portals.slice(0, 3).map((hit) => linkEvidence(hit, { it: 'portale open data', en: 'open-data portal' })),
      ...openFiles.slice(0, 3).map((hit) => linkEvidence(hit, { it: `formato aperto: ${hit.link.documentType}`, en: `open format: ${hit.link.documentType}` })),
      ...spreadsheets.slice(0, 1).map((hit) => linkEvidence(hit, { it: `foglio di calcolo: ${hit.link.documentType}`, en: `spreadsheet: ${hit.link.documentType}` })),
      ...(licence ? [{ ...licence, note: { it: 'licenza CC-BY 4.0', en: 'CC-BY 4.0 licence' } }] : []),
    ]);

    if (hasTransparency && hasOpenData) {
      return pass(
        ev,
        {
          it: `Amministrazione trasparente presente e dati aperti pubblicati (${portals.length} link a portali, ${openFiles.length} file in formato aperto).`,
          en: `Transparency section present and open data published (${portals.length} portal links, ${openFiles.length} open-format files).`,
        },
        details,
      );
    }
    if (hasTransparency || hasOpenData || spreadsheets.length || licence) {
      const onlyPdf = !hasOpenData && pdfs.length > 0;
      return partial(
        ev,
        {
          it: hasTransparency
            ? `Amministrazione trasparente presente, ma nessun dato in formato aperto${onlyPdf ? ' (solo PDF)' : ''} né portale open data.`
            : 'Dati aperti o licenza presenti, ma nessun link alla sezione Amministrazione trasparente.',
          en: hasTransparency
            ? `Transparency section present, but no open-format data${onlyPdf ? ' (PDF only)' : ''} and no open-data portal.`
            : 'Open data or licence present, but no link to the Amministrazione trasparente section.',
        },
        details,
      );
    }
    return notFound(
      site,
      [],
      {
        it: 'Nessuna sezione Amministrazione trasparente, nessun portale o file di dati aperti.',
        en: 'No Amministrazione trasparente section, no open-data portal or files.',
      },
      details,
    );
  },
);
