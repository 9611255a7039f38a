// The page-clarity feedback widget (C.SI.2.5, C.SI.2.6), checked statically: its markers and texts are there;
// the click logic (which follow-up appears for which rating) needs a browser and is not exercised.
import { evidence } from '../../src/check/define.js';
import type { AnalysedPage } from '../../src/types.js';
import { feedbackStructure, normaliseLabel } from './model-data.js';
import { markers, markersWithin, type PageVerdict } from './shared.js';

export const FEEDBACK_NOTE = 'static approximation: widget structure and texts; click behaviour not exercised';

/** Problems of the widget on one page, in the validator's words; null when the component is missing. */
export function feedbackProblems(page: AnalysedPage): string[] | null {
  const model = feedbackStructure();
  const componentIndex = page.dataElements.findIndex((element) => element.name === model.component.dataElement);
  if (componentIndex < 0) return null;
  const problems: string[] = [];
  const same = (a: string, b: string) => normaliseLabel(a) === normaliseLabel(b);
  const [title] = markers(page, model.title.dataElement);
  if (!title) problems.push('Domanda iniziale non trovata');
  else if (!same(title.text, model.title.text)) problems.push(`Domanda iniziale errata: "${title.text}"`);
  const rates = Array.from({ length: model.rate.numberOfComponents }, (_, i) => `${model.rate.dataElement}${i + 1}`);
  const missingRates = rates.filter((name) => !markers(page, name).length);
  if (missingRates.length) problems.push(`Scala di valutazione incompleta: manca ${missingRates.join(', ')}`);
  for (const [rating, label] of [
    [model.positive_rating, 'positiva'],
    [model.negative_rating, 'negativa'],
  ] as const) {
    const index = page.dataElements.findIndex((element) => element.name === rating.dataElement);
    if (index < 0) {
      problems.push(`Componente della domanda ${label} non trovato`);
      continue;
    }
    const [question] = markersWithin(page, index, rating.question.dataElement);
    if (!question) problems.push(`Domanda ${label} di follow up non trovata`);
    else if (!same(question.text, rating.question.text)) problems.push(`Domanda ${label} di follow up errata: "${question.text}"`);
    const answers = markersWithin(page, index, rating.answers.dataElement).map((answer) => normaliseLabel(answer.text));
    const missingAnswers = rating.answers.texts.filter((text) => !answers.includes(normaliseLabel(text)));
    if (!answers.length) problems.push(`Risposte alla domanda ${label} non trovate`);
    else if (missingAnswers.length || answers.length !== rating.answers.texts.length) {
      problems.push(`Risposte alla domanda ${label} errate o mancanti${missingAnswers.length ? `: manca "${missingAnswers.join('", "')}"` : ''}`);
    }
  }
  if (!markers(page, model.input_text.dataElement).length) problems.push('Campo di testo libero mancante');
  return problems;
}

export function feedbackVerdict(page: AnalysedPage): PageVerdict {
  const problems = feedbackProblems(page);
  if (problems === null) {
    return { page, score: 0, evidence: [evidence(page.url, '[data-element="feedback"]', 'Componente di valutazione non trovato', FEEDBACK_NOTE)] };
  }
  if (problems.length) {
    return { page, score: 0.5, evidence: [evidence(page.url, '[data-element="feedback"]', problems.join('; '), FEEDBACK_NOTE)] };
  }
  return { page, score: 1, evidence: [evidence(page.url, '[data-element="feedback"]', 'component, question, 5-step scale, follow-ups and free text as in the model', FEEDBACK_NOTE)] };
}
