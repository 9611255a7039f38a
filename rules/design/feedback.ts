// The page-clarity feedback widget (C.SI.2.5, C.SI.2.6), scored per page the way the official checker scores it:
// no component → 0; a wrong initial question, follow-up question or answer → 0; a missing title, rating step,
// follow-up block, follow-up question or free-text field → 0.5. Statically: which follow-up appears for which rating
// (the official checker clicks each step) is not exercised, except that a page without any script cannot switch them.
import { evidence, joinLocalised } from '../../src/check/define.js';
import type { AnalysedPage, Localised } from '../../src/types.js';
import { feedbackStructure } from './model-data.js';
import { markers, markersWithin, type PageVerdict } from './shared.js';

export const FEEDBACK_NOTE: Localised = {
  it: 'approssimazione statica: struttura e testi del componente; il comportamento al clic non è verificato',
  en: 'static approximation: widget structure and texts; click behaviour not exercised',
};

/** What the official checker compares: the element's text, trimmed and lower-cased. */
const same = (seen: string, expected: string) => seen.trim().toLowerCase() === expected.toLowerCase();

export interface FeedbackProblem {
  /** 0: the problem fails the page; 0.5: it makes the page partial. */
  score: 0 | 0.5;
  what: Localised;
}

/** Problems of the widget on one page, worst first; null when the component (data-element="feedback") is missing. */
export function feedbackProblems(page: AnalysedPage): FeedbackProblem[] | null {
  const model = feedbackStructure();
  const componentIndex = page.dataElements.findIndex((element) => element.name === model.component.dataElement);
  if (componentIndex < 0) return null;
  const problems: FeedbackProblem[] = [];
  const [title] = markersWithin(page, componentIndex, model.title.dataElement);
  if (!title) problems.push({ score: 0.5, what: { it: `domanda iniziale (data-element="${model.title.dataElement}") non trovata`, en: `initial question (data-element="${model.title.dataElement}") not found` } });
  else if (!same(title.text, model.title.text)) {
    problems.push({ score: 0, what: { it: `domanda iniziale errata: "${title.text}" invece di "${model.title.text}"`, en: `wrong initial question: "${title.text}" instead of "${model.title.text}"` } });
  }
  const rates = Array.from({ length: model.rate.numberOfComponents }, (_, i) => `${model.rate.dataElement}${i + 1}`);
  const missingRates = rates.filter((name) => !markers(page, name).length);
  if (missingRates.length) {
    problems.push({ score: 0.5, what: { it: `scala di valutazione incompleta: manca data-element="${missingRates.join('", "')}"`, en: `rating scale incomplete: no data-element="${missingRates.join('", "')}"` } });
  }
  for (const [rating, label] of [
    [model.positive_rating, { it: 'positiva', en: 'positive' }],
    [model.negative_rating, { it: 'negativa', en: 'negative' }],
  ] as const) {
    const index = page.dataElements.findIndex((element) => element.name === rating.dataElement);
    if (index < 0) {
      problems.push({ score: 0.5, what: { it: `blocco della domanda ${label.it} di follow up (data-element="${rating.dataElement}") non trovato`, en: `${label.en} follow-up block (data-element="${rating.dataElement}") not found` } });
      continue;
    }
    const [question] = markersWithin(page, index, rating.question.dataElement);
    if (!question) {
      problems.push({ score: 0.5, what: { it: `domanda ${label.it} di follow up (data-element="${rating.question.dataElement}") non trovata`, en: `${label.en} follow-up question (data-element="${rating.question.dataElement}") not found` } });
    } else if (!same(question.text, rating.question.text)) {
      problems.push({ score: 0, what: { it: `domanda ${label.it} di follow up errata: "${question.text}"`, en: `wrong ${label.en} follow-up question: "${question.text}"` } });
    }
    const wrong = markersWithin(page, index, rating.answers.dataElement).filter((answer) => !rating.answers.texts.some((text) => same(answer.text, text)));
    if (wrong.length) {
      const list = wrong.map((answer) => `"${answer.text}"`).join(', ');
      problems.push({ score: 0, what: { it: `risposte alla domanda ${label.it} fuori dal modello: ${list}`, en: `answers to the ${label.en} question not in the model: ${list}` } });
    }
  }
  // The official checker clicks each rating and checks that the matching follow-up (1–3 negative, 4–5 positive) is
  // the one shown: without any script on the page nothing can switch them, so the association is wrong (0).
  if (!page.scripts.length && !page.inlineScripts.length) {
    problems.push({ score: 0, what: { it: 'nessuno script nella pagina: le domande di follow up non possono cambiare con il voto', en: 'no script on the page: the follow-up questions cannot follow the rating' } });
  }
  if (!markersWithin(page, componentIndex, model.input_text.dataElement).length) {
    problems.push({ score: 0.5, what: { it: `campo di testo libero (data-element="${model.input_text.dataElement}") mancante`, en: `free-text field (data-element="${model.input_text.dataElement}") missing` } });
  }
  return problems.sort((a, b) => a.score - b.score);
}

export function feedbackVerdict(page: AnalysedPage): PageVerdict {
  const problems = feedbackProblems(page);
  const selector = '[data-element="feedback"]';
  if (problems === null) {
    const missing = { it: 'componente di valutazione (data-element="feedback") non trovato', en: 'rating component (data-element="feedback") not found' };
    return { page, score: 0, evidence: [evidence(page.url, selector, '', joinLocalised([missing, FEEDBACK_NOTE]))] };
  }
  // Seen: the widget's initial question as the page words it.
  const question = markers(page, feedbackStructure().title.dataElement)[0]?.text ?? '';
  if (problems.length) {
    const score = problems[0].score;
    return { page, score, evidence: [evidence(page.url, selector, question, joinLocalised([...problems.map((problem) => problem.what), FEEDBACK_NOTE]))] };
  }
  const asModel = {
    it: 'componente, domanda, scala a 5 livelli, domande di follow up e testo libero come nel modello',
    en: 'component, question, 5-step scale, follow-ups and free text as in the model',
  };
  return { page, score: 1, evidence: [evidence(page.url, selector, question, joinLocalised([asModel, FEEDBACK_NOTE]))] };
}
