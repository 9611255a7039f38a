// C.SI.1.5 Topics: every topic on the topics page from the model's 64 (pass), else at least half from the
// model or EuroVoc (partial).
import { defineRule, evidence, fail, partial, pass, unknown } from '../../src/check/define.js';
import type { AnalysedPage, RuleOutcome, SiteFacts } from '../../src/types.js';
import { eurovocLabels, modelTopics, normaliseLabel } from './model-data.js';
import { agidMeta, brokenTargetNote, crawledTarget, homePage, markers, pageNotFound, usableHref } from './shared.js';

/**
 * The topics page as the official checker finds it: the first element of the home marked data-element="all-topics"
 * with an href of its own other than "#" or "" ("Tutti gli argomenti"). Its topics are the distinct texts of the
 * elements marked data-element="topic-element" there: nothing else on the page counts (an "Esplora argomento" button
 * or links into /argomenti/ are not topics).
 */
function topicsPage(site: SiteFacts, home: AnalysedPage): AnalysedPage | RuleOutcome {
  const link = home.dataElements.filter((element) => element.name === 'all-topics').find(usableHref);
  if (!link) {
    return fail([evidence(home.url, '[data-element="all-topics"]', '', { it: 'nella homepage nessun link "Tutti gli argomenti" marcato data-element="all-topics"', en: 'no "all topics" link marked data-element="all-topics" on the home page' })], {
      it: 'La homepage non collega la pagina degli argomenti (data-element="all-topics")',
      en: 'The home page does not link the topics page (data-element="all-topics")',
    });
  }
  const page = crawledTarget(site, link.href ?? '');
  if (!page || page.error || page.status >= 400) {
    const note = page ? brokenTargetNote(page) : { it: 'pagina degli argomenti non letta', en: 'topics page not read' };
    const outcome = page ? fail : unknown;
    return outcome([evidence(home.url, '[data-element="all-topics"]', `${link.text} → ${link.href}`, note)], {
      it: page ? 'La pagina degli argomenti è in errore' : 'Pagina degli argomenti non letta: il criterio non è valutabile',
      en: page ? 'The topics page is broken' : 'Topics page not read: the criterion cannot be judged',
    });
  }
  return page;
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
    pageTypes: ['home'],
  }),
  (site) => {
    const home = homePage(site);
    if (!home) return pageNotFound({ it: 'homepage', en: 'home page' }, site);
    const page = topicsPage(site, home);
    if ('status' in page && 'score' in page) return page;
    const source = '[data-element="topic-element"]';
    const names = [...new Set(markers(page, 'topic-element').map((element) => element.text.trim()).filter(Boolean))];
    if (!names.length) {
      return fail([evidence(page.url, source, '', { it: 'nessun argomento marcato data-element="topic-element"', en: 'no topic marked data-element="topic-element"' })], { it: 'Nessun argomento nella pagina degli argomenti', en: 'No topic on the topics page' });
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
