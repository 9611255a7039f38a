// C.SI.3.4 Licence, as the official checker decides it: the home footer's data-element="legal-notes" link leads to
// the legal notes; there the text of the legal-notes-section marker(s) must be exactly "Licenza dei contenuti" and the
// text of the legal-notes-body markers, joined, exactly the model's CC-BY 4.0 paragraph (case, spacing and apostrophe
// style aside). Both or 0: there is no partial.
import { defineRule, evidence, fail, pass, unknown } from '../../src/check/define.js';
import type { Evidence } from '../../src/types.js';
import { legalNotes } from './model-data.js';
import { agidMeta, crawledTarget, footerLink, isOutcome, markers } from './shared.js';

const WHAT = { it: 'link alle note legali', en: 'legal notes link' };

/** The official comparison form: lower case, runs of spaces as one, straight apostrophes as typographic ones. */
export const licenceForm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ').replaceAll("'", '’');

export default defineRule(
  agidMeta({
    id: 'C.SI.3.4',
    title: {
      it: 'C.SI.3.4 - LICENZA E ATTRIBUZIONE - Il sito comunale deve pubblicare dati, documenti e informazioni con licenza aperta comunicandolo come descritto nella documentazione del modello di sito comunale.',
      en: 'C.SI.3.4 - Licence and attribution - The comune website must publish data, documents and information under an open licence (CC-BY 4.0), stated as the model describes.',
    },
    weight: 1,
    group: 'normativa',
    pageTypes: ['home'],
  }),
  (site) => {
    const link = footerLink(site, 'legal-notes', WHAT);
    if (isOutcome(link)) return link;
    const page = crawledTarget(site, link.href);
    if (!page) {
      return unknown([evidence(link.home.url, 'footer [data-element="legal-notes"]', link.shown, { it: 'pagina delle note legali non letta', en: 'legal notes page not read' })], {
        it: 'Note legali non lette: il criterio non è valutabile',
        en: 'Legal notes not read: the criterion cannot be judged',
      }, { href: link.href });
    }
    const model = legalNotes();
    const sectionName = model.section.dataElement;
    const bodyName = model.body.dataElement;
    const sectionText = markers(page, sectionName).map((element) => element.text).join('').trim();
    const bodyText = markers(page, bodyName).map((element) => element.text).join(' ');
    const sectionOk = licenceForm(sectionText) === model.section.title.toLowerCase();
    const bodyOk = licenceForm(bodyText) === licenceForm(model.body.text);
    const problems: Evidence[] = [];
    if (!sectionOk) {
      const note = sectionText
        ? { it: `il testo del marcatore ${sectionName} non è esattamente "${model.section.title}" (il marcatore va sul titolo della sezione)`, en: `the ${sectionName} marker's text is not exactly "${model.section.title}" (the marker belongs on the section title)` }
        : { it: `manca il titolo di sezione "${model.section.title}" marcato data-element="${sectionName}"`, en: `no "${model.section.title}" section title marked data-element="${sectionName}"` };
      problems.push(evidence(page.url, `[data-element="${sectionName}"]`, sectionText, note));
    }
    if (!bodyOk) {
      const note = bodyText
        ? { it: `il testo del marcatore ${bodyName} non è il testo di licenza CC-BY 4.0 del modello`, en: `the ${bodyName} marker's text is not the model's CC-BY 4.0 licence text` }
        : { it: `manca il testo di licenza marcato data-element="${bodyName}"`, en: `no licence text marked data-element="${bodyName}"` };
      problems.push(evidence(page.url, `[data-element="${bodyName}"]`, bodyText, note));
    }
    if (problems.length) {
      return fail(problems, {
        it: 'Le note legali non riportano la licenza dei contenuti come nel modello',
        en: 'The legal notes do not state the content licence as the model does',
      }, { href: link.href });
    }
    return pass([evidence(page.url, `[data-element="${bodyName}"]`, bodyText)], {
      it: 'Testo della licenza CC-BY 4.0 del modello nelle note legali',
      en: "The model's CC-BY 4.0 licence text is in the legal notes",
    }, { href: link.href });
  },
);
