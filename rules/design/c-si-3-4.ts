// C.SI.3.4 Licence: the legal-notes page carries the model's CC-BY 4.0 text in its marked section
// ("Licenza dei contenuti", data-element legal-notes-section / legal-notes-body).
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import { legalNotes, normaliseLabel } from './model-data.js';
import { agidMeta, markers, pageNotFound, pagesOfType } from './shared.js';

/** Compare texts ignoring case, spacing, apostrophe style and final punctuation. */
const comparable = (text: string) => normaliseLabel(text).replace(/[.;:]+$/g, '').replace(/\s*([,.;:()])\s*/g, '$1');

export default defineRule(
  agidMeta({
    id: 'C.SI.3.4',
    title: {
      it: 'C.SI.3.4 - LICENZA E ATTRIBUZIONE - Il sito comunale deve pubblicare dati, documenti e informazioni con licenza aperta comunicandolo come descritto nella documentazione del modello di sito comunale.',
      en: 'C.SI.3.4 - Licence and attribution - The comune website must publish data, documents and information under an open licence (CC-BY 4.0), stated as the model describes.',
    },
    weight: 1,
    group: 'normativa',
    pageTypes: ['legal-notes'],
  }),
  (site) => {
    const [page] = pagesOfType(site, 'legal-notes');
    if (!page) return pageNotFound({ it: 'note legali', en: 'legal notes' }, site);
    const model = legalNotes();
    const expected = comparable(model.body.text);
    const [section] = markers(page, model.section.dataElement);
    const [body] = markers(page, model.body.dataElement);
    const sectionOk = section !== undefined && comparable(section.text).includes(comparable(model.section.title));
    const textOnPage = comparable(page.mainText).includes(expected);
    // Marker texts are capped in the facts: the body's text must start the model text, the page must carry all of it.
    const bodyText = body ? comparable(body.text.replace(/…$/, '')) : '';
    const bodyOk = bodyText.length > 0 && (bodyText.includes(expected) || (expected.startsWith(bodyText) && textOnPage));
    if (bodyOk && sectionOk) {
      return pass([evidence(page.url, `[data-element="${model.body.dataElement}"]`, body.text)], {
        it: 'Testo della licenza CC-BY 4.0 del modello nelle note legali',
        en: "The model's CC-BY 4.0 licence text is in the legal notes",
      });
    }
    if (textOnPage) {
      const why = !section
        ? { it: `manca il marcatore ${model.section.dataElement}`, en: `no ${model.section.dataElement} marker` }
        : !sectionOk
          ? { it: `il titolo della sezione non è "${model.section.title}"`, en: `section title is not "${model.section.title}"` }
          : { it: `manca il marcatore ${model.body.dataElement} attorno al testo`, en: `no ${model.body.dataElement} marker around the text` };
      return partial([evidence(page.url, 'text', model.body.text, why)], {
        it: 'Testo della licenza presente, ma senza la struttura marcata del modello',
        en: "Licence text present, but without the model's marked structure",
      });
    }
    const mention = /CC[- ]?BY[- ]?4\.0|Creative Commons[^.]{0,40}4\.0/i.exec(page.mainText);
    const seen = body?.text || (mention ? page.mainText.slice(Math.max(0, mention.index - 80), mention.index + 80) : '');
    const note = mention
      ? { it: 'cita CC-BY 4.0, ma non con il testo del modello', en: 'mentions CC-BY 4.0, not with the model text' }
      : seen
        ? undefined
        : { it: 'nessun testo di licenza CC-BY 4.0', en: 'no CC-BY 4.0 licence text' };
    return fail([evidence(page.url, body ? `[data-element="${model.body.dataElement}"]` : 'text', seen, note)], {
      it: 'Le note legali non riportano il testo di licenza CC-BY 4.0 del modello',
      en: "The legal notes do not carry the model's CC-BY 4.0 licence text",
    });
  },
);
