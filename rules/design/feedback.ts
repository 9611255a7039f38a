// The page-clarity feedback widget (C.SI.2.5, C.SI.2.6), checked statically: its markers and texts are there;
// the click logic (which follow-up appears for which rating) needs a browser and is not exercised.
import { evidence, joinLocalised } from '../../src/check/define.js';
import type { AnalysedPage, Localised } from '../../src/types.js';
import { feedbackStructure, normaliseLabel } from './model-data.js';
import { markers, markersWithin, type PageVerdict } from './shared.js';

export const FEEDBACK_NOTE: Localised = {
  it: 'approssimazione statica: struttura e testi del componente; il comportamento al clic non è verificato',
  en: 'static approximation: widget structure and texts; click behaviour not exercised',
};

/** Problems of the widget on one page, in the validator's words (and in English); null when the component is missing. */
export function feedbackProblems(page: AnalysedPage): Localised[] | null {
  const model = feedbackStructure();
  const componentIndex = page.dataElements.findIndex((element) => element.name === model.component.dataElement);
  if (componentIndex < 0) return null;
  const problems: Localised[] = [];
  const same = (a: string, b: string) => normaliseLabel(a) === normaliseLabel(b);
  const [title] = markers(page, model.title.dataElement);
  if (!title) problems.push({ it: 'Domanda iniziale non trovata', en: 'Initial question not found' });
  else if (!same(title.text, model.title.text)) problems.push({ it: `Domanda iniziale errata: "${title.text}"`, en: `Wrong initial question: "${title.text}"` });
  const rates = Array.from({ length: model.rate.numberOfComponents }, (_, i) => `${model.rate.dataElement}${i + 1}`);
  const missingRates = rates.filter((name) => !markers(page, name).length);
  if (missingRates.length) {
    problems.push({ it: `Scala di valutazione incompleta: manca ${missingRates.join(', ')}`, en: `Rating scale incomplete: ${missingRates.join(', ')} missing` });
  }
  for (const [rating, label] of [
    [model.positive_rating, { it: 'positiva', en: 'positive' }],
    [model.negative_rating, { it: 'negativa', en: 'negative' }],
  ] as const) {
    const index = page.dataElements.findIndex((element) => element.name === rating.dataElement);
    if (index < 0) {
      problems.push({ it: `Componente della domanda ${label.it} non trovato`, en: `Component of the ${label.en} question not found` });
      continue;
    }
    const [question] = markersWithin(page, index, rating.question.dataElement);
    if (!question) problems.push({ it: `Domanda ${label.it} di follow up non trovata`, en: `Follow-up question for a ${label.en} rating not found` });
    else if (!same(question.text, rating.question.text)) {
      problems.push({ it: `Domanda ${label.it} di follow up errata: "${question.text}"`, en: `Wrong follow-up question for a ${label.en} rating: "${question.text}"` });
    }
    const answers = markersWithin(page, index, rating.answers.dataElement).map((answer) => normaliseLabel(answer.text));
    const missingAnswers = rating.answers.texts.filter((text) => !answers.includes(normaliseLabel(text)));
    if (!answers.length) problems.push({ it: `Risposte alla domanda ${label.it} non trovate`, en: `Answers to the ${label.en} question not found` });
    else if (missingAnswers.length || answers.length !== rating.answers.texts.length) {
      const missing = `"${missingAnswers.join('", "')}"`;
      problems.push({
        it: `Risposte alla domanda ${label.it} errate o mancanti${missingAnswers.length ? `: manca ${missing}` : ''}`,
        en: `Answers to the ${label.en} question wrong or missing${missingAnswers.length ? `: ${missing} missing` : ''}`,
      });
    }
  }
  if (!markers(page, model.input_text.dataElement).length) problems.push({ it: 'Campo di testo libero mancante', en: 'Free-text field missing' });
  return problems;
}

export function feedbackVerdict(page: AnalysedPage): PageVerdict {
  const problems = feedbackProblems(page);
  const selector = '[data-element="feedback"]';
  if (problems === null) {
    const missing = { it: 'Componente di valutazione non trovato', en: 'Rating component not found' };
    return { page, score: 0, evidence: [evidence(page.url, selector, '', joinLocalised([missing, FEEDBACK_NOTE]))] };
  }
  // Seen: the widget's initial question as the page words it.
  const question = markers(page, feedbackStructure().title.dataElement)[0]?.text ?? '';
  if (problems.length) {
    return { page, score: 0.5, evidence: [evidence(page.url, selector, question, joinLocalised([...problems, FEEDBACK_NOTE]))] };
  }
  const asModel = {
    it: 'componente, domanda, scala a 5 livelli, domande di follow up e testo libero come nel modello',
    en: 'component, question, 5-step scale, follow-ups and free text as in the model',
  };
  return { page, score: 1, evidence: [evidence(page.url, selector, question, joinLocalised([asModel, FEEDBACK_NOTE]))] };
}
