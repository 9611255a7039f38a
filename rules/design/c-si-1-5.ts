// C.SI.1.5 Topics: every topic on the topics page from the model's 64 (pass), else at least half from the
// model or EuroVoc (partial).
import { defineRule, evidence, fail, partial, pass } from '../../src/check/define.js';
import type { AnalysedPage } from '../../src/types.js';
import { eurovocLabels, modelTopics, normaliseLabel } from './model-data.js';
import { agidMeta, markers, pageNotFound, pagesOfType } from './shared.js';

/** Topic names: the model's topic-element markers, else (old sites) the main-content links into a topics folder. */
function topicsOn(page: AnalysedPage): { names: string[]; source: string } {
  const marked = markers(page, 'topic-element').map((element) => element.text.trim()).filter(Boolean);
  if (marked.length) return { names: [...new Set(marked)], source: '[data-element="topic-element"]' };
  const linked = page.links
    .filter((link) => link.region === 'main' && /\/argoment[io]\/[^/?#]+/i.test(link.href) && link.text.trim())
    .map((link) => link.text.trim());
  return { names: [...new Set(linked)], source: 'main a[href*="/argomenti/"]' };
}

export default defineRule(
  agidMeta({
    id: 'C.SI.1.5',
    title: {
      it: 'C.SI.1.5 - VOCABOLARI CONTROLLATI - Il sito comunale deve utilizzare argomenti forniti dal modello di sito comunale ovvero quelli appartenenti al vocabolario controllato europeo EuroVoc.',
      en: 'C.SI.1.5 - Controlled vocabularies - The comune website must use the topics of the model or of the EuroVoc vocabulary.',
    },
    weight: 1,
    group: 'cittadino-informato',
    pageTypes: ['topics'],
  }),
  (site) => {
    const [page] = pagesOfType(site, 'topics');
    if (!page) return pageNotFound({ it: 'pagina degli argomenti', en: 'topics page' }, site);
    const { names, source } = topicsOn(page);
    if (!names.length) {
      return fail([evidence(page.url, '[data-element="topic-element"]', '', { it: 'nessun argomento trovato', en: 'no topic found' })], { it: 'Nessun argomento nella pagina degli argomenti', en: 'No topic on the topics page' });
    }
    const model = modelTopics();
    const eurovoc = eurovocLabels();
    const inModel = names.filter((name) => model.has(normaliseLabel(name)));
    const inEither = names.filter((name) => model.has(normaliseLabel(name)) || eurovoc.has(normaliseLabel(name)));
    const outside = names.filter((name) => !inEither.includes(name));
    const share = Math.round((inEither.length / names.length) * 100);
    const ev = [
      evidence(page.url, source, names.join(' | '), {
        it: `${names.length} argomenti: ${inModel.length} dal modello, ${inEither.length - inModel.length} da EuroVoc, ${outside.length} da nessuno dei due`,
        en: `${names.length} topics: ${inModel.length} from the model, ${inEither.length - inModel.length} from EuroVoc, ${outside.length} outside`,
      }),
      ...names
        .filter((name) => !inModel.includes(name))
        .slice(0, 20)
        .map((name) =>
          evidence(
            page.url,
            source,
            name,
            inEither.includes(name) ? { it: 'da EuroVoc', en: 'from EuroVoc' } : { it: 'né nel modello né in EuroVoc', en: 'not in the model nor in EuroVoc' },
          ),
        ),
    ];
    const details = { topics: names.length, modelTopics: inModel.length, vocabularyShare: share };
    if (inModel.length === names.length) return pass(ev, { it: 'Tutti gli argomenti sono del modello', en: 'Every topic is a model topic' }, details);
    if (share >= 50) return partial(ev, { it: `${share}% degli argomenti dal modello o da EuroVoc`, en: `${share}% of topics from the model or EuroVoc` }, details);
    return fail(ev, { it: `Solo ${share}% degli argomenti dal modello o da EuroVoc`, en: `Only ${share}% of topics from the model or EuroVoc` }, details);
  },
);
